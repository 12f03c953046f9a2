"""Issue 22, item 3: a new form starts empty of other people. 填报人 and 联系电话 are remembered only
from the user's own typing (in a form or in 我的信息), never from a form imported or opened."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from helpers.reference_forms import reference_form
from helpers.ui import settle, type_text

from goalform.domain.validation import Severity
from goalform.formats.export import export_file
from goalform.store.document import Document
from goalform.ui.app.my_info import MyInfoDialog
from goalform.ui.settings import Settings



@pytest.fixture
def new_is_accepted(monkeypatch):
    """新建 goes ahead: its dialog is accepted, and unsaved work in the open form is discarded."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr("goalform.ui.files.new_dialog.NewFormDialog.exec", lambda self: self.DialogCode.Accepted)
    monkeypatch.setattr("goalform.ui.telling.QMessageBox.question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)


def _new_form(window, qtbot) -> tuple[str, str]:
    window.files.new_action.trigger()
    assert window.doc is not None and window.doc.path is None
    fields = window.tab_pages[0].fields  # (the old form's widgets linger until deleteLater has run)
    assert window.doc.field("filler") == fields["filler"].text()
    return fields["filler"].text(), fields["phone"].text()


def _pending_header(window) -> set[str]:
    """The header fields the window shows as 待填."""
    settle(window)
    return {f.location.field for f in window.findings if f.location.section == "header" and f.severity == Severity.PENDING}


def test_after_importing_another_departments_form_a_new_form_is_empty(window, qtbot, tmp_path, monkeypatch,
                                                                      new_is_accepted) -> None:
    other = reference_form("2026")
    other.filler, other.phone = "王某某", "027-88886666"
    docx = tmp_path / "other.docx"
    export_file(other, Document.from_form(other).template, docx)
    monkeypatch.setattr("goalform.ui.telling.QMessageBox.exec", lambda self: 0)  # the import report
    assert window.files.import_path(docx)
    assert window.doc.field("filler") == "王某某"
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "imported.goal"), ""))
    assert window.files.save_as()  # saving someone else's form does not make their name ours
    assert _new_form(window, qtbot) == ("", "")
    assert Settings().filler == "" and Settings().phone == ""
    assert {"filler", "phone"} <= _pending_header(window)  # 待填: not filled, not submittable as is


def test_after_opening_another_departments_form_a_new_form_is_empty(window, qtbot, saved_reference,
                                                                    new_is_accepted) -> None:
    assert window.files.open_path(saved_reference)
    assert window.doc.field("filler")
    assert _new_form(window, qtbot) == ("", "")


def test_what_the_clerk_types_is_remembered(window, qtbot, blank_doc, new_is_accepted) -> None:
    window.set_document(blank_doc)
    filler = window.tab_pages[0].fields["filler"]
    filler.setFocus()
    type_text(filler, "张晓明")
    phone = window.tab_pages[0].fields["phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "13812345678")
    window.editor.undo_stack.undo()  # an undo is not typing: the phone stays as typed in the settings
    assert _new_form(window, qtbot) == ("张晓明", "13812345678")


def test_my_info_sets_them_once(window, qtbot, new_is_accepted, monkeypatch) -> None:
    action = window.findChild(type(window.files.my_info.action), "my_info")
    assert action is not None and action in window.edit_menu.actions()
    shown = []

    def fill_in() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MyInfoDialog) and w.isVisible())
        shown.append(dialog)
        dialog.edits["filler"].setFocus()
        type_text(dialog.edits["filler"], "李四")
        qtbot.keyClicks(dialog.edits["phone"], "12345")  # not a phone number: refused at the dialog
        ok = dialog.findChildren(QPushButton)[0]
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "格式不正确" in dialog.findChild(type(dialog.problem), "my_info_problem").text()
        dialog.edits["phone"].clear()
        qtbot.keyClicks(dialog.edits["phone"], "027-12345678")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, fill_in)
    assert window.files.my_info.edit()
    assert shown
    assert _new_form(window, qtbot) == ("李四", "027-12345678")


def test_an_old_remembered_name_is_dropped(tmp_path) -> None:
    """Before this fix the name was also taken from imported forms: the old setting is not trusted."""
    settings = Settings()
    settings.qs.setValue("new_form/filler", "王某某")
    settings.qs.sync()
    assert Settings().filler == "" and not Settings().qs.contains("new_form/filler")


def test_clearing_the_name_in_a_form_forgets_it(window, qtbot, blank_doc, new_is_accepted) -> None:
    Settings().remember_mine("filler", "张晓明")
    window.settings = Settings()
    window.set_document(blank_doc)
    filler = window.tab_pages[0].fields["filler"]
    filler.setFocus()
    type_text(filler, "张晓明")
    for _ in "张晓明":
        qtbot.keyClick(filler, Qt.Key.Key_Backspace)  # the clerk empties it: not theirs any more
    assert window.doc.field("filler") == ""
    assert _new_form(window, qtbot)[0] == ""

