"""Start-up (issue 25): a starting window (app.start) builds its start page only if it is to be seen.

A form opened from the command line replaces the start page before the first frame, so none is built;
a message shown before a form opens (the crash recovery's question, an error opening the file) still
has the start page behind it, as has a start that ends without a form.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from helpers.ui import simulate_crash, starting_window

from goalform.store.document import Document
from goalform.ui.app.main_window import MainWindow
from goalform.ui.app.start_page import StartPage


def behind_the_next_box(window: MainWindow, button: str = "") -> dict:
    """What the window shows behind the next message box (found once it is up), then clicks ``button``
    in it (its only button by default)."""
    seen: dict = {}
    turns = iter(range(100))  # the box's own event loop shows what was built for it: give it a second

    def look() -> None:
        box = QApplication.activeModalWidget()
        page = window.centralWidget()
        if not isinstance(box, QMessageBox) or (not (page and page.isVisible()) and next(turns, None) is not None):
            QTimer.singleShot(10, look)
            return
        seen.update(text=box.text(), page=page, visible=page is not None and page.isVisible())
        [chosen] = [b for b in box.buttons() if b.text().startswith(button)] if button else box.buttons()
        chosen.click()

    QTimer.singleShot(0, look)
    return seen


def test_a_start_with_a_good_file_builds_no_start_page(qtbot, saved_reference):
    window = starting_window(qtbot)
    assert window.centralWidget() is None  # nothing built before the file is opened
    assert window.files.open_path(saved_reference)
    window.start_page_later.settle()  # as app.start does once the form is open
    qtbot.waitUntil(lambda: not window.first_frame_pending)
    assert window.findChildren(StartPage) == []
    assert window.tabs is not None and window.tabs.isVisible()
    window.files.close_action.trigger()  # 关闭 shows the start page as ever
    QApplication.processEvents()
    assert isinstance(window.centralWidget(), StartPage) and window.centralWidget().isVisible()


def test_an_unreadable_file_is_told_in_front_of_the_start_page(qtbot, tmp_path):
    bad = tmp_path / "坏文件.goal"
    bad.write_bytes(b"this is no SQLite database" * 40)
    window = starting_window(qtbot)
    seen = behind_the_next_box(window)
    assert not window.files.open_path(bad)
    assert isinstance(seen["page"], StartPage) and seen["visible"], seen
    assert window.doc is None
    window.start_page_later.settle()  # nothing more to build: the same page stays
    assert window.centralWidget() is seen["page"] and len(window.findChildren(StartPage)) == 1


def test_the_crash_recovery_asks_in_front_of_the_start_page(qtbot, saved_reference):
    doc = Document.open(saved_reference)
    doc.set_field("department", "崩溃前的修改")
    simulate_crash(doc)
    window = starting_window(qtbot)
    seen = behind_the_next_box(window, "丢弃")
    assert not window.files.recover_orphans(tidy_temp=False)
    assert "恢复吗" in seen["text"] and isinstance(seen["page"], StartPage) and seen["visible"], seen
    # then the file asked for opens over it, as before
    assert window.files.open_path(saved_reference)
    window.start_page_later.settle()
    qtbot.waitUntil(lambda: window.tabs is not None and window.tabs.isVisible())
    assert not isinstance(window.centralWidget(), StartPage)


def test_a_start_without_a_file_shows_the_start_page(qtbot):
    window = starting_window(qtbot)
    assert not window.files.recover_orphans(tidy_temp=False)
    window.start_page_later.settle()
    QApplication.processEvents()
    assert isinstance(window.centralWidget(), StartPage) and window.centralWidget().isVisible()
    assert not window.dock.isVisible()  # no empty 检查结果 beside it
