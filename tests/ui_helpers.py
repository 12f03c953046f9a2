"""Helpers for the GUI tests (importable, unlike conftest)."""
from __future__ import annotations


def settle(win) -> None:
    """Let the pending revalidation run (it is queued on a 0-ms timer after each edit)."""
    if win.runner is not None and win.runner.pending:
        win.runner.run_now()


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events (QTest's keyClicks only knows ASCII; this is what
    an input method delivers for Chinese)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
