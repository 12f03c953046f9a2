"""The window and its start: QApplication, launcher, display check, start page, the tab strip, About."""
