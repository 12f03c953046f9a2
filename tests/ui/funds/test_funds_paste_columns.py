"""Pastes keep their columns (issue 22, item 2): a block copied from a clerk's sheet lands in the
columns it belongs to, never shifting one year's figures into another, and the message says where
every value went when anything was not written."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from helpers.ui import cell, put_on_clipboard

from goalform.ui.funds.paste import column_plan

CTRL = Qt.KeyboardModifier.ControlModifier
LINES = ("fiscal", "special_account")




def paste_at(qtbot, win, name: str, text: str, html: str = "") -> None:
    """Click the cell (a second click would edit inside its text) and press Ctrl+V."""
    target = cell(win, name)
    if not target.hasFocus():
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert target.hasFocus()
    put_on_clipboard(text, html)
    qtbot.keyClick(target, Qt.Key.Key_V, CTRL)


def amounts(doc, column: str) -> list[str]:
    return [doc.fund(line, column) for line in LINES]


def test_three_columns_current_2024_2025_go_to_their_years(funds, qtbot, blank_doc, told):
    # The clerk's sheet: 当年 | 2024 | 2025 for two lines, pasted on 财政拨款 · 当年金额.
    paste_at(qtbot, funds, "fund_fiscal_current", "1300\t1200\t1100\r\n350\t320\t300\r\n")
    assert amounts(blank_doc, "current") == ["1300", "350"]
    assert amounts(blank_doc, "prev2") == ["1200", "320"]  # 2024 (前年 of a 2026 form)
    assert amounts(blank_doc, "prev1") == ["1100", "300"]  # 2025
    assert told == []
    assert "第 2 列 → 2024年" in funds.statusBar().currentMessage()
    assert funds.undo_action.text() == "撤销 粘贴金额"
    funds.undo_action.trigger()  # one step
    assert amounts(blank_doc, "current") == amounts(blank_doc, "prev2") == amounts(blank_doc, "prev1") == ["", ""]


def test_a_block_as_wide_as_all_columns_is_placed_column_for_column(funds, qtbot, blank_doc, told):
    # Copied from another goalform table or the form in Excel: 当年 | 占比 | 2024 | 2025.
    paste_at(qtbot, funds, "fund_fiscal_current", "1300\t100%\t1200\t1100\r\n")
    assert blank_doc.fund("fiscal", "current") == "1300"
    assert blank_doc.fund("fiscal", "prev2") == "1200" and blank_doc.fund("fiscal", "prev1") == "1100"
    assert told == []  # the 占比 said what goalform computes: fine


def test_a_computed_value_that_differs_is_said_with_where_the_rest_went(funds, qtbot, blank_doc, told):
    paste_at(qtbot, funds, "fund_fiscal_current", "1300\t40%\t1200\t1100\r\n")
    assert [blank_doc.fund("fiscal", c) for c in ("current", "prev2", "prev1")] == ["1300", "1200", "1100"]
    assert len(told) == 1
    message = told[0]
    assert "以下 1 项没有填入" in message and "「40%」不填，此格由程序计算（现为「100%」）" in message
    assert "已填入 3 格" in message
    assert "财政拨款（2024年） = 1200" in message and "财政拨款（2025年） = 1100" in message


def test_the_four_columns_land_in_place_wherever_the_cursor_is_in_the_row(funds, qtbot, blank_doc, told):
    paste_at(qtbot, funds, "fund_fiscal_prev1", "1300\t100%\t1200\t1100\r\n")
    assert [blank_doc.fund("fiscal", c) for c in ("current", "prev2", "prev1")] == ["1300", "1200", "1100"]
    assert told == []


def test_two_history_columns_pasted_on_2024_fill_2024_and_2025(funds, qtbot, blank_doc, told):
    paste_at(qtbot, funds, "fund_fiscal_prev2", "1200\t1100\r\n320\t300\r\n")
    assert amounts(blank_doc, "prev2") == ["1200", "320"] and amounts(blank_doc, "prev1") == ["1100", "300"]
    assert amounts(blank_doc, "current") == ["", ""] and told == []


def test_a_block_that_would_run_past_the_last_column_is_refused_with_the_mapping(funds, qtbot, blank_doc, told):
    blank_doc.set_fund("fiscal", "prev1", "9")
    paste_at(qtbot, funds, "fund_fiscal_prev1", "1200\t1100\r\n")
    assert blank_doc.fund("fiscal", "prev1") == "9"  # nothing written: the 2024 figure would go in 2025
    assert len(told) == 1 and told[0].startswith("没有粘贴")
    assert "第 1 列 → 2025年" in told[0] and "第 2 列 → 表格之外" in told[0]
    assert "请复制 3 列（2026年当年金额、2024年、2025年）" in told[0]


def test_two_columns_on_current_cannot_shift_a_year(funds, qtbot, blank_doc, told):
    """当年 | 2024 pasted on 当年金额: the 2024 figure falls on 占比 and is said, never put in 2024's
    neighbour or another year."""
    paste_at(qtbot, funds, "fund_fiscal_current", "1300\t1200\r\n")
    assert blank_doc.fund("fiscal", "current") == "1300"
    assert blank_doc.fund("fiscal", "prev2") == "" and blank_doc.fund("fiscal", "prev1") == ""
    assert len(told) == 1 and "「1200」不填，此格由程序计算" in told[0]
    assert "财政拨款（2026年当年金额） = 1300" in told[0]


def test_an_html_table_from_calc_is_placed_the_same_way(funds, qtbot, blank_doc, told):
    html = ("<table><tr><td>1,300</td><td>1,200</td><td>1,100</td></tr>"
            "<tr><td>350</td><td>320</td><td>300</td></tr></table>")
    paste_at(qtbot, funds, "fund_fiscal_current", "1,300\t1,200\t1,100\n350\t320\t300\n", html)
    assert amounts(blank_doc, "prev1") == ["1100", "300"] and told == []


def test_the_plan_of_columns():
    editable = [True, False, True, True]
    assert column_plan(3, 0, editable) == ([0, 2, 3], True)
    assert column_plan(3, 3, editable) == ([0, 2, 3], True)
    assert column_plan(4, 2, editable) == ([0, 1, 2, 3], True)
    assert column_plan(2, 2, editable) == ([2, 3], True)
    assert column_plan(2, 0, editable) == ([0, 1], True)
    assert column_plan(2, 3, editable) == ([3, 4], False)
    assert column_plan(1, 3, editable) == ([3], True)
