"""The form's plain fields: the header and texts tabs, their bound widgets, their names, the date field."""
