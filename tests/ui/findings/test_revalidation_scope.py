"""Typing an amount revalidates the rules that read amounts on the form the runner holds, without
loading the whole form again (issue 25); what the window shows is what a full validation says."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from helpers.ui import settle, type_text

from goalform.domain.validation.library import validate_against



def _full(window):  # noqa: ANN001, ANN202
    return validate_against(window.doc.load_form(), window.doc.template, window.runner.library)


def test_typing_an_amount_checks_the_amount_rules_only(funds, qtbot, monkeypatch) -> None:
    settle(funds)
    loads = []
    real = type(funds.doc).load_form
    monkeypatch.setattr(type(funds.doc), "load_form", lambda doc: loads.append(1) or real(doc))
    cell = funds.findChild(QLineEdit, "fund_fiscal_current")
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    for ch in "12a4":
        type_text(cell, ch)
        settle(funds)
        assert funds.runner.last_scope == "amounts"
    assert loads == []  # no keystroke loaded the whole form
    assert funds.runner.findings == _full(funds)
    assert funds.doc.fund("fiscal", "current") == "124" or funds.doc.fund("fiscal", "current") == "12"
    funds.undo_action.trigger()
    settle(funds)
    assert funds.runner.findings == _full(funds)


def test_any_other_edit_checks_everything(funds, qtbot) -> None:
    settle(funds)
    funds.editor.edit_field("department", "测试局")
    settle(funds)
    assert funds.runner.last_scope == "all"
    assert funds.runner.findings == _full(funds)
    funds.editor.edit_fund("fiscal", "current", "100")
    funds.editor.edit_field("department", "测试局二")
    settle(funds)
    assert funds.runner.last_scope == "all" and funds.runner.findings == _full(funds)


def test_an_export_is_built_from_the_one_load_of_its_check(window, tmp_path, monkeypatch) -> None:
    """导出: the explicit check loads the form once; the error count and the file come from that load."""
    import zipfile

    from helpers.valid_forms import valid_form

    from goalform.formats.export import export_file
    from goalform.store import Document

    doc = Document.from_form(valid_form("2026")[0])
    window.set_document(doc)
    settle(window)
    window.editor.edit_fund("fiscal", "current", "1500")  # an amount only: the check reuses the form it holds
    target = tmp_path / "out.docx"
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    loads = []
    real = Document.load_form
    monkeypatch.setattr(Document, "load_form", lambda d: loads.append(1) or real(d))
    window.files.export_file()
    assert len(loads) <= 1 and target.exists()
    errors = sum(1 for f in window.findings if f.severity.value == "error")
    assert asked == ([f"此表还有 {errors} 个错误，仍要导出吗？"] if errors else [])
    reference = tmp_path / "reference.docx"
    export_file(real(doc), doc.template, reference)
    part = "word/document.xml"
    assert zipfile.ZipFile(target).read(part) == zipfile.ZipFile(reference).read(part)
    assert b"1500" in zipfile.ZipFile(target).read(part)
