"""Files in and out: the one layout grid, its Word/Excel/PDF writers and readers, plain text."""
