"""The funds table shows exactly what the document holds (issue 22, item 6): a refused amount is shown
as the refusal (the message at the cell) and never stays on screen as if it were stored."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTabBar
from helpers.ui import cell, type_text

from goalform.store.document import Document




def test_a_refused_amount_does_not_linger_when_the_clerk_clicks_elsewhere(funds, qtbot, blank_doc):
    fiscal, other = cell(funds, "fund_fiscal_current"), cell(funds, "fund_special_account_prev1")
    assert fiscal.hasFocus()  # the tab put the cursor in its first amount
    type_text(fiscal, "500元")
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert other.hasFocus()
    assert blank_doc.fund("fiscal", "current") == ""
    assert fiscal.text() == ""  # what the document holds, not 「500元」
    assert fiscal.property("severity") == "error"  # the refusal is shown at the cell
    assert "「500元」" in fiscal.toolTip() and "没有填入" in fiscal.toolTip() and "空白" in fiscal.toolTip()
    assert "500元" in funds.statusBar().currentMessage()
    assert cell(funds, "total_income_current").text() == ""

    # Entering the cell and leaving it again with its (good) value takes the mark away.
    qtbot.mouseClick(fiscal, Qt.MouseButton.LeftButton)
    qtbot.keyClick(fiscal, Qt.Key.Key_Return)
    assert fiscal.property("severity") == "" and "500元" not in fiscal.toolTip()


def test_a_refused_amount_keeps_the_last_good_value_on_screen_and_in_the_file(funds, qtbot, blank_doc, tmp_path):
    fiscal = cell(funds, "fund_fiscal_current")
    type_text(fiscal, "300")
    qtbot.keyClick(fiscal, Qt.Key.Key_Return)
    qtbot.mouseClick(fiscal, Qt.MouseButton.LeftButton)
    assert fiscal.hasFocus()
    fiscal.selectAll()
    type_text(fiscal, "500元")
    bar = funds.tabs.findChild(QTabBar)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())  # another tab
    QApplication.processEvents()
    assert blank_doc.fund("fiscal", "current") == "300" and fiscal.text() == "300"
    assert cell(funds, "total_income_current").text() == "300"
    assert "「500元」" in fiscal.toolTip()


def test_saving_while_a_refused_amount_is_typed_shows_what_is_saved(funds, qtbot, blank_doc, tmp_path):
    fiscal = cell(funds, "fund_fiscal_current")
    type_text(fiscal, "12,5")
    assert fiscal.hasFocus()
    funds.finish_editing()  # what 保存 does first
    target = tmp_path / "saved.goal"
    blank_doc.save(target)
    assert fiscal.text() == "" and "「12,5」" in fiscal.toolTip()
    saved = Document.open(target)
    try:
        assert saved.fund("fiscal", "current") == ""
    finally:
        saved.close()
