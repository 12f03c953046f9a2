"""指标分类 (issue 22, item 7): chosen with the keyboard it is written at once; rows inserted from the
indicator library or pasted get the usual 分类, marked (italic, a tooltip) as a default to check."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from helpers.ui import put_on_clipboard

from goalform.ui.indicators.model import IdRole

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def annual(window, doc):
    window.set_document(doc)
    window.tabs.setCurrentIndex(4)
    QApplication.processEvents()
    return window.tab_pages[4]


def leaf_ids(doc, tree: str = "annual") -> list[int]:
    return [i for r in doc.roots(tree) for l2 in doc.children(r) for i in doc.children(l2)]


def group(doc, name: str) -> int:
    return next(c for r in doc.roots("annual") for c in doc.children(r) if doc.node(c).name == name)


def is_marked(tab, indicator_id: int) -> bool:
    index = tab.model.index_of(indicator_id, tab.model.column_of("category"))
    font = index.data(Qt.ItemDataRole.FontRole)
    return isinstance(font, QFont) and font.italic() and "默认分类" in (index.data(Qt.ItemDataRole.ToolTipRole) or "")


def choose_with_keys(tab, indicator_id: int, key=Qt.Key.Key_Down) -> None:
    """Select the cell, Enter to edit, Alt+Down to open the list, Down (or ``key``), Enter."""
    index = tab.model.index_of(indicator_id, tab.model.column_of("category"))
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_Return)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, ALT)
    QApplication.processEvents()
    QTest.keyClick(QApplication.focusWidget(), key)  # in the open list
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_category_chosen_with_alt_down_down_enter_is_written(window, blank_doc):
    tab = annual(window, blank_doc)
    first = leaf_ids(blank_doc)[0]
    assert blank_doc.node(first).category == "基本型"
    choose_with_keys(tab, first)
    assert blank_doc.node(first).category == "创新型"  # written by the one Enter, not left in an editor
    assert tab.view.hasFocus() and tab.delegate.open_editor is None
    assert window.undo_action.text() == "撤销 修改指标值"
    QTest.keyClick(tab.view, Qt.Key.Key_Down)  # moves on; does not change the choice again
    assert blank_doc.node(first).category == "创新型"
    assert tab.view.currentIndex().data(IdRole) != first
    window.undo_action.trigger()
    assert blank_doc.node(first).category == "基本型"


def test_escape_in_the_open_list_keeps_the_category(window, blank_doc):
    tab = annual(window, blank_doc)
    first = leaf_ids(blank_doc)[0]
    index = tab.model.index_of(first, tab.model.column_of("category"))
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    QTest.keyClick(tab.view, Qt.Key.Key_Return)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, ALT)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # closes the list: nothing chosen
    QApplication.processEvents()
    assert blank_doc.node(first).category == "基本型"


def test_pasted_rows_get_the_trees_usual_category_marked_to_check(window, qtbot, blank_doc):
    for i in leaf_ids(blank_doc)[:20]:  # this clerk's tree is mostly 创新型
        blank_doc.set_indicator(i, "category", "创新型")
    tab = annual(window, blank_doc)
    parent = group(blank_doc, "公用经费控制")
    first = blank_doc.children(parent)[0]
    index = tab.model.index_of(first, 0)
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    put_on_clipboard("公用经费控制率\t90%\r\n办公费控制率\t80%\r\n")
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)
    new = blank_doc.children(parent)[1]
    assert blank_doc.node(new).name == "办公费控制率"
    assert blank_doc.node(new).category == "创新型"
    assert is_marked(tab, new)
    assert not is_marked(tab, first)  # it had its 分类 already
    # The clerk decides: the mark goes.
    choose_with_keys(tab, new, Qt.Key.Key_Up)  # the list: (blank), 基本型, 创新型
    assert blank_doc.node(new).category == "基本型"
    assert not is_marked(tab, new)
    other = blank_doc.children(parent)[1]
    put_on_clipboard("差旅费控制率\t70%\r\n")
    index = tab.model.index_of(new, 0)
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)  # one line on a row that has its 分类: no default
    assert blank_doc.node(other).category == "基本型" and not is_marked(tab, other)


def test_confirming_the_default_with_the_keyboard_takes_the_mark_away(window, qtbot, blank_doc):
    tab = annual(window, blank_doc)
    parent = group(blank_doc, "公用经费控制")
    first = blank_doc.children(parent)[0]
    tab.view.selectionModel().setCurrentIndex(tab.model.index_of(first, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    put_on_clipboard("公用经费控制率\r\n办公费控制率\r\n")
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)
    new = blank_doc.children(parent)[1]
    assert blank_doc.node(new).category == "基本型" and is_marked(tab, new)
    choose_with_keys(tab, new, Qt.Key.Key_Shift)  # the list opens on 基本型: Enter takes it as it is
    assert blank_doc.node(new).category == "基本型"
    assert not is_marked(tab, new)


def test_rows_from_the_library_get_the_templates_or_the_trees_category(window, qtbot, blank_doc):
    from goalform.domain.library import LibraryEntry

    for i in leaf_ids(blank_doc, "long_term"):
        blank_doc.set_indicator(i, "category", "创新型")
    execution = next(i for i in leaf_ids(blank_doc, "long_term") if blank_doc.node(i).name == "预算执行率")
    level1 = blank_doc.node(blank_doc.node(execution).parent_id).parent_id
    level2 = blank_doc.node(blank_doc.node(execution).parent_id).name
    blank_doc.remove_indicator(execution)
    window.set_document(blank_doc)
    QApplication.processEvents()
    level1_name = blank_doc.node(level1).name
    window.library.insert([LibraryEntry(level1_name, level2, "预算执行率", reference="100%"),
                           LibraryEntry(level1_name, level2, "自编指标丙", reference="≥3次")], "long_term")
    tab = window.tabs.currentWidget()
    by_name = {blank_doc.node(i).name: i for i in leaf_ids(blank_doc, "long_term")}
    assert blank_doc.node(by_name["预算执行率"]).category == "基本型"  # the template lists it so
    assert blank_doc.node(by_name["自编指标丙"]).category == "创新型"  # the tree's usual one
    assert is_marked(tab, by_name["预算执行率"]) and is_marked(tab, by_name["自编指标丙"])
    tip = tab.model.index_of(by_name["自编指标丙"], tab.model.column_of("category")).data(Qt.ItemDataRole.ToolTipRole)
    assert "本表最常用的「创新型」" in tip
    assert "请确认" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # one step takes both rows back
    assert "自编指标丙" not in {blank_doc.node(i).name for i in leaf_ids(blank_doc, "long_term")}


def test_a_name_pasted_into_an_empty_row_gives_it_the_usual_category(window, qtbot, blank_doc):
    parent = group(blank_doc, "公用经费控制")
    empty = blank_doc.insert_indicator(parent, 1)  # a row added earlier and left empty (or 「……」)
    tab = annual(window, blank_doc)
    index = tab.model.index_of(empty, 0)
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    put_on_clipboard("自编指标甲\t1次\t2次\r\n")
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)
    assert blank_doc.node(empty).name == "自编指标甲" and blank_doc.node(empty).category == "基本型"
    assert is_marked(tab, empty)
    window.undo_action.trigger()  # the paste, 分类 included, is one step
    assert blank_doc.node(empty).name == "" and blank_doc.node(empty).category == ""
