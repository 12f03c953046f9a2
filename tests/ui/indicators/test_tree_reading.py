"""Trees that read well: whole names, columns the user can widen (and that stay so), Tab through the
cells of the 三级 rows, Enter goes down, Esc takes back a row just inserted, a jump centres its row."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit
from helpers.ui import click_finding, settle, type_text

from goalform import assets
from goalform.store.document import Document
from goalform.ui.indicators.model import IdRole, LevelRole


def annual_tab(window):
    window.tabs.setCurrentIndex(4)
    QApplication.processEvents()
    return window.tab_pages[4]


def leaves(model, parent=None):
    """Every 三级 index of the tree (column 0), top to bottom."""
    from PySide6.QtCore import QModelIndex

    out = []
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(LevelRole) == 3:
            out.append(index)
        out += leaves(model, index)
    return out


def test_the_name_column_shows_whole_names_and_can_be_widened(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = annual_tab(window)
    header = tab.view.header()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert header.sectionSize(0) >= tab.view.content_width(0)  # at 1366x768 every name fits
    longest = max((i.data() for i in leaves(tab.model)), key=len)
    index = next(i for i in leaves(tab.model) if i.data() == longest)
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(longest)  # and shows whole on hover

    # Drag the border between 指标 and the next column to the right, as a user does.
    before = header.sectionSize(0)
    edge = QPoint(header.sectionViewportPosition(0) + before - 1, header.height() // 2)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    QTest.mouseMove(header.viewport(), edge + QPoint(60, 0))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge + QPoint(60, 0))
    assert header.sectionSize(0) == before + 60

    # The width is remembered for this tab, for the next form opened.
    window.set_document(Document.new(assets.template("2026"), 2026))
    tab = annual_tab(window)
    assert tab.view.header().sectionSize(0) == before + 60


def test_tab_walks_the_cells_of_the_indicator_rows_only(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = annual_tab(window)
    view, model = tab.view, tab.model
    rows = leaves(model)
    first, second = rows[0], rows[1]
    assert first.parent() != second.parent()  # the next 三级 row is under another 二级: a group row between
    last_column = model.columnCount() - 1
    view.setCurrentIndex(first.siblingAtColumn(last_column - 1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == first.siblingAtColumn(last_column)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # one press from the end of a row to the start of the next 三级
    assert view.currentIndex() == second.siblingAtColumn(0)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.currentIndex() == first.siblingAtColumn(last_column)


def test_tab_reads_through_a_read_only_form_too(window, qtbot, saved_reference):
    window.files.open_path(saved_reference, read_only=True)
    tab = annual_tab(window)
    view, model = tab.view, tab.model
    rows = leaves(model)
    view.setCurrentIndex(rows[0].siblingAtColumn(model.columnCount() - 1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == rows[1].siblingAtColumn(0)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == rows[1].siblingAtColumn(1)


def test_enter_in_a_cell_commits_and_goes_down(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = annual_tab(window)
    view, model = tab.view, tab.model
    rows = leaves(model)
    value = model.column_of("value")
    view.setCurrentIndex(rows[0].siblingAtColumn(value))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # edit
    editor = tab.delegate.open_editor
    assert isinstance(editor, QLineEdit)
    type_text(editor, "≥95%")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert blank_doc.node(rows[0].data(IdRole)).value == "≥95%"
    assert view.currentIndex() == rows[1].siblingAtColumn(value)
    assert view.state() != view.State.EditingState


def test_insert_then_esc_leaves_nothing_behind(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = annual_tab(window)
    view, model = tab.view, tab.model
    first = leaves(model)[0]
    parent_id = first.parent().data(IdRole)
    count = len(blank_doc.children(parent_id))
    stack = window.editor.undo_stack
    view.setCurrentIndex(first)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    editor = tab.delegate.open_editor
    assert editor is not None and len(blank_doc.children(parent_id)) == count + 1
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert len(blank_doc.children(parent_id)) == count
    assert stack.count() == 0 and not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    settle(window)
    assert not any("没有填写三级指标名称" in f.message for f in window.findings)

    # A row that was named is kept: Esc is not delete.
    view.setCurrentIndex(first)
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    editor = tab.delegate.open_editor
    type_text(editor, "新指标")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits the name, goes on to the next cell
    QApplication.processEvents()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(tab.delegate.open_editor or view, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert "新指标" in [blank_doc.node(i).name for i in blank_doc.children(parent_id)]


def test_a_jump_to_a_finding_centres_its_row(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    settle(window)
    last = leaves(window.tab_pages[4].model)[-8]
    finding = next(f for f in window.findings if f.location.indicator_id == last.data(IdRole))
    window.tabs.setCurrentIndex(0)
    click_finding(window, qtbot, finding.message)
    tab = window.tab_pages[4]
    assert window.tabs.currentWidget() is tab
    view = tab.view
    assert view.currentIndex().data(IdRole) == last.data(IdRole)
    middle = view.viewport().height() / 2
    assert abs(view.visualRect(view.currentIndex()).center().y() - middle) <= view.visualRect(view.currentIndex()).height()


def test_a_name_wider_than_its_column_wraps(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = annual_tab(window)
    view = tab.view
    rows = leaves(tab.model)
    longest = max(rows, key=lambda i: view.fontMetrics().horizontalAdvance(i.data()))
    shortest = min(rows, key=lambda i: len(i.data()))
    view.header().resizeSection(0, 180)  # as if the user narrowed the column
    view.doItemsLayout()
    QApplication.processEvents()
    assert view.rowHeight(longest) >= 2 * view.rowHeight(shortest) - 4  # two lines or more
    assert {view.rowHeight(i) for i in rows if view.rowHeight(i) < 1.5 * view.rowHeight(shortest)} == {
        view.rowHeight(shortest)}  # one-line rows are even, with or without a marker
