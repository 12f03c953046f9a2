"""The desktop application (PySide6), one folder per feature: app (the window and its start), fields,
funds, indicators, review, library, files, findings. The modules directly here are shared by them:
the editor every edit goes through, the undo commands, settings, wording, user errors, markers."""
