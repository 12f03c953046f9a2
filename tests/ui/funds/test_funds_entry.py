"""The funds table typed and pasted like a spreadsheet (issue 14): every amount that reaches the
document is the amount the clerk meant; anything else is refused at the cell."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from helpers.ui import cell, put_on_clipboard, settle, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier






def start_in(qtbot, widget: QLineEdit) -> QLineEdit:
    """Click into a cell (the first amount already has the cursor when the tab is shown: a click
    there would place the text cursor for editing, as in any text box)."""
    if not widget.hasFocus():
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert widget.hasFocus()
    return widget


# -- defect 1: a pasted block went into one cell as 130012001100350320300 --------------------------
def test_pasting_a_spreadsheet_block_fills_the_cells_in_one_undo_step(funds, qtbot, blank_doc, told):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_prev2"))
    put_on_clipboard("1300\t1200\r\n350\t320\r\n")  # 前年 and 上年 of two lines, as Excel copies them
    qtbot.keyClick(fiscal, Qt.Key.Key_V, CTRL)
    assert [blank_doc.fund(l, c) for l in ("fiscal", "special_account") for c in ("prev2", "prev1")] == [
        "1300", "1200", "350", "320"]
    assert cell(funds, "total_income_prev2").text() == "1650"
    assert told == []
    assert funds.undo_action.text() == "撤销 粘贴金额"
    funds.undo_action.trigger()
    assert [blank_doc.fund(l, c) for l in ("fiscal", "special_account") for c in ("prev2", "prev1")] == [""] * 4
    assert cell(funds, "fund_fiscal_prev2").text() == "" and cell(funds, "total_income_prev2").text() == ""


def test_a_pasted_block_skips_computed_cells_and_lists_what_it_did_not_write(funds, qtbot, blank_doc, told):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    put_on_clipboard("1300\t1200\r\n350\t320\r\n")  # 当年 | 占比 column for column (issue 22)
    qtbot.keyClick(fiscal, Qt.Key.Key_V, CTRL)
    assert blank_doc.fund("fiscal", "current") == "1300" and blank_doc.fund("fiscal", "prev2") == ""
    assert blank_doc.fund("special_account", "current") == "350" and blank_doc.fund("special_account", "prev2") == ""
    assert cell(funds, "total_income_current").text() == "1650"
    assert len(told) == 1 and "以下 2 项没有填入" in told[0]
    assert "「1200」不填，此格由程序计算" in told[0] and "「320」" in told[0]


def test_unreadable_values_of_a_block_are_listed_and_not_written(funds, qtbot, blank_doc, told):
    blank_doc.set_fund("special_account", "current", "77")
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    put_on_clipboard("1,300\r\n12,5\r\n５００\r\n")
    qtbot.keyClick(fiscal, Qt.Key.Key_V, CTRL)
    assert blank_doc.fund("fiscal", "current") == "1300"
    assert blank_doc.fund("special_account", "current") == "77"  # kept: 「12,5」 is not read
    assert blank_doc.fund("unit_funds", "current") == "500"
    assert len(told) == 1 and "12,5" in told[0] and "千位" in told[0]


# -- defect 2: Down and Enter did not move, 300507 went into one cell -------------------------------
def test_down_and_enter_move_to_the_next_amount(funds, qtbot, blank_doc):
    start_in(qtbot, cell(funds, "fund_fiscal_current"))
    for keys, move in (("300", Qt.Key.Key_Down), ("50", Qt.Key.Key_Return), ("7", Qt.Key.Key_Tab)):
        qtbot.keyClicks(QApplication.focusWidget(), keys)
        qtbot.keyClick(QApplication.focusWidget(), move)
    assert (blank_doc.fund("fiscal", "current"), blank_doc.fund("special_account", "current"),
            blank_doc.fund("unit_funds", "current")) == ("300", "50", "7")
    assert QApplication.focusWidget().objectName() == "fund_unit_funds_prev2"  # Tab skipped 占比
    assert cell(funds, "total_income_current").text() == "357"


def test_the_keys_move_between_amounts_skipping_computed_cells(funds, qtbot):
    start_in(qtbot, cell(funds, "fund_unit_funds_current"))

    def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> str:
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        return QApplication.focusWidget().objectName()

    assert press(Qt.Key.Key_Down) == "fund_personnel_current"  # over the income 合计
    assert press(Qt.Key.Key_Up) == "fund_unit_funds_current"
    assert press(Qt.Key.Key_Return, SHIFT) == "fund_special_account_current"
    assert press(Qt.Key.Key_Right) == "fund_special_account_prev2"  # over 占比
    assert press(Qt.Key.Key_Left) == "fund_special_account_current"
    assert press(Qt.Key.Key_End) == "fund_special_account_prev1"
    assert press(Qt.Key.Key_Home) == "fund_special_account_current"
    assert press(Qt.Key.Key_Tab, SHIFT) == "fund_fiscal_prev1"
    assert press(Qt.Key.Key_Home, CTRL) == "fund_fiscal_current"
    assert press(Qt.Key.Key_Up) == "fund_fiscal_current"  # the edge: stays


def test_switching_to_the_tab_puts_the_cursor_in_the_first_amount(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cell(window, "fund_fiscal_current"), timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), "42")
    assert blank_doc.fund("fiscal", "current") == "42"


def test_typing_over_a_selected_cell_replaces_it(funds, qtbot, blank_doc):
    blank_doc.set_fund("special_account", "current", "999")
    start_in(qtbot, cell(funds, "fund_fiscal_current"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert blank_doc.fund("special_account", "current") == "12"


# -- defect 3: 「12,5」 became 125; 「1,000」 and 「５００」 were stored as typed ----------------------------
def test_a_misplaced_comma_is_refused_at_the_cell_and_the_document_keeps_the_last_good_value(funds, qtbot, blank_doc):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    qtbot.keyClicks(fiscal, "8")
    qtbot.keyClick(fiscal, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert fiscal.hasFocus() and fiscal.selectedText() == "8"
    steps = funds.editor.undo_stack.count()
    qtbot.keyClicks(fiscal, "12,5")
    qtbot.keyClick(fiscal, Qt.Key.Key_Return)
    assert blank_doc.fund("fiscal", "current") == "8"  # not 125, not the 12 typed on the way
    assert fiscal.hasFocus() and fiscal.text() == "12,5"  # the cursor stays, with what was typed
    assert fiscal.property("severity") == "error" and "千位" in fiscal.toolTip()
    assert "千位" in funds.statusBar().currentMessage()
    assert cell(funds, "total_income_current").text() == "8"
    assert funds.editor.undo_stack.count() == steps  # a refused entry is no undo step
    qtbot.keyClick(fiscal, Qt.Key.Key_Escape)
    assert fiscal.text() == "8" and fiscal.property("severity") == ""
    assert funds.statusBar().currentMessage() == ""


@pytest.mark.parametrize("typed, stored", [("1,000", "1000"), ("５００", "500"), ("1,424 万元", "1424"),
                                           ("＋12.50", "12.5")])
def test_accepted_spellings_are_stored_and_shown_in_one_form(funds, qtbot, blank_doc, typed, stored):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    type_text(fiscal, typed)
    qtbot.keyClick(fiscal, Qt.Key.Key_Tab)
    assert blank_doc.fund("fiscal", "current") == stored
    assert fiscal.text() == stored and cell(funds, "total_income_current").text() == stored
    assert funds.undo_action.text() == "撤销 修改金额"
    funds.undo_action.trigger()  # the whole amount is one step
    assert blank_doc.fund("fiscal", "current") == "" and fiscal.text() == ""


def test_totals_follow_the_keystrokes_while_a_thousands_separator_is_typed(funds, qtbot):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    seen = []
    for ch in "1,000":
        qtbot.keyClicks(fiscal, ch)
        seen.append(cell(funds, "total_income_current").text())
    assert seen == ["1", "1", "1", "1", "1000"]
    assert fiscal.text() == "1,000"  # what the clerk typed, while typing


# -- defect 4: a 20-digit amount was only a warning, its 合计 the last digits --------------------------
def test_an_amount_no_department_has_is_refused(funds, qtbot, blank_doc):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    qtbot.keyClicks(fiscal, "130012001100350320300")
    qtbot.keyClick(fiscal, Qt.Key.Key_Down)
    assert fiscal.hasFocus() and blank_doc.fund("fiscal", "current") == ""
    assert "一万亿元" in fiscal.toolTip()
    assert cell(funds, "total_income_current").text() == ""
    settle(funds)
    assert not any(f.rule == "funds.change" for f in funds.findings)


def test_five_hundred_yuan_is_not_read_as_five_hundred_wan(funds, qtbot, blank_doc):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    type_text(fiscal, "500元")
    qtbot.keyClick(fiscal, Qt.Key.Key_Return)
    assert blank_doc.fund("fiscal", "current") == ""
    assert "0.05" in fiscal.toolTip()


# -- a range: select, copy, clear ------------------------------------------------------------------
def test_shift_arrows_select_a_range_that_copies_as_tab_separated_text(window, qtbot, blank_doc):
    for line, value in (("fiscal", "10"), ("special_account", "30")):
        blank_doc.set_fund(line, "current", value)
        blank_doc.set_fund(line, "prev2", "5")
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    funds = window
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    qtbot.keyClick(fiscal, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(fiscal, Qt.Key.Key_Right, SHIFT)
    assert fiscal.hasFocus()
    assert cell(funds, "share_special_account").property("inrange") is True
    qtbot.keyClick(fiscal, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "10\t25%\t5\r\n30\t75%\t5\r\n"
    qtbot.keyClick(fiscal, Qt.Key.Key_Delete)
    assert [blank_doc.fund(l, c) for l in ("fiscal", "special_account") for c in ("current", "prev2")] == [""] * 4
    funds.undo_action.trigger()
    assert blank_doc.fund("special_account", "prev2") == "5"


def test_a_single_value_pastes_through_the_parser(funds, qtbot, blank_doc, told):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    put_on_clipboard("1,234.5\r\n")  # one cell copied from Excel
    qtbot.keyClick(fiscal, Qt.Key.Key_V, CTRL)
    assert blank_doc.fund("fiscal", "current") == "1234.5" and fiscal.text() == "1234.5"
    assert told == []


def test_read_only_cells_take_no_paste(window, qtbot, blank_doc, told):
    blank_doc.read_only = True
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    fiscal = start_in(qtbot, cell(window, "fund_fiscal_current"))
    put_on_clipboard("1\t2\r\n")
    qtbot.keyClick(fiscal, Qt.Key.Key_V, CTRL)
    assert blank_doc.fund("fiscal", "current") == ""


def test_paste_from_the_context_menu_goes_through_the_grid(funds, qtbot, blank_doc, told):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_prev2"))
    put_on_clipboard("1300\t1200\r\n")
    menu = fiscal.createStandardContextMenu()  # what the right-click menu (also the review one) starts from
    fiscal.adapt_context_menu(menu)
    next(a for a in menu.actions() if a.objectName() == "edit-paste").trigger()
    assert (blank_doc.fund("fiscal", "prev2"), blank_doc.fund("fiscal", "prev1")) == ("1300", "1200")
    assert fiscal.text() == "1300"


def test_a_block_pasted_over_a_refused_entry_replaces_it(funds, qtbot, blank_doc, told):
    fiscal = start_in(qtbot, cell(funds, "fund_fiscal_current"))
    qtbot.keyClicks(fiscal, "12,5")
    qtbot.keyClick(fiscal, Qt.Key.Key_Return)
    assert fiscal.property("severity") == "error"
    put_on_clipboard("125\r\n7\r\n")
    qtbot.keyClick(fiscal, Qt.Key.Key_V, CTRL)
    assert (blank_doc.fund("fiscal", "current"), blank_doc.fund("special_account", "current")) == ("125", "7")
    assert fiscal.text() == "125" and fiscal.property("severity") == "" and told == []
