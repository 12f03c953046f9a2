"""The indicator library in the window: its dock, Qt model and actions."""
