"""The library pane used like a clerk: Ctrl+L, type a search (characters, initials, pinyin),
insert by double-click, Enter or drag into either tree, undo in one step; import a bureau's sheet;
the button beside each tree; a damaged library."""
from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from helpers.ui import settle, type_text

from goalform.domain.library import SOURCE_MINE
from goalform.store.library import default_path
from goalform.ui.library.model import EntryRole, UsedRole


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> list[str]:
    """Message boxes are recorded instead of waiting for a click."""
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def pane(window, blank_doc):
    window.set_document(blank_doc)
    QApplication.processEvents()
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dock = window.library.dock
    assert dock.isVisible() and dock.search.hasFocus()
    return dock


def shown_names(dock) -> list[str]:
    model, out = dock.model, []

    def walk(parent):
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            entry = index.data(EntryRole)
            if entry is not None:
                out.append(entry.name)
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return out


def entry_index(dock, name: str):
    model = dock.model
    from PySide6.QtCore import QModelIndex

    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            entry = index.data(EntryRole)
            if entry is not None and entry.name == name:
                return index
            stack.append(index)
    raise AssertionError(name)


def search(dock, text: str) -> None:
    dock.search.clear()
    if text.isascii():
        QTest.keyClicks(dock.search, text)
    else:
        type_text(dock.search, text)
    QApplication.processEvents()  # lay the tree out, so rows have their places for clicks


def level2_names(doc, tree: str, level1: int) -> list[str]:
    return [doc.node(i).name for i in doc.children(doc.roots(tree)[level1])]


def test_search_by_characters_initials_and_full_pinyin(pane, qtbot):
    search(pane, "ysz")
    assert "预算执行率" in shown_names(pane) and "公用经费控制率" not in shown_names(pane)
    initials = shown_names(pane)
    search(pane, "yusuan")
    assert "预算执行率" in shown_names(pane)
    search(pane, "执行率")
    assert shown_names(pane) == ["预算执行率", "政府采购执行率"]
    assert "找到 2 个指标" in pane.count.text()
    search(pane, "zzzz")
    assert shown_names(pane) == []
    pane.search.clear()
    assert len(shown_names(pane)) == len(pane.index) > len(initials)


def test_used_indicators_are_marked(pane, window):
    search(pane, "ysz")
    assert entry_index(pane, "预算执行率").data(UsedRole) is True  # in the 2026 default tree
    search(pane, "jcyxl")
    assert entry_index(pane, "机场影响力").data(UsedRole) is False


def test_double_click_inserts_into_the_annual_tree_and_one_undo_takes_it_back(pane, window, qtbot):
    doc = window.doc
    performance = doc.roots("annual")[2]

    def leaves() -> dict[str, list[str]]:
        return {doc.node(l2).name: [doc.node(i).name for i in doc.children(l2)] for l2 in doc.children(performance)}

    before = leaves()
    pane.set_target("annual")
    search(pane, "jfbz")
    index = entry_index(pane, "招商活动经费保障率")
    pane.view.scrollTo(index)
    rect = pane.view.visualRect(index)
    # A double click as the mouse sends it: the first click presses the row, the second double-clicks.
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(window)
    after = leaves()
    assert "招商活动经费保障率" in after["质量指标"]
    assert len(after) == len(before) + ("质量指标" not in before)  # the 二级 is created only when missing
    leaf = doc.node(next(i for l2 in doc.children(performance) for i in doc.children(l2)
                         if doc.node(i).name == "招商活动经费保障率"))
    assert leaf.value == "100%"
    assert window.tabs.currentWidget().tree == "annual"
    assert window.undo_action.text() == "撤销 从指标库插入 1 个指标"
    window.undo_action.trigger()
    assert leaves() == before


def test_enter_inserts_a_selection_into_the_long_term_tree_under_each_level1_and_level2(pane, window, qtbot):
    from PySide6.QtCore import QItemSelectionModel

    doc = window.doc
    pane.set_target("long_term")

    def snapshot():
        return [(doc.node(l2).name, [doc.node(i).name for i in doc.children(l2)])
                for l1 in doc.roots("long_term") for l2 in doc.children(l1)]

    before = snapshot()
    view = pane.view
    view.setFocus()
    for name in ("商务接待次数", "机场影响力", "预算执行率"):
        view.selectionModel().select(entry_index(pane, name),
                                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    QTest.keyClick(view, Qt.Key.Key_Return)
    settle(window)
    roots = doc.roots("long_term")

    def under(level1: int, level2: str) -> list[str]:
        matches = [l2 for l2 in doc.children(roots[level1]) if doc.node(l2).name == level2]
        assert len(matches) == 1  # never a duplicate 二级
        return [doc.node(i).name for i in doc.children(matches[0])]

    assert "商务接待次数" in under(2, "数量指标") and "机场影响力" in under(3, "社会效益")
    assert under(1, "预算执行").count("预算执行率") == 1
    assert "已插入 2 个指标，1 个已在表中" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert snapshot() == before
    window.redo_action.trigger()
    assert "商务接待次数" in under(2, "数量指标")


def test_dragging_from_the_pane_onto_a_tree_inserts(pane, window, qtbot):
    search(pane, "数量指标")
    mime = pane.model.mimeData([entry_index(pane, "商务接待次数").parent()])  # the whole 二级 as shown
    tab = window.tab_pages[4]
    window.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    viewport = tab.view.viewport()
    pos = QPointF(viewport.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    QApplication.processEvents()  # the insert runs once the drag is over
    settle(window)
    doc = window.doc
    group = next(i for i in doc.children(doc.roots("annual")[2]) if doc.node(i).name == "数量指标")
    names = [doc.node(i).name for i in doc.children(group)]
    assert {"商务接待次数", "外出招商次数", "组织相关招商活动次数"} <= set(names)
    assert window.editor.undo_stack.count() == 1


def test_the_button_beside_each_tree_opens_the_pane_for_that_tree(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    for tree, page in (("annual", window.tab_pages[4]), ("long_term", window.tab_pages[3])):
        window.tabs.setCurrentWidget(page)
        button = page.findChild(type(page.buttons["add2"]), "button_library")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.library.dock.isVisible() and window.library.dock.target_tree() == tree


def test_importing_a_bureau_sheet_from_the_menu(pane, window, tmp_path, monkeypatch, boxes):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标", "指标解释", "参考值"])
    ws.append(["履职效能", "重点工作", "重点任务完成率", "完成数/计划数", "100%"])
    ws.append([None, None, None, "没有名字", None])
    path = tmp_path / "市财政局.xlsx"
    wb.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.library.import_action.trigger()
    assert "导入 1 个指标" in boxes[0] and "第 3 行" in boxes[0]
    search(pane, "zdrw")
    index = entry_index(pane, "重点任务完成率")
    assert pane.model.index(index.row(), 2, index.parent()).data() == "市财政局.xlsx"
    pane.view.setCurrentIndex(index)
    assert "完成数/计划数" in pane.detail.text()


def test_indicators_of_an_opened_form_are_learned_and_can_be_removed(window, saved_reference, monkeypatch, qtbot):
    from goalform.store.document import Document

    doc = Document.open(saved_reference)
    window.set_document(doc)
    qtbot.waitUntil(lambda: window.library.index is not None)
    mine = [e for e in window.library.index.entries if e.source == SOURCE_MINE]
    if not mine:  # every indicator of the reference form is built in: add one and reopen
        window.set_document(None)
        doc = Document.open(saved_reference)
        l2 = doc.children(doc.roots("long_term")[2])[0]
        doc.insert_indicator(l2, 0, name="自创指标甲", value="3个")
        doc.save()
        window.set_document(doc)
        qtbot.waitUntil(lambda: any(e.source == SOURCE_MINE for e in window.library.index.entries))
        mine = [e for e in window.library.index.entries if e.source == SOURCE_MINE]
    dock = window.library.dock
    window.library.show_pane()
    search(dock, mine[0].name)
    index = entry_index(dock, mine[0].name)
    assert dock.model.index(index.row(), 2, index.parent()).data() == "我的表"
    dock.view.setCurrentIndex(index)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.keyClick(dock.view, Qt.Key.Key_Delete)
    assert mine[0].name not in [e.name for e in window.library.index.entries]


def test_a_damaged_library_is_said_and_rebuilt_on_request(window, blank_doc, monkeypatch, qtbot):
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database" * 50)
    asked = []

    def question(parent, title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window.library.show_pane()
    assert asked and "已损坏" in asked[0]
    assert window.library.library is not None and len(window.library.index) > 0
    assert [p for p in path.parent.iterdir() if ".damaged-" in p.name]


def test_a_read_only_form_gets_nothing_inserted(window, saved_reference, boxes):
    from goalform.store.document import Document

    window.set_document(Document.open(saved_reference, read_only=True))
    shown = boxes
    window.library.show_pane()
    entry = window.library.index.entries[0]
    window.library.insert([entry], "long_term")
    assert shown and "只读" in shown[0]


def test_a_sheet_none_of_whose_rows_can_be_taken_names_them_in_the_gui(pane, window, tmp_path, monkeypatch, boxes):
    """Issue 22, item 8, in the GUI: not a bare 「没有可导入的指标」 but every row and why."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["一级指标", "二级指标", "三级指标"])
    ws.append(["社会效益", "民生改善", "受益人数"])
    ws.append(["生态效益", "环境改善", "绿化面积"])
    path = tmp_path / "外地.xlsx"
    wb.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.library.import_action.trigger()
    assert len(boxes) == 1 and "没有可导入的指标" in boxes[0] and "以下 2 行未能导入" in boxes[0]
    assert "第 2 行「社会效益 民生改善 受益人数」：「社会效益」不是表中的一级指标" in boxes[0]
    assert "第 3 行「生态效益 环境改善 绿化面积」：「生态效益」不是表中的一级指标" in boxes[0]


def test_exporting_from_the_pane_writes_what_imports_back(pane, window, tmp_path, monkeypatch):
    from goalform.formats.library_xlsx import read_library

    target = tmp_path / "导出的指标库"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    QTest.mouseClick(pane.findChild(type(pane.insert_button), "library_export"), Qt.MouseButton.LeftButton)
    written = tmp_path / "导出的指标库.xlsx"  # the extension is added
    back = read_library(written)
    assert sorted(e.content for e in back.entries) == sorted(e.content for e in window.library.index.entries)


def test_declining_to_rebuild_a_damaged_library_keeps_it_and_uses_the_built_in_list(window, monkeypatch):
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * 4096)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.library.show_pane()
    assert window.library.library is None and len(window.library.index) > 0
    assert not window.library.import_action.isEnabled()
    assert path.read_bytes() == b"\0" * 4096


def test_a_sheet_imported_by_the_command_line_shows_when_the_pane_is_opened_again(pane, window, tmp_path):
    from goalform.cli import main

    wb = openpyxl.Workbook()
    wb.active.append(["一级指标", "二级指标", "三级指标"])
    wb.active.append(["满意度", "群众满意度", "窗口服务好评率"])
    wb.save(tmp_path / "局.xlsx")
    pane.hide()
    assert main(["library", "import", str(tmp_path / "局.xlsx")]) == 0
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    search(pane, "ckfw")
    assert shown_names(pane) == ["窗口服务好评率"]


def test_everything_learned_can_be_removed_at_once(window, saved_reference, monkeypatch, qtbot):
    from goalform.store.document import Document

    doc = Document.open(saved_reference)
    l2 = doc.children(doc.roots("long_term")[2])[0]
    doc.insert_indicator(l2, 0, name="自创指标乙", value="3个")
    window.set_document(doc)
    qtbot.waitUntil(lambda: window.library.index is not None
                    and any(e.source == SOURCE_MINE for e in window.library.index.entries))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMenu

    seen: list[list[str]] = []

    def choose() -> None:  # the context menu is open (its own event loop): pick the entry
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, choose)
            return
        seen.append([a.text() for a in menu.actions()])
        action = next(a for a in menu.actions() if a.text() == "删除从我的表学到的全部指标")
        menu.close()
        action.trigger()

    dock = window.library.dock
    window.library.show_pane()
    search(dock, "自创指标乙")
    view = dock.view
    QTimer.singleShot(0, choose)
    view.customContextMenuRequested.emit(view.visualRect(entry_index(dock, "自创指标乙")).center())
    QApplication.processEvents()
    assert "插入到年度目标" in seen[0]
    assert not any(e.source == SOURCE_MINE for e in window.library.index.entries)
    assert "已删除" in window.statusBar().currentMessage()
