"""Helpers for the GUI tests (importable, unlike conftest)."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


@contextmanager
def shown_window(qtbot, first_paint: bool = False) -> Iterator:
    """A main window at 1366x768, shown and exposed; afterwards closed without the "save changes?"
    question. ``first_paint``: as app.start makes it, the first form opened waits for the first frame."""
    from goalform.ui.app.main_window import MainWindow

    win = MainWindow()
    win.resize(1366, 768)
    win.validate_after_first_paint = first_paint
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.set_document(None)
        win.close()
        win.deleteLater()


def settle(win) -> None:
    """Let the pending revalidation run (it is queued on a 0-ms timer after each edit)."""
    if win.runner is not None and win.runner.pending:
        win.runner.run_now()
    win.dock.flush()


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events (QTest's keyClicks only knows ASCII; this is what
    an input method delivers for Chinese)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def click_finding(window, qtbot, text: str) -> None:
    """Click the first finding in the dock whose text contains ``text``, as a user would."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    settle(window)
    items = window.dock.list
    items.doItemsLayout()  # the list lays out in batches; finish before looking for the row
    QApplication.processEvents()
    row = next(i for i in range(items.count()) if text in items.item(i).text(0))
    item = items.item(row)
    items.scrollToItem(item)
    QApplication.processEvents()
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=items.visualItemRect(item).center())


def put_on_clipboard(text: str, html: str = "") -> None:
    """Put ``text`` (and an HTML version, as spreadsheets and Word do) on the clipboard."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    if text:
        mime.setText(text)
    if html:
        mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)


def cell(win, name: str):
    """The line edit called ``name`` in ``win`` (a funds cell, a field), which must exist."""
    from PySide6.QtWidgets import QLineEdit

    found = win.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def simulate_crash(doc) -> None:
    """What a killed process leaves behind: the working copy, its sidecar naming a dead process."""
    import json

    working = doc.working_path
    doc._conn.close()  # the process dies: no close(), no clean-up
    sidecar = working.with_suffix(".json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["pid"] = 2**22 + 12345  # no such process
    sidecar.write_text(json.dumps(data), encoding="utf-8")


def starting_window(qtbot, path=None):
    """A window as app.start makes it: shown before the crash recovery and the file to open; with
    ``path``, that file opened and the first frame drawn."""
    from goalform.ui.app.main_window import MainWindow

    window = MainWindow(starting=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.validate_after_first_paint = True
    if path is not None:
        assert window.files.open_path(path)
        qtbot.waitUntil(lambda: not window.first_frame_pending)
    return window
