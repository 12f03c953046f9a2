"""The indicator tabs driven from the keyboard and buttons, each edit undone through the 编辑 menu."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from helpers.ui import click_finding, settle, type_text

from goalform.domain.cells import Cell
from goalform.domain.validation import core
from goalform.domain.validation.core import Location, RuleSpec, Severity
from goalform.ui.indicators.model import IdRole


def tab_of(window, tree: str):
    index = 3 if tree == "long_term" else 4
    window.tabs.setCurrentIndex(index)
    QApplication.processEvents()  # lay the tab out, so editors open on visible cells
    return window.tab_pages[index]


def set_current(tab, index) -> None:
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.scrollTo(index)
    tab.view.setFocus()


def commit(editor) -> None:
    """Press Enter in a cell editor (the view commits on a queued call).

    With the name completer's list open, the first Enter closes the list, as for a user."""
    completer = editor.completer() if isinstance(editor, QLineEdit) else None
    if completer is not None and completer.popup().isVisible():
        QTest.keyClick(completer.popup(), Qt.Key.Key_Return)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def names(doc, parent_id: int) -> list[str]:
    return [doc.node(i).name for i in doc.children(parent_id)]


def test_edit_a_value_with_f2_and_undo(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = tab_of(window, "long_term")
    model = tab.model
    l3 = model.index(0, model.column_of("value"), model.index(0, 0, model.index(0, 0)))
    set_current(tab, l3)
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    editor = tab.delegate.open_editor
    assert isinstance(editor, QLineEdit) and editor.isVisible() and editor.objectName() == "editor_value"
    type_text(editor, "≤100%")
    commit(editor)
    indicator_id = l3.data(IdRole)
    assert blank_doc.node(indicator_id).value == "≤100%"
    assert window.undo_action.text() == "撤销 修改指标值"
    window.undo_action.trigger()
    assert blank_doc.node(indicator_id).value == ""
    assert l3.data() == ""
    assert window.redo_action.text() == "重做 修改指标值"
    window.redo_action.trigger()
    assert l3.data() == "≤100%"


def test_basis_is_chosen_from_the_template_values(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = tab_of(window, "annual")
    model = tab.model
    cell = model.index(0, model.column_of("basis"), model.index(0, 0, model.index(0, 0)))
    set_current(tab, cell)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)  # Enter edits, too
    combo = tab.delegate.open_editor
    assert isinstance(combo, QComboBox) and combo.objectName() == "editor_basis"
    assert [combo.itemText(i) for i in range(combo.count())] == [""] + list(blank_doc.template.basis.values)
    combo.setCurrentIndex(combo.findText("历史标准"))
    qtbot.keyClick(combo, Qt.Key.Key_Tab)  # commits and moves to the next column
    assert blank_doc.node(cell.data(IdRole)).basis == "历史标准"
    assert tab.view.currentIndex().column() == model.column_of("category")


def test_insert_key_adds_a_sibling_and_undo_removes_it(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = tab_of(window, "long_term")
    model = tab.model
    l2 = model.index(0, 0, model.index(0, 0))
    first = model.index(0, 0, l2)
    set_current(tab, first)
    qtbot.keyClick(tab.view, Qt.Key.Key_Insert)
    editor = tab.delegate.open_editor
    assert editor is not None and editor.completer() is not None  # names come from the library
    type_text(editor, "公用经费节约额")
    commit(editor)
    parent_id = l2.data(IdRole)
    assert names(blank_doc, parent_id) == ["公用经费控制率", "公用经费节约额"]
    assert window.undo_action.text() == "撤销 重命名指标"
    window.undo_action.trigger()  # the name
    window.undo_action.trigger()  # the row
    assert names(blank_doc, parent_id) == ["公用经费控制率"]
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert names(blank_doc, parent_id) == ["公用经费控制率", "公用经费节约额"]


def test_buttons_add_move_and_delete_with_undo(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = tab_of(window, "long_term")
    model = tab.model
    level1 = model.index(0, 0)
    set_current(tab, level1)
    before = names(blank_doc, level1.data(IdRole))
    tab.add_level2()
    editor = tab.delegate.open_editor
    type_text(editor, "办公设备控制")
    commit(editor)
    assert names(blank_doc, level1.data(IdRole)) == before + ["办公设备控制"]
    new_l2 = tab.current_id()
    tab.add_level3()
    editor = tab.delegate.open_editor
    type_text(editor, "设备购置控制率")
    commit(editor)
    assert names(blank_doc, new_l2) == ["设备购置控制率"]

    set_current(tab, model.index_of(new_l2))
    qtbot.mouseClick(tab.buttons["up"], Qt.MouseButton.LeftButton)
    assert names(blank_doc, level1.data(IdRole))[-2] == "办公设备控制"
    assert window.undo_action.text() == "撤销 移动指标"
    window.undo_action.trigger()
    assert names(blank_doc, level1.data(IdRole))[-1] == "办公设备控制"

    set_current(tab, model.index_of(new_l2))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert names(blank_doc, level1.data(IdRole)) == before
    assert window.undo_action.text() == "撤销 删除指标"
    window.undo_action.trigger()  # the 二级 comes back with its 三级 and the same ids
    assert names(blank_doc, level1.data(IdRole)) == before + ["办公设备控制"]
    assert names(blank_doc, new_l2) == ["设备购置控制率"]


def test_level1_cannot_be_deleted(window, qtbot, blank_doc, monkeypatch):
    window.set_document(blank_doc)
    tab = tab_of(window, "annual")
    shown = []
    monkeypatch.setattr("goalform.ui.telling.QMessageBox.information",
                        lambda *a: shown.append(a[2]))
    set_current(tab, tab.model.index(0, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert shown and "一级指标" in shown[0]
    assert len(blank_doc.roots("annual")) == len(blank_doc.template.level1)


@pytest.fixture
def empty_value_rule(monkeypatch):
    """A rule on indicators (the real indicator rules live in another module)."""

    def check(form, template):
        for i, l1 in enumerate(form.long_term):
            for j, l2 in enumerate(l1.children):
                for k, l3 in enumerate(l2.children):
                    if not l3.value:
                        yield Location.of(Cell.indicator(l3.id, "value"), "long_term", (i, j, k)), f"请填写「{l3.name}」的指标值"

    monkeypatch.setitem(core._RULES, "test.value", RuleSpec("test.value", Severity.WARNING, "test", check))


def test_failing_row_shows_marker_and_tooltip(window, qtbot, blank_doc, empty_value_rule):
    window.set_document(blank_doc)
    tab = tab_of(window, "long_term")
    model = tab.model
    l3 = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    assert "请填写「公用经费控制率」的指标值" in l3.data(Qt.ItemDataRole.ToolTipRole)
    assert l3.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "警告 " in window.count_label.text()
    warnings = int(re.search(r"警告 (\d+)", window.count_label.text())[1])
    blank_doc_id = l3.data(IdRole)
    window.editor.edit_indicator(model, blank_doc_id, "value", "100%")
    settle(window)
    assert "请填写「公用经费控制率」的指标值" not in (l3.data(Qt.ItemDataRole.ToolTipRole) or "")
    assert int(re.search(r"警告 (\d+)", window.count_label.text())[1]) == warnings - 1


def test_clicking_a_finding_lands_on_its_row(window, qtbot, blank_doc, empty_value_rule):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(0)
    click_finding(window, qtbot, "“三公”经费变动率")
    tab = window.tab_pages[3]
    assert window.tabs.currentWidget() is tab
    current = tab.view.currentIndex()
    assert current.siblingAtColumn(0).data() == "“三公”经费变动率"
    assert current.column() == tab.model.column_of("value")


def test_clicking_a_funds_finding_lands_on_its_cell(window, qtbot, blank_doc):
    blank_doc.set_fund("fiscal", "prev2", "abc")  # typing refuses it; a file from elsewhere may hold it
    window.set_document(blank_doc)
    blank_doc_cell = window.findChild(QLineEdit, "fund_fiscal_prev2")
    settle(window)
    window.tabs.setCurrentIndex(0)
    window.setFocus()
    click_finding(window, qtbot, "财政拨款")
    assert window.tabs.currentIndex() == 1
    assert window.focusWidget() is blank_doc_cell


def test_clicking_a_header_finding_lands_on_its_field(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(4)
    click_finding(window, qtbot, "联系电话")
    assert window.tabs.currentIndex() == 0
    assert window.focusWidget().objectName() == "field_phone"


def test_ctrl_up_and_down_move_a_row(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = tab_of(window, "long_term")
    parent = tab.model.index(2, 0, tab.model.index(0, 0))  # 项目支出成本控制: two 三级
    parent_id = parent.data(IdRole)
    set_current(tab, tab.model.index(0, 0, parent))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(blank_doc, parent_id) == ["“三公”经费变动率", "会议费控制率"]
    assert tab.view.currentIndex().data() == "会议费控制率"  # the cursor moves with the row
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(blank_doc, parent_id) == ["会议费控制率", "“三公”经费变动率"]
