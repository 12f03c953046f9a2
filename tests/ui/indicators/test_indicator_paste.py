"""Copy and paste in the indicator trees (issue 14, defect 5: Ctrl+V on a selected cell did nothing,
and three pasted lines went into one cell after F2)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from helpers.ui import put_on_clipboard

CTRL = Qt.KeyboardModifier.ControlModifier




def annual(window, doc):
    window.set_document(doc)
    window.tabs.setCurrentIndex(4)
    QApplication.processEvents()
    return window.tab_pages[4]


def select(tab, indicator_id: int, column: str):
    index = tab.model.index_of(indicator_id, tab.model.column_of(column))
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.scrollTo(index)
    tab.view.setFocus()
    return index


def group(doc, name: str) -> int:
    """The 二级 indicator of the annual tree called ``name``."""
    return next(c for r in doc.roots("annual") for c in doc.children(r) if doc.node(c).name == name)


def values(doc, parent: int, column: str = "value") -> list[str]:
    return [doc.node(i).get(column) for i in doc.children(parent)]


def test_ctrl_v_on_a_selected_cell_pastes_without_f2(window, qtbot, blank_doc, told):
    tab = annual(window, blank_doc)
    target = blank_doc.children(group(blank_doc, "公用经费控制"))[0]
    select(tab, target, "value")
    put_on_clipboard("≥95%\r\n")  # one cell copied from Excel
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)
    assert blank_doc.node(target).value == "≥95%"
    assert window.undo_action.text() == "撤销 修改指标值" and told == []


def test_three_lines_pasted_after_f2_go_into_three_rows_not_one_cell(window, qtbot, blank_doc, told):
    tab = annual(window, blank_doc)
    parent = group(blank_doc, "项目支出成本控制")  # two 三级 rows: the third is added
    select(tab, blank_doc.children(parent)[0], "value")
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    editor = tab.delegate.open_editor
    assert isinstance(editor, QLineEdit) and editor.isVisible()
    put_on_clipboard("≥95%\n≥96%\n≥97%")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    QApplication.processEvents()
    assert values(blank_doc, parent) == ["≥95%", "≥96%", "≥97%"]
    assert not any("≥95%≥96%" in v or "\n" in v for v in values(blank_doc, parent))
    assert tab.delegate.open_editor is None or not tab.delegate.open_editor.isVisible()
    window.undo_action.trigger()  # one undo step takes back the whole paste
    assert values(blank_doc, parent) == ["", ""]


def test_a_block_fills_the_rows_below_and_adds_rows(window, qtbot, blank_doc, told):
    tab = annual(window, blank_doc)
    parent = group(blank_doc, "公用经费控制")  # one 三级 row
    select(tab, blank_doc.children(parent)[0], "name")
    rows = [["公用经费控制率", "90%", "92%", "≤95%"], ["办公费控制率", "80%", "85%", "≤90%"],
            ["差旅费控制率", "70%", "75%", "≤80%"]]
    put_on_clipboard("".join("\t".join(r) + "\r\n" for r in rows))
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)
    got = [[blank_doc.node(i).get(c) for c in ("name", "prev2", "prev1", "value")] for i in blank_doc.children(parent)]
    assert got == rows and told == []
    assert window.undo_action.text() == "撤销 粘贴指标"
    window.undo_action.trigger()
    assert [blank_doc.node(i).name for i in blank_doc.children(parent)] == ["公用经费控制率"]
    assert blank_doc.node(blank_doc.children(parent)[0]).value == ""
    window.redo_action.trigger()
    assert len(blank_doc.children(parent)) == 3


def test_what_does_not_fit_is_listed_in_one_message(window, qtbot, blank_doc, told):
    tab = annual(window, blank_doc)
    parent = group(blank_doc, "公用经费控制")
    select(tab, blank_doc.children(parent)[0], "category")  # the last column
    put_on_clipboard('基本型\t多出来\r\n"两行\n的值"\t\r\n')
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)
    assert blank_doc.node(blank_doc.children(parent)[0]).category == "基本型"
    assert len(told) == 1 and "多出来" in told[0] and "换行" in told[0]


def test_ctrl_c_copies_the_selected_cells_as_tab_separated_text(window, qtbot, blank_doc):
    tab = annual(window, blank_doc)
    parent = group(blank_doc, "项目支出成本控制")
    first, second = blank_doc.children(parent)
    blank_doc.set_indicator(first, "value", "≤100%")
    select(tab, first, "name")
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_C, CTRL)
    names = [blank_doc.node(i).name for i in (first, second)]
    assert QApplication.clipboard().text() == f"{names[0]}\r\n{names[1]}\r\n"
    select(tab, first, "name")
    tab.view.selectionModel().select(tab.model.index_of(first, tab.model.column_of("value")),
                                     QItemSelectionModel.SelectionFlag.Select)
    qtbot.keyClick(tab.view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text().startswith(f"{names[0]}\t\t\t≤100%\r\n")


def test_lines_pasted_from_the_editor_context_menu_go_into_rows(window, qtbot, blank_doc, told):
    tab = annual(window, blank_doc)
    parent = group(blank_doc, "项目支出成本控制")
    select(tab, blank_doc.children(parent)[0], "value")
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    editor = tab.delegate.open_editor
    put_on_clipboard("≥95%\r\n≥96%\r\n")
    menu = editor.createStandardContextMenu()  # what the right-click menu (also the review one) starts from
    editor.adapt_context_menu(menu)
    next(a for a in menu.actions() if a.objectName() == "edit-paste").trigger()
    QApplication.processEvents()
    assert values(blank_doc, parent) == ["≥95%", "≥96%"]
