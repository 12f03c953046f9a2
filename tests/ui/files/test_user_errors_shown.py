"""Issue 16: the GUI says every expected error (UserError, OSError) one way, and lets bugs through."""
from __future__ import annotations

import errno

import pytest
from PySide6.QtWidgets import QMessageBox

from goalform.domain.errors import UserError
from goalform.formats.content import ReadError
from goalform.ui.files import lazy_formats as integrations


def patch_dialogs(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    return shown


@pytest.mark.parametrize("error, expected", [
    (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满"),
    (ReadError("无法读取这个文件"), "无法读取这个文件"),
    (UserError("打印机不可用"), "打印机不可用"),
])
def test_print_failures_are_told_in_chinese(window, monkeypatch, saved_reference, error, expected):
    window.files.open_path(saved_reference)
    shown = patch_dialogs(monkeypatch)

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(integrations, "print_form", fail)
    window.files.print_action.trigger()
    assert shown[-1] == ("打印失败", expected)
    assert window.doc is not None  # the window stays as it was


def test_a_bug_is_not_dressed_up_as_a_user_error(window, monkeypatch, saved_reference):
    """A ValueError is a bug: it goes on to the unexpected-error report instead of a plain warning."""
    window.files.open_path(saved_reference)
    shown = patch_dialogs(monkeypatch)

    def fail(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(integrations, "print_form", fail)
    with pytest.raises(ValueError):
        window.files.print_form()
    assert all(title != "打印失败" for title, _ in shown)
