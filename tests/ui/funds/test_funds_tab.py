"""The funds tab: typing an amount updates 合计, 占比 and the findings; undo takes it back."""
from __future__ import annotations

from helpers.ui import cell, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit



def test_typing_an_amount_updates_totals_shares_and_findings(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    settle(window)
    assert window.count_label.text().startswith("错误 ")
    errors_before = int(window.count_label.text().split()[1])

    fiscal = cell(window, "fund_fiscal_current")
    qtbot.mouseClick(fiscal, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(fiscal, "120")
    assert cell(window, "total_income_current").text() == "120"
    assert cell(window, "share_fiscal").text() == "100%"
    settle(window)
    # income 120, expenditure not reached yet: 待填 on the 合计 cell, not an error
    assert int(window.count_label.text().split()[1]) == errors_before
    assert cell(window, "total_expenditure_current").property("severity") == "pending"
    assert "支出构成还没有填写" in cell(window, "total_expenditure_current").toolTip()

    personnel = cell(window, "fund_personnel_current")
    qtbot.mouseClick(personnel, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(personnel, "30")
    settle(window)
    # income 120 against expenditure 30: a real mistake, an error at once, on the 合计 cells
    assert int(window.count_label.text().split()[1]) == errors_before + 1
    assert cell(window, "total_expenditure_current").property("severity") == "error"
    assert "不相等" in cell(window, "total_income_current").toolTip()

    operation = cell(window, "fund_operation_current")
    qtbot.mouseClick(operation, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(operation, "90")
    assert cell(window, "total_expenditure_current").text() == "120"
    assert cell(window, "share_personnel").text() == "25%"
    assert cell(window, "share_operation").text() == "75%"
    settle(window)
    assert int(window.count_label.text().split()[1]) == errors_before
    assert cell(window, "total_expenditure_current").property("severity") == ""


def test_derived_cells_are_read_only(window, blank_doc):
    window.set_document(blank_doc)
    assert cell(window, "total_income_current").isReadOnly()
    assert cell(window, "share_fiscal").isReadOnly()
    assert not cell(window, "fund_fiscal_current").isReadOnly()


def test_undo_and_redo_an_amount_with_the_keyboard(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    fiscal = cell(window, "fund_fiscal_current")
    fiscal.setFocus()
    qtbot.keyClicks(fiscal, "15.5")
    assert blank_doc.fund("fiscal", "current") == "15.5"
    assert window.undo_action.text() == "撤销 修改金额"
    qtbot.keyClick(fiscal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # one undo takes back the whole typed amount, not one letter
    assert blank_doc.fund("fiscal", "current") == ""
    assert fiscal.text() == ""
    assert cell(window, "total_income_current").text() == ""
    qtbot.keyClick(fiscal, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert blank_doc.fund("fiscal", "current") == "15.5"
    assert fiscal.text() == "15.5"


def test_undo_of_an_amount_brings_back_the_printed_total_it_replaced(window, qtbot, blank_doc):
    """An imported form kept a printed 合计 (「100%」); typing an amount in its column makes the 合计
    derived again, and undo restores the form exactly as it was, printed 合计 and its error included."""
    blank_doc.set_fund("fiscal", "prev2", "581.4")
    blank_doc.set_stated_total("income", "prev2", "100%")
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    settle(window)
    assert any(f.rule == "funds.amount" and f.location.column == "prev2" for f in window.findings)
    fiscal = cell(window, "fund_fiscal_prev2")
    fiscal.setFocus()
    fiscal.selectAll()
    qtbot.keyClicks(fiscal, "600")
    settle(window)
    assert blank_doc.stated_total("income", "prev2") == ""
    assert not any(f.rule == "funds.amount" for f in window.findings)
    qtbot.keyClick(fiscal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert blank_doc.fund("fiscal", "prev2") == "581.4"
    assert blank_doc.stated_total("income", "prev2") == "100%"
    assert any(f.rule == "funds.amount" and f.location.column == "prev2" for f in window.findings)
    qtbot.keyClick(fiscal, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert blank_doc.fund("fiscal", "prev2") == "600" and blank_doc.stated_total("income", "prev2") == ""


def test_bad_amount_is_marked_on_its_cell(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    prev1 = cell(window, "fund_unit_funds_prev1")
    prev1.setFocus()
    qtbot.keyClicks(prev1, "12a")
    qtbot.keyClick(prev1, Qt.Key.Key_Return)  # refused when the cell is left: the cursor stays
    settle(window)
    assert prev1.property("severity") == "error"
    assert "单位资金" in prev1.toolTip() and "不是金额" in prev1.toolTip()
    assert prev1.hasFocus() and prev1.text() == "12a" and blank_doc.fund("unit_funds", "prev1") == ""


def test_findings_list_follows_the_edit(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    fiscal = cell(window, "fund_fiscal_current")
    fiscal.setFocus()
    qtbot.keyClicks(fiscal, "8")
    items = window.dock.list

    def listed() -> bool:
        return any("支出构成还没有填写" in items.item(i).text(0) for i in range(items.count()))

    assert not listed()
    qtbot.waitUntil(listed, timeout=2000)  # the list is redrawn a moment after the edit
