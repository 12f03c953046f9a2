"""The desktop application (PySide6): widgets, Qt models, delegates, undo commands."""
