"""Text sections, the header fields and remembered settings."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from helpers.ui import settle, type_text

from goalform.ui.app.main_window import MainWindow
from goalform.ui.settings import Settings


def test_text_section_typing_is_one_undo_step(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(2)
    edit = window.findChild(QPlainTextEdit, "text_functions")
    edit.setFocus()
    type_text(edit, "负责招商引资")
    assert blank_doc.field("functions") == "负责招商引资"
    assert window.undo_action.text() == "撤销 修改部门职能概述"
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert blank_doc.field("functions") == "" and edit.toPlainText() == ""
    window.redo_action.trigger()
    assert edit.toPlainText() == "负责招商引资"


def test_a_new_typing_session_is_a_new_undo_step(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    name = window.findChild(QLineEdit, "field_filler")
    name.setFocus()
    type_text(name, "张")
    name.editingFinished.emit()  # the field lost focus
    type_text(name, "晓明")
    window.undo_action.trigger()
    assert blank_doc.field("filler") == "张" and name.text() == "张"


def test_goal_and_deadline_on_the_long_term_tab(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(3)
    deadline = window.findChild(QLineEdit, "field_deadline")
    deadline.setFocus()
    type_text(deadline, "2028年12月")
    goal = window.findChild(QPlainTextEdit, "text_long_term_goal")
    goal.setFocus()
    type_text(goal, "三年内实现")
    assert blank_doc.field("deadline") == "2028年12月"
    assert blank_doc.field("long_term_goal") == "三年内实现"


def test_f8_walks_the_findings(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    settle(window)
    window.next_finding_action.trigger()
    assert window.tabs.currentIndex() == 0
    assert window.focusWidget().objectName() == "field_department"


def test_window_geometry_is_remembered(qtbot, monkeypatch):
    first = MainWindow()
    first.resize(1000, 650)
    first.show()
    qtbot.waitExposed(first)
    geometry = first.saveGeometry()
    assert first.close()
    # (the offscreen screen is 800x600, so a restored window is clamped: compare what is stored)
    assert Settings().geometry() == geometry
    restored = []
    original = MainWindow.restoreGeometry
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda self, g: restored.append(g) or original(self, g))
    second = MainWindow()
    assert restored == [geometry]
    second.deleteLater()
    first.deleteLater()


def test_indicator_names_from_earlier_forms(tmp_path):
    settings = Settings()
    settings.add_indicator_names(["窗口服务满意度", "公用经费控制率"])
    settings.add_indicator_names(["窗口服务满意度", "网上办件率"])
    assert Settings().indicator_names() == ["网上办件率", "窗口服务满意度", "公用经费控制率"]


def test_notes_are_shown_and_a_notes_finding_lands_there(window, blank_doc):
    from goalform.domain.validation import Location

    blank_doc.set_field("notes", "结转待核对")
    window.set_document(blank_doc)
    notes = window.findChild(QPlainTextEdit, "text_notes")
    assert notes.toPlainText() == "结转待核对"
    window.tabs.setCurrentIndex(3)
    window.navigate(Location("notes", "notes"))
    assert window.tabs.currentIndex() == 0 and window.focusWidget() is notes


def test_a_settings_file_that_is_a_fifo_does_not_hang_the_start(_private_data_dir):
    """Issue 23: a FIFO where settings.ini should be blocked the start for ever (QSettings opened it).
    The window is made in a child process, so that a hang is a failure after a minute, not for ever."""
    import os
    import stat
    import subprocess
    import sys

    import pytest

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    fifo = _private_data_dir / "settings.ini"
    os.mkfifo(fifo)
    code = ("from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from goalform.ui.app.main_window import MainWindow\n"
            "w = MainWindow()\n"
            "w.settings.last_folder = '/tmp'\n"
            "w.settings.qs.sync()\n"
            "print(w.statusBar().full_message())\n")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                              env={**os.environ, "GOALFORM_DATA_DIR": str(_private_data_dir)})
    except subprocess.TimeoutExpired:
        pytest.fail("the start hung on the settings file (a FIFO)")
    finally:
        still_fifo = stat.S_ISFIFO(os.lstat(fifo).st_mode)
        fifo.unlink()
    assert done.returncode == 0, done.stderr
    assert "设置文件无法使用" in done.stdout and "管道" in done.stdout and still_fifo
