"""Typing an amount revalidates the rules that read amounts on the form the runner holds, without
loading the whole form again (issue 25); what the window shows is what a full validation says."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from ui_helpers import settle, type_text

from goalform.domain.validation.library import validate_against


@pytest.fixture
def funds(window, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    return window


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
