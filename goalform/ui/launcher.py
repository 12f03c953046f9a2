"""Starts the GUI: ``goalform`` with no command, ``goalform FILE.goal`` or the goalform-gui launcher."""
from __future__ import annotations

import os
import sys
from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from goalform.ui.appicon import app_icon

    app.setWindowIcon(app_icon())
    window = QMainWindow()
    window.setWindowTitle("goalform")
    window.setCentralWidget(QLabel(args[0] if args else "goalform"))
    window.resize(1200, 720)
    window.show()
    if os.environ.get("GOALFORM_QUIT_AFTER_SHOW") == "1":  # smoke tests of the bundle: start, show, quit
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return app.exec()
