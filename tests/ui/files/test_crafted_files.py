"""Issue 13 in the GUI: a crafted .goal (wrong types, bad UTF-8, a broken tree) killed the window with
SIGSEGV; now it is refused with a message box and the window, with the form it had open, stays usable."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from helpers.ui import type_text


CRAFTED = {
    "parent_abc": ("UPDATE indicator SET parent_id = 'abc' WHERE level = 3", "上级编号「abc」无效"),
    "position_inf": ("UPDATE indicator SET position = 9e999 WHERE level = 2", "顺序号「inf」无效"),
    "bad_utf8": ("UPDATE indicator SET name = CAST(x'ff' AS TEXT) WHERE level = 3", "UTF-8"),
    "cycle": ("UPDATE indicator SET parent_id = id WHERE level = 2", "指标层级有误"),
}


def craft(source: Path, name: str, sql: str) -> Path:
    path = source.with_name(f"{name}.goal")
    shutil.copyfile(source, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql)
    conn.close()
    return path


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_a_crafted_file_gives_a_message_and_the_window_stays_usable(window, qtbot, monkeypatch, saved_reference,
                                                                    case):
    assert window.files.open_path(saved_reference)
    before = window.doc
    sql, fragment = CRAFTED[case]
    bad = craft(saved_reference, case, sql)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("goalform.ui.telling.QMessageBox.warning", lambda p, t, text: shown.append((t, text)))
    assert not window.files.open_path(bad)
    assert shown and shown[0][0] == "无法打开文件"
    assert fragment in shown[0][1] and f"{case}.goal" in shown[0][1]
    assert window.doc is before  # the form that was open stays open...
    department = window.findChild(QLineEdit, "field_department")
    department.setFocus()
    department.selectAll()
    type_text(department, "仍可编辑")  # ...and can still be edited
    window.finish_editing()
    assert window.doc.field("department") == "仍可编辑"
    window.tabs.setCurrentIndex(window.tabs.count() - 2)  # and the indicator tabs still paint
    window.repaint()


def test_saving_over_a_read_only_file_says_so(window, monkeypatch, saved_reference, tmp_path):
    assert window.files.open_path(saved_reference)
    window.editor.edit_field("department", "改了")
    target = tmp_path / "readonly.goal"
    shutil.copyfile(saved_reference, target)
    os.chmod(target, 0o444)
    shown: list[str] = []
    monkeypatch.setattr("goalform.ui.telling.QMessageBox.warning", lambda p, t, text: shown.append(text))
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    try:
        assert not window.files.save_as()
    finally:
        os.chmod(target, 0o644)
    assert shown and "只读" in shown[0]
    assert window.isWindowModified()  # the edit is still there, not reported as saved
