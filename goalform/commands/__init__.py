"""One module per CLI command; see goalform.cli."""
