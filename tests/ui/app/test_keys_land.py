"""Every key lands where the clerk looks (issue 22, items 1 and 5): after a jump to a finding the
keys go to its cell on the visible tab, and typing on a selected tree cell edits that cell."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTabBar
from helpers.ui import click_finding, settle, type_text

from goalform.ui.indicators.model import IdRole

FINDING = "长期指标「“三公”经费变动率」的指标值"


def click_tab(window, qtbot, title: str) -> None:
    bar = window.tabs.findChild(QTabBar)
    index = next(i for i in range(bar.count()) if bar.tabText(i).startswith(title))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    QApplication.processEvents()


def wait_a_moment(qtbot) -> None:
    """Let every queued call (a tab's deferred 「cursor to the first cell」) run, as the event loop would."""
    qtbot.wait(50)
    QApplication.processEvents()


def type_keys(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus, as a user does (not into a chosen widget)."""
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()


def test_typing_after_a_jump_edits_the_indicator_not_a_hidden_amount(window, qtbot, saved_reference):
    window.open_path(saved_reference)
    doc = window.doc
    fiscal_before = doc.fund("fiscal", "current")
    click_tab(window, qtbot, "资金情况")
    click_tab(window, qtbot, "长期目标")
    QTest.keyClick(window, Qt.Key.Key_F5)
    click_finding(window, qtbot, FINDING)
    wait_a_moment(qtbot)
    tab = window.tabs.currentWidget()
    assert tab is window.tab_pages[3]
    focused = QApplication.focusWidget()
    assert focused is not None and tab.isAncestorOf(focused), focused  # the keys go to the visible tab
    current = tab.view.currentIndex()
    assert current.siblingAtColumn(0).data() == "“三公”经费变动率"
    assert current.column() == tab.model.column_of("value")
    indicator_id = current.data(IdRole)

    type_keys(qtbot, "95")
    assert doc.node(indicator_id).value == "95"
    assert doc.fund("fiscal", "current") == fiscal_before
    assert window.undo_action.text() == "撤销 修改指标值"


def test_enter_and_double_click_on_a_finding_land_on_the_cell_too(window, qtbot, saved_reference):
    window.open_path(saved_reference)
    click_tab(window, qtbot, "资金情况")
    click_tab(window, qtbot, "年度目标")
    QTest.keyClick(window, Qt.Key.Key_F5)
    settle(window)
    items = window.dock.list
    row = next(i for i in range(items.count()) if FINDING in items.item(i).text(0))
    items.setFocus()
    items.setCurrentRow(row)
    QTest.keyClick(items, Qt.Key.Key_Return)  # Enter on the finding in the dock
    wait_a_moment(qtbot)
    tab = window.tab_pages[3]
    assert window.tabs.currentWidget() is tab and tab.view.hasFocus()
    assert tab.view.currentIndex().siblingAtColumn(0).data() == "“三公”经费变动率"

    click_tab(window, qtbot, "资金情况")
    annual = next(i for i in range(items.count()) if "年度指标「“三公”经费变动率」的指标值" in items.item(i).text(0))
    item = items.item(annual)
    items.doItemsLayout()
    items.scrollToItem(item)
    QApplication.processEvents()
    at = items.visualItemRect(item).center()
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a double-click: press, release,
    qtbot.mouseDClick(items.viewport(), Qt.MouseButton.LeftButton, pos=at)  # then the second press
    wait_a_moment(qtbot)
    tab = window.tab_pages[4]
    assert window.tabs.currentWidget() is tab and tab.view.hasFocus()
    assert tab.view.currentIndex().siblingAtColumn(0).data() == "“三公”经费变动率"


def test_a_jump_to_an_amount_lands_in_its_cell_and_stays(window, qtbot, saved_reference):
    window.open_path(saved_reference)
    click_tab(window, qtbot, "长期目标")
    click_finding(window, qtbot, "运转类项目支出：2026年")
    wait_a_moment(qtbot)
    assert window.tabs.currentIndex() == 1
    assert QApplication.focusWidget().objectName() == "fund_operation_current"


def test_typing_on_a_selected_tree_cell_edits_it_with_the_typed_text(window, qtbot, blank_doc):
    """As in a spreadsheet: no type-ahead search jumping to another row."""
    window.set_document(blank_doc)
    click_tab(window, qtbot, "长期目标")
    tab = window.tabs.currentWidget()
    model = tab.model
    level2 = model.index(0, 0, model.index(0, 0))
    rows = [model.index(i, model.column_of("value"), level2) for i in range(model.rowCount(level2))]
    target = rows[0]
    rect = tab.view.visualRect(target)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.view.currentIndex() == target
    QTest.keyClick(QApplication.focusWidget(), "9")
    editor = tab.delegate.open_editor
    assert isinstance(editor, QLineEdit) and editor.hasFocus()
    assert editor.text() == "9"  # the typed key is the start of the text, not a search
    QTest.keyClicks(editor, "5%")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert blank_doc.node(target.data(IdRole)).value == "95%"


def test_a_letter_on_a_name_cell_starts_renaming_not_searching(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    click_tab(window, qtbot, "年度目标")
    tab = window.tabs.currentWidget()
    model = tab.model
    level2 = model.index(0, 0, model.index(0, 0))
    first = model.index(0, 0, level2)
    tab.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    QTest.keyClick(tab.view, "x")  # type-ahead would jump to a row starting with x (or stay and beep)
    editor = tab.delegate.open_editor
    assert isinstance(editor, QLineEdit) and editor.text() == "x"
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert blank_doc.node(first.data(IdRole)).name == "公用经费控制率"


def test_a_key_on_a_level1_row_does_not_jump_elsewhere(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    click_tab(window, qtbot, "年度目标")
    tab = window.tabs.currentWidget()
    model = tab.model
    second = model.index(1, 0)
    tab.view.selectionModel().setCurrentIndex(second, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    name = str(model.index(0, 0).data())
    type_text(tab.view, name[0])  # the first 一级's first character: type-ahead would go there
    assert tab.view.currentIndex() == second


def test_typing_after_alt_2_replaces_the_first_amount(window, qtbot, saved_reference):
    """The tab switch hands the cursor to the first amount: typing replaces it, as in any cell
    entered by the keyboard (it was appended: 1424 became 14247)."""
    window.open_path(saved_reference)
    click_tab(window, qtbot, "长期目标")
    tab = window.tabs.currentWidget()
    tab.view.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    wait_a_moment(qtbot)
    fiscal = QApplication.focusWidget()
    assert fiscal.objectName() == "fund_fiscal_current"
    type_keys(qtbot, "7")
    assert window.doc.fund("fiscal", "current") == "7"


def test_typing_after_a_jump_to_an_amount_on_the_same_tab_replaces_it(window, qtbot, saved_reference):
    window.open_path(saved_reference)
    click_tab(window, qtbot, "资金情况")
    other = window.findChild(QLineEdit, "fund_special_account_prev1")
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    click_finding(window, qtbot, "运转类项目支出：2026年")
    wait_a_moment(qtbot)
    assert QApplication.focusWidget().objectName() == "fund_operation_current"
    type_keys(qtbot, "600")
    assert window.doc.fund("operation", "current") == "600"


def test_a_minus_or_plus_typed_on_a_value_cell_starts_the_value(window, qtbot, blank_doc):
    """QTreeView folds a row on - and unfolds on +; on a cell that can be edited they are text."""
    window.set_document(blank_doc)
    click_tab(window, qtbot, "年度目标")
    tab = window.tabs.currentWidget()
    model = tab.model
    level2 = model.index(0, 0, model.index(0, 0))
    cell = model.index(0, model.column_of("value"), level2)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.visualRect(cell).center())
    QTest.keyClick(tab.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier)
    assert tab.view.isExpanded(level2)
    editor = tab.delegate.open_editor
    assert isinstance(editor, QLineEdit) and editor.text() == "-"
    QTest.keyClicks(editor, "5%")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits on a queued call
    assert blank_doc.node(cell.data(IdRole)).value == "-5%"
