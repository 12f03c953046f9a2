"""An error nobody planned for is logged and shown, never swallowed by a GUI without a console."""
from __future__ import annotations

import errno
import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from goalform.ui.app import unexpected_error


def _answer(monkeypatch, button: str) -> list[QMessageBox]:
    shown: list[QMessageBox] = []

    def exec_box(box):
        shown.append(box)
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return shown


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown(qtbot, monkeypatch):
    shown = _answer(monkeypatch, "复制详细信息")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    unexpected_error.install()
    button = QPushButton()

    def broken_slot() -> None:
        raise ValueError("某个没想到的错误")

    button.clicked.connect(broken_slot)
    button.click()
    assert len(shown) == 1
    box = shown[0]
    assert box.windowTitle() == "程序出错"
    assert "工作副本" in box.text()  # the work typed so far is kept, and it says so
    logs = list(unexpected_error.log_folder().glob("error-*.log"))
    assert len(logs) == 1 and str(logs[0]) in box.informativeText()
    logged = logs[0].read_text(encoding="utf-8")
    assert "broken_slot" in logged and "某个没想到的错误" in logged and "goalform " in logged
    assert QApplication.clipboard().text() == logged  # 复制详细信息


@pytest.mark.qt_no_exception_capture
def test_errors_while_the_box_is_up_are_logged_without_a_second_box(qtbot, monkeypatch):
    shown: list[QMessageBox] = []

    def exec_box(box):
        shown.append(box)
        unexpected_error.report(RuntimeError, RuntimeError("第二个"), None)  # e.g. a timer firing
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    unexpected_error.report(RuntimeError, RuntimeError("第一个"), None)
    assert len(shown) == 1
    assert len(list(unexpected_error.log_folder().glob("error-*.log"))) == 2


@pytest.mark.parametrize("error", [
    sqlite3.OperationalError("database or disk is full"),
    sqlite3.OperationalError("disk I/O error"),
    OSError(errno.ENOSPC, "No space left on device"),
])
def test_a_full_disk_is_told_as_such(error):
    assert "磁盘空间不足" in unexpected_error.message_for(error)


def test_a_bug_is_told_as_a_bug():
    assert "意外错误" in unexpected_error.message_for(KeyError("x"))


def test_ctrl_c_is_not_reported(monkeypatch, qtbot):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("no box for Ctrl+C"))
    passed: list[type] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, error, tb: passed.append(kind))
    unexpected_error.report(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert passed == [KeyboardInterrupt]
    assert not unexpected_error.log_folder().exists()
