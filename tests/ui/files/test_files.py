"""Files in the GUI: save and reopen, the dirty marker, the question before closing, read-only
opening, recent files, drops, the command line, and recovery after a crash."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from helpers.reference_forms import reference_form
from helpers.ui import type_text

from goalform.store.document import Document
from goalform.store.workspace import Workspace
from goalform.ui.app import launcher
from goalform.ui.app.main_window import MainWindow
from goalform.ui.settings import Settings


def patch_save_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), ""))


def patch_open_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))


def answer_question(monkeypatch, answer) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr("goalform.ui.telling.QMessageBox.question", question)
    return asked


def test_edit_save_reopen_equal(window, qtbot, monkeypatch, tmp_path, saved_reference):
    assert window.files.open_path(saved_reference)
    assert window.windowTitle().startswith("reference-2026.goal")
    assert not window.isWindowModified()
    phone = window.findChild(QLineEdit, "field_phone")
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, "13812345678")
    assert window.isWindowModified()
    assert window.save_label.text() == "有未保存的修改"
    target = tmp_path / "copy"
    patch_save_dialog(monkeypatch, target)
    assert window.files.save_as()
    saved = tmp_path / "copy.goal"
    assert saved.exists() and not window.isWindowModified()
    assert window.save_label.text() == "已保存"
    expected = window.doc.load_form()
    window.set_document(None)
    assert window.files.open_path(saved)
    assert window.doc.load_form() == expected
    assert window.doc.field("phone") == "13812345678"
    assert Settings().recent_files()[0] == str(saved.resolve())


def test_new_form_uses_remembered_filler(window, monkeypatch):
    settings = Settings()
    settings.remember_mine("filler", "张晓明")
    settings.remember_mine("phone", "027-12345678")
    window.settings = settings
    monkeypatch.setattr("goalform.ui.files.new_dialog.NewFormDialog.exec", lambda self: self.DialogCode.Accepted)
    window.files.new_action.trigger()
    assert window.doc is not None and window.doc.template.id == "2026"
    assert window.doc.field("filler") == "张晓明"
    assert window.findChild(QLineEdit, "field_phone").text() == "027-12345678"
    assert window.windowTitle().startswith("未命名")


def test_closing_unsaved_work_asks_first(window, qtbot, monkeypatch, blank_doc):
    window.set_document(blank_doc)
    type_text(window.findChild(QLineEdit, "field_department"), "某某局")
    window.findChild(QLineEdit, "field_department").textEdited.emit("某某局")
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert asked and "未保存" in asked[0]
    assert window.doc is blank_doc
    answer_question(monkeypatch, QMessageBox.StandardButton.Discard)
    working = blank_doc.working_path
    assert window.close()
    assert window.doc is None and not working.exists()


def test_save_from_the_close_question(window, monkeypatch, tmp_path, blank_doc):
    window.set_document(blank_doc)
    window.editor.edit_field("department", "某某局")
    answer_question(monkeypatch, QMessageBox.StandardButton.Save)
    patch_save_dialog(monkeypatch, tmp_path / "saved.goal")
    assert window.close()
    with Document.open(tmp_path / "saved.goal", read_only=True) as saved:
        assert saved.field("department") == "某某局"


def test_read_only_opening_disables_edits(window, qtbot, monkeypatch, saved_reference):
    patch_open_dialog(monkeypatch, saved_reference)
    window.files.open_read_only_action.trigger()
    assert window.doc.read_only
    assert "只读" in window.windowTitle()
    assert window.findChild(QLineEdit, "field_department").isReadOnly()
    assert window.findChild(QLineEdit, "fund_fiscal_current").isReadOnly()
    assert window.findChild(type(window.centralWidget()), "read_only_banner") is not None
    assert not window.files.save_action.isEnabled()
    tab = window.tab_pages[3]
    assert not tab.buttons["add2"].isEnabled()
    index = tab.model.index(0, 1, tab.model.index(0, 0, tab.model.index(0, 0)))
    assert not tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    qtbot.keyClicks(window.findChild(QLineEdit, "fund_fiscal_current"), "9")
    assert window.doc.fund("fiscal", "current") == "1424"
    assert window.close()  # nothing to save, no question


def test_a_bad_file_gives_a_message(window, monkeypatch, tmp_path):
    bad = tmp_path / "bad.goal"
    bad.write_bytes(b"not a goal file at all")
    shown: list[str] = []
    monkeypatch.setattr("goalform.ui.telling.QMessageBox.warning", lambda p, t, text: shown.append(text))
    assert not window.files.open_path(bad)
    assert shown and "bad.goal" in shown[0]
    assert window.doc is None


def test_dropping_a_file_opens_it(window, qtbot, saved_reference):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(saved_reference))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.doc is not None)
    assert window.doc.path == saved_reference


def test_recent_files_menu(window, saved_reference):
    window.settings.add_recent(saved_reference)
    window.files.recent_menu.aboutToShow.emit()
    action = window.files.recent_menu.actions()[0]
    assert str(saved_reference.resolve()) in action.text()
    action.trigger()
    assert window.doc is not None and window.doc.path == saved_reference.resolve()


def simulate_crash(doc: Document) -> None:
    """What a killed process leaves behind: the working copy, its sidecar naming a dead process."""
    working = doc.working_path
    doc._conn.close()  # the process dies: no close(), no clean-up
    sidecar = working.with_suffix(".json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["pid"] = 2**22 + 12345  # no such process
    sidecar.write_text(json.dumps(data), encoding="utf-8")


def click(box: QMessageBox, text: str) -> None:
    if text == "取消":  # a standard button: its text comes from Qt's own translation, not loaded here
        box.button(QMessageBox.StandardButton.Cancel).click()
        return
    next(b for b in box.buttons() if b.text() == text).click()


CRASHING_EDITOR = """
import os, sys
from goalform.store.document import Document
doc = Document.open(sys.argv[1])
doc.set_field("department", "崩溃前的修改")
doc.set_fund("fiscal", "current", "2000")
os._exit(9)  # dies on the spot: no close(), no clean-up, nothing saved
"""


def test_recover_after_a_crash(qtbot, monkeypatch, saved_reference):
    # A real process edits the form and dies without saving.
    result = subprocess.run([sys.executable, "-c", CRASHING_EDITOR, str(saved_reference)], env=os.environ.copy())
    assert result.returncode == 9
    assert len(Workspace().orphans()) == 1
    with Document.open(saved_reference, read_only=True) as on_disk:
        assert on_disk.field("department") != "崩溃前的修改"  # the edits were never saved

    chosen: list[str] = []

    def exec_box(box):
        chosen.append(box.text())
        click(box, "恢复")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    window = MainWindow()
    try:
        assert window.files.recover_orphans()
        assert "鄂州市临空经济区口岸和投资促进局" in chosen[0]
        assert window.doc.field("department") == "崩溃前的修改"
        assert window.findChild(QLineEdit, "total_income_current").text() == "2000"
        assert window.isWindowModified()  # recovered edits are unsaved
        assert window.doc.path == saved_reference
    finally:
        window.set_document(None)
        window.deleteLater()
    assert Workspace().orphans() == []


CRASHING_REVIEWER = """
import os, sys
from goalform.store.document import Document
doc = Document.open_for_review(sys.argv[1])
doc.add_comment("field:phone", "电话请核实", "李文静")
os._exit(9)
"""


def test_review_records_typed_into_a_read_only_form_survive_a_crash(qtbot, monkeypatch, saved_reference):
    before = saved_reference.read_bytes()
    result = subprocess.run([sys.executable, "-c", CRASHING_REVIEWER, str(saved_reference)], env=os.environ.copy())
    assert result.returncode == 9 and saved_reference.read_bytes() == before
    [orphan] = Workspace().orphans()
    assert orphan.review_only
    monkeypatch.setattr(QMessageBox, "exec", lambda box: click(box, "恢复"))
    window = MainWindow()
    try:
        assert window.files.recover_orphans()
        doc = window.doc
        assert doc.read_only and doc.takes_review and doc.is_dirty  # back as it was: figures read-only
        assert [c.text for c in doc.comments()] == ["电话请核实"]
        assert window.findChild(QLineEdit, "field_department").isReadOnly()
        assert window.files.save()
        with Document.open(saved_reference, read_only=True) as saved:
            assert [c.text for c in saved.comments()] == ["电话请核实"]
    finally:
        window.set_document(None)
        window.deleteLater()
    assert Workspace().orphans() == []


def test_discarding_a_crashed_copy(qtbot, monkeypatch, saved_reference):
    doc = Document.open(saved_reference)
    doc.set_field("department", "x")
    simulate_crash(doc)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: click(box, "丢弃"))
    window = MainWindow()
    assert not window.files.recover_orphans()
    assert window.doc is None and Workspace().orphans() == []
    window.deleteLater()


def test_launcher_opens_the_file_on_the_command_line(qtbot, saved_reference, monkeypatch):
    windows: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: windows.append(self))
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    assert launcher.main([str(saved_reference), "--read-only"]) == 0
    window = windows[0]
    assert window.doc is not None and window.doc.read_only and window.doc.path == saved_reference
    window.set_document(None)
    window.deleteLater()


@pytest.mark.parametrize("doc_factory", [lambda: Document.from_form(reference_form("2024"))])
def test_the_2024_version_has_no_instructions_tab(window, doc_factory):
    window.set_document(doc_factory())
    titles = [window.tabs.tabText(i).split(" · ")[0] for i in range(window.tabs.count())]  # without 「· 待填 N」
    assert titles == ["基本信息", "资金情况", "职能与任务", "长期目标", "年度目标"]


def test_the_2026_version_tabs_follow_the_form(window, blank_doc):
    window.set_document(blank_doc)
    titles = [window.tabs.tabText(i).split(" · ")[0] for i in range(window.tabs.count())]  # without 「· 待填 N」
    assert titles == ["基本信息", "资金情况", "职能与任务", "长期目标", "年度目标", "填报说明"]
    assert [a.title() for a in window.menuBar().findChildren(type(window.files.recent_menu))
            if a.title().startswith(("文件", "编辑", "视图", "帮助"))][:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]


def answer_boxes(monkeypatch, answers: list[str]) -> list[str]:
    """Answer the next message boxes by clicking ``answers`` in turn; returns the texts they showed."""
    pending = iter(answers)
    asked: list[str] = []

    def exec_box(box):
        asked.append(box.text())
        click(box, next(pending))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return asked


OTHER_EDITOR = """
import sys
from goalform.store.document import Document
doc = Document.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
doc.close()
"""


def test_a_file_open_in_another_goalform_is_offered_read_only(window, monkeypatch, saved_reference):
    other = subprocess.Popen([sys.executable, "-c", OTHER_EDITOR, str(saved_reference)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, env=os.environ.copy(), text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        asked = answer_boxes(monkeypatch, ["取消", "以只读方式打开", "仍要编辑"])
        assert not window.files.open_path(saved_reference)
        assert window.doc is None and "已在另一个 goalform 窗口中打开" in asked[0]
        assert window.files.open_path(saved_reference)
        assert window.doc.read_only
        assert window.files.open_path(saved_reference)
        assert not window.doc.read_only and len(asked) == 3
    finally:
        other.communicate("\n", timeout=60)
    window.set_document(None)
    asked.clear()
    assert window.files.open_path(saved_reference)  # nobody else has it now: no question
    assert asked == [] and not window.doc.read_only


def test_saving_over_a_file_someone_else_changed_asks_first(window, qtbot, monkeypatch, tmp_path, saved_reference):
    assert window.files.open_path(saved_reference)
    department = window.findChild(QLineEdit, "field_department")
    department.setFocus()
    department.selectAll()
    type_text(department, "我的修改")
    with Document.open(saved_reference) as other:  # a colleague's goalform saves the same file
        other.set_field("phone", "13900000000")
        other.save()
    asked = answer_boxes(monkeypatch, ["取消", "另存为…", "覆盖保存"])
    assert not window.files.save()  # 取消: nothing written
    assert "被其他程序或另一个 goalform 窗口修改过" in asked[0]
    assert window.isWindowModified()
    with Document.open(saved_reference, read_only=True) as theirs:
        assert theirs.field("phone") == "13900000000"

    patch_save_dialog(monkeypatch, tmp_path / "我的副本.goal")
    assert window.files.save()  # 另存为…: both versions kept
    assert not window.isWindowModified() and window.doc.path == tmp_path / "我的副本.goal"
    with Document.open(saved_reference, read_only=True) as theirs:
        assert theirs.field("phone") == "13900000000" and theirs.field("department") != "我的修改"

    copy = tmp_path / "我的副本.goal"
    with Document.open(copy) as other:  # changed behind our back once more
        other.set_field("phone", "13911111111")
        other.save()
    type_text(department, "，再改")
    assert window.files.save()  # 覆盖保存: the user chose to replace the other change
    assert len(asked) == 3 and not window.isWindowModified()
    with Document.open(copy, read_only=True) as ours:
        assert ours.field("department").endswith("我的修改，再改") and ours.field("phone") != "13911111111"


def test_undoing_back_to_the_saved_state_is_saved_again(window, qtbot, monkeypatch, tmp_path, saved_reference):
    from goalform.domain.review import Status

    assert window.files.open_path(saved_reference)
    window.tabs.setCurrentIndex(1)
    fiscal = window.findChild(QLineEdit, "fund_fiscal_current")
    fiscal.setFocus()
    fiscal.selectAll()
    qtbot.keyClicks(fiscal, "2000")
    assert window.isWindowModified()
    qtbot.keyClick(fiscal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified() and window.save_label.text() == "已保存"
    assert window.files.maybe_save()  # nothing to ask about
    qtbot.keyClick(fiscal, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.isWindowModified()

    # Saved after the edit: now the saved state is the one with 2000, and undo leaves it.
    assert window.files.save()
    assert not window.isWindowModified()
    qtbot.keyClick(fiscal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.isWindowModified()
    qtbot.keyClick(fiscal, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()

    # A change that is not on the undo stack (a status) keeps the form unsaved whatever undo does.
    window.doc.set_status(Status.SUBMITTED, "张晓明")
    qtbot.keyClick(fiscal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(fiscal, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.isWindowModified()
    assert window.files.save()
    with Document.open(saved_reference, read_only=True) as on_disk:
        assert on_disk.review_status() is Status.SUBMITTED and on_disk.fund("fiscal", "current") == "2000"
