"""The form and its rules: pure Python, no Qt, no I/O."""
