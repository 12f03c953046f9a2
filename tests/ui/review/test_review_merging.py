"""Issue 21 in the window: between a clerk and a reviewer nothing is lost and no evidence is erased.

Each test has the window (pytest-qt) as one side and another process as the other: a second
goalform saving the file, or the command line (``goalform review``), or sqlite3 editing it."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from helpers.ui import type_text
from helpers.valid_forms import valid_form

from goalform.domain.review import Status
from goalform.store.document import Document

@pytest.fixture
def valid_file(tmp_path: Path) -> Path:
    """A form without errors (提交 and 通过 need no --force)."""
    form, _ = valid_form("2026")
    path = tmp_path / "表.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


CLERK_SAVES_PHONE = """
import sys
from goalform.store.document import Document
with Document.open(sys.argv[1]) as doc:
    doc.set_field("phone", sys.argv[2])
    doc.save()
"""


def other_goalform(path: Path, phone: str) -> None:
    """Another goalform (another process) opens the file, changes the phone number and saves."""
    subprocess.run([sys.executable, "-c", CLERK_SAVES_PHONE, str(path), phone], check=True, env=os.environ.copy(),
                   timeout=120)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "goalform", *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=120)


def answer_boxes(monkeypatch, answers: list[str]) -> list[str]:
    """Answer the next message boxes (QMessageBox.exec) by clicking ``answers`` in turn; their texts."""
    pending = iter(answers)
    asked: list[str] = []

    def exec_box(box):
        asked.append(box.text())
        text = next(pending)
        if text == "取消":
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            next(b for b in box.buttons() if b.text() == text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return asked


def add_comment_as_user(window, monkeypatch, text: str, who: str) -> None:
    """审核 → 添加审核意见… with the dialog filled in as a reviewer would."""
    from goalform.ui.review.comment_dialog import CommentDialog

    def fill(dialog):
        dialog.text.setPlainText(text)
        dialog.who.setCurrentText(who)
        return CommentDialog.DialogCode.Accepted

    monkeypatch.setattr(CommentDialog, "exec", fill)
    window.review.add_comment_action.trigger()


def ctrl_s(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def on_disk(path: Path):
    with Document.open(path, read_only=True) as doc:
        return doc.load_form(), doc.review()


# -- item 1 -------------------------------------------------------------------------------------------
def test_a_read_only_save_after_the_clerk_saved_keeps_the_clerks_phone(window, qtbot, monkeypatch, valid_file):
    assert window.files.open_path(valid_file, read_only=True)
    add_comment_as_user(window, monkeypatch, "电话打不通", "王审核")
    other_goalform(valid_file, "13900000001")  # meanwhile the clerk changes the phone and saves
    asked = answer_boxes(monkeypatch, ["覆盖保存"])  # would be clicked, were any question asked
    ctrl_s(window, qtbot)
    assert asked == []  # nothing to decide: the reviewer writes only a record
    form, review = on_disk(valid_file)
    assert form.phone == "13900000001"
    assert [c.text for c in review.comments] == ["电话打不通"]
    message = window.statusBar().currentMessage()
    assert "未改动" not in message and "已被他人修改" in message
    assert window.centralWidget().findChild(QLineEdit, "field_phone").text() == "13900000001"  # the window shows the file now
    assert not window.isWindowModified()


def test_a_read_only_save_after_the_clerk_submitted_keeps_the_submission(window, qtbot, monkeypatch,
                                                                         valid_file):
    assert window.files.open_path(valid_file, read_only=True)
    add_comment_as_user(window, monkeypatch, "请核对金额", "王审核")
    done = cli("review", str(valid_file), "--submit", "--who", "李文静")
    assert done.returncode == 0, done.stderr
    asked = answer_boxes(monkeypatch, ["覆盖保存"])
    ctrl_s(window, qtbot)
    assert asked == []
    _, review = on_disk(valid_file)
    assert review.status is Status.SUBMITTED and [c.who for c in review.history] == ["李文静"]
    assert [c.text for c in review.comments] == ["请核对金额"]
    assert "已提交" in window.review.status_label.text()


# -- item 2 -------------------------------------------------------------------------------------------
def test_the_clerks_save_after_a_cli_comment_asks_nothing_and_keeps_both(window, qtbot, monkeypatch,
                                                                        valid_file):
    assert window.files.open_path(valid_file)
    department = window.findChild(QLineEdit, "field_department")
    department.setFocus()
    department.selectAll()
    type_text(department, "改过的名称")
    done = cli("review", str(valid_file), "--comment", "请补充依据", "--who", "王审核", "--at", "header/phone")
    assert done.returncode == 0, done.stderr
    asked = answer_boxes(monkeypatch, ["覆盖保存"])
    ctrl_s(window, qtbot)
    assert asked == []
    form, review = on_disk(valid_file)
    assert form.department == "改过的名称"
    assert [(c.location, c.text) for c in review.comments] == [("field:phone", "请补充依据")]
    assert "1 条审核意见" in window.statusBar().currentMessage()
    assert "请补充依据" in "".join(item.text(0) for item in window.review.dock.comment_items())


def test_content_changed_on_both_sides_asks_naming_the_change_and_overwrite_keeps_the_records(
        window, qtbot, monkeypatch, valid_file):
    assert window.files.open_path(valid_file)
    department = window.findChild(QLineEdit, "field_department")
    department.setFocus()
    department.selectAll()
    type_text(department, "我的名称")
    assert cli("review", str(valid_file), "--comment", "意见一", "--who", "王审核").returncode == 0
    assert cli("review", str(valid_file), "--submit", "--who", "李文静").returncode == 0
    other_goalform(valid_file, "13900000002")
    asked = answer_boxes(monkeypatch, ["取消", "覆盖保存"])
    ctrl_s(window, qtbot)
    assert "联系电话" in asked[0] and "1 条审核意见" in asked[0] and "已提交" in asked[0]
    assert window.isWindowModified()
    ctrl_s(window, qtbot)  # 覆盖保存: my content, and every record of theirs
    form, review = on_disk(valid_file)
    assert form.department == "我的名称" and form.phone != "13900000002"
    assert [c.text for c in review.comments] == ["意见一"] and review.status is Status.SUBMITTED


# -- item 3 -------------------------------------------------------------------------------------------
def test_approving_a_form_changed_after_submission_asks_naming_it_and_keeps_saying_so(
        window, qtbot, monkeypatch, valid_file):
    from goalform.ui.review.comment_dialog import StatusDialog

    assert cli("review", str(valid_file), "--submit", "--who", "李文静").returncode == 0
    with sqlite3.connect(valid_file) as conn:  # a figure edited behind goalform's back
        conn.execute("UPDATE field SET value = '13900000008' WHERE key = 'phone'")
    conn.close()

    def fill(dialog):
        dialog.who.setCurrentText("王审核")
        return StatusDialog.DialogCode.Accepted

    monkeypatch.setattr(StatusDialog, "exec", fill)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("the form has no errors: no question"))
    assert window.files.open_path(valid_file, read_only=True)
    asked = answer_boxes(monkeypatch, ["取消"])
    assert not window.review.change_status(Status.APPROVED)
    assert "提交后被修改过" in asked[0] and "李文静" in asked[0]
    assert window.doc.review_status() is Status.SUBMITTED
    asked = answer_boxes(monkeypatch, ["仍要通过（注明接受修改）"])
    assert window.review.change_status(Status.APPROVED)
    change = window.doc.review().last_change
    assert change.status is Status.APPROVED and change.changed_from
    assert "通过的内容与提交的不同" in window.review.status_label.text()
    assert window.review.dock.warning.isVisibleTo(window.review.dock)
    assert "通过的内容与提交的不同" in window.review.dock.warning.text()
    ctrl_s(window, qtbot)
    _, review = on_disk(valid_file)
    assert review.approved_over_changes is not None


def test_a_saved_comment_cannot_be_deleted_but_an_unsaved_one_can(window, qtbot, monkeypatch, valid_file):
    assert window.files.open_path(valid_file, read_only=True)
    add_comment_as_user(window, monkeypatch, "已保存的意见", "王审核")
    ctrl_s(window, qtbot)
    add_comment_as_user(window, monkeypatch, "未保存的意见", "王审核")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    saved, unsaved = window.doc.comments()
    window.review.delete_comment(saved)
    assert warned and "不能删除" in warned[0]
    window.review.delete_comment(unsaved)
    assert [c.text for c in window.doc.comments()] == ["已保存的意见"]
    window.undo_action.trigger() if hasattr(window, "undo_action") else window.editor.undo_stack.undo()
    assert [c.text for c in window.doc.comments()] == ["已保存的意见", "未保存的意见"]


def test_undo_after_saving_a_comment_leaves_it_in_the_file(window, qtbot, monkeypatch, valid_file):
    assert window.files.open_path(valid_file)
    add_comment_as_user(window, monkeypatch, "要留下的意见", "王审核")
    ctrl_s(window, qtbot)
    window.editor.undo_stack.undo()  # Ctrl+Z: adding a saved comment is no longer an undo step
    assert [c.text for c in window.doc.comments()] == ["要留下的意见"]
    assert window.editor.undo_stack.count() == 0 and not window.isWindowModified()
    _, review = on_disk(valid_file)
    assert [c.text for c in review.comments] == ["要留下的意见"]
