"""长期目标 / 年度目标: the goal text (and deadline) above the indicator tree of that goal."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from goalform.domain.cells import Cell
from goalform.domain.sections import GOAL_TEXT, TEXTS, tab_object_name
from goalform.domain.validation import Finding, Location
from goalform.ui.indicators.delegates import IndicatorDelegate
from goalform.ui.editor import FormEditor
from goalform.ui.indicators.model import IndicatorModel
from goalform.ui.indicators.paste import IndicatorClipboard
from goalform.ui.indicators.view import IndicatorTreeView
from goalform.ui.settings import Settings
from goalform.ui import telling
from goalform.ui.fields.widgets import FieldLineEdit, FieldTextEdit, bind_line, bind_text, mark, wants_focus


class IndicatorsTab(QWidget):
    def __init__(self, editor: FormEditor, tree: str, earlier_names: Callable[[], list[str]],
                 parent: QWidget | None = None, settings: Settings | None = None,
                 extend_menu: Callable[[QMenu, QWidget], None] | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.tree = tree
        self.settings = settings
        # The context-menu hook: whoever builds the tab may add to the tree's menu (the reviewer's
        # 「添加审核意见…」), without this tab knowing who.
        self.extend_menu = extend_menu
        self._fresh: tuple[int, QUndoCommand] | None = None  # the row just inserted and its command
        self.model: IndicatorModel = editor.models[tree]
        self.setObjectName(tab_object_name(tree))
        doc = editor.doc
        layout = QVBoxLayout(self)

        goal_box = QGroupBox(self.tr("长期目标") if tree == "long_term" else self.tr("年度目标"), self)
        goal_layout = QFormLayout(goal_box)
        self.deadline: FieldLineEdit | None = None
        if tree == "long_term":
            self.deadline = FieldLineEdit(goal_box)
            self.deadline.setObjectName(Cell.field("deadline").widget_name())
            self.deadline.setPlaceholderText(self.tr("如 %1年12月").replace("%1", str(doc.year + 2)))
            bind_line(self.deadline, editor, "deadline")
            goal_layout.addRow(self.tr("截止时间"), self.deadline)
        self.goal = FieldTextEdit(goal_box)
        self.goal.setObjectName(Cell.text(GOAL_TEXT[tree]).widget_name())
        self.goal.setFixedHeight(self.goal.fontMetrics().lineSpacing() * 4 + 12)
        bind_text(self.goal, editor, GOAL_TEXT[tree])
        goal_layout.addRow(self.tr("目标"), self.goal)
        layout.addWidget(goal_box)

        buttons = self.button_row = QHBoxLayout()  # others (the library's 指标库… button) add theirs here
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot, tip in (
            ("add2", self.tr("添加二级指标"), self.add_level2, ""),
            ("add3", self.tr("添加三级指标"), self.add_level3, ""),
            ("insert", self.tr("插入同级"), self.insert_sibling, "Insert"),
            ("delete", self.tr("删除"), self.delete_current, "Delete"),
            ("up", self.tr("上移"), lambda: self.move_current(-1), "Ctrl+Up"),
            ("down", self.tr("下移"), lambda: self.move_current(1), "Ctrl+Down"),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"button_{name}")
            if tip:
                button.setToolTip(tip)
            button.clicked.connect(slot)
            button.setEnabled(not doc.read_only)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.view = IndicatorTreeView(self)
        self.view.setModel(self.model)
        self.delegate = IndicatorDelegate(doc.template, earlier_names, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.insert_requested.connect(self.insert_sibling)
        self.view.delete_requested.connect(self.delete_current)
        self.view.move_requested.connect(self.move_current)
        self.view.edit_cancelled.connect(lambda index: self._drop_fresh_row(self.model.id_of(index)))
        self.view.escape_pressed.connect(lambda: self._drop_fresh_row(self.current_id()))
        if settings is not None:
            self.view.restore_columns(settings.tree_columns(tree))
            self.view.columns_resized.connect(
                lambda: settings.save_tree_columns(tree, self.view.header().saveState()))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        if doc.read_only:
            self.view.setDragEnabled(False)
        self.model.rowsInserted.connect(lambda parent, first, last: self.view.expand(parent))
        layout.addWidget(self.view, 1)
        # The keys, under the tree across its whole width (beside the buttons it was cut at 125 %).
        hint = QLabel(self.tr("F2/回车 编辑 · Tab 下一格 · Esc 取消新行 · 拖动可调整顺序"), self)
        hint.setObjectName("tree_hint")
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        self._install_clipboard()

    def _install_clipboard(self) -> None:
        """Ctrl+C / Ctrl+V like spreadsheet rows (goalform.ui.indicators.paste); a range of cells can
        be selected with Shift for copying."""
        self.clipboard = IndicatorClipboard(self)
        self.view.setSelectionMode(self.view.SelectionMode.ContiguousSelection)
        self.view.copy_requested.connect(self.clipboard.copy)
        self.view.paste_requested.connect(self.clipboard.paste)
        self.delegate.on_block_paste = self._paste_from_editor

    def _paste_from_editor(self, block: list[list[str]]) -> None:
        """Several lines pasted into a cell being edited: they go into the rows below, not this cell."""
        editor = self.delegate.open_editor
        if editor is not None:
            self.view.closeEditor(editor, self.delegate.EndEditHint.RevertModelCache)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.clipboard.paste(block)

    def finish_editing(self) -> None:
        """Commit a cell that is still being edited (before saving, closing, switching documents)."""
        editor = self.delegate.open_editor
        if editor is not None and self.view.state() == self.view.State.EditingState:
            self.view.commitData(editor)
            self.view.closeEditor(editor, self.delegate.EndEditHint.NoHint)

    def _context_menu(self, pos) -> None:
        self.view.setCurrentIndex(self.view.indexAt(pos))
        menu = QMenu(self.view)
        for name in () if self.editor.read_only else ("add2", "add3", "insert", "delete", "up", "down"):
            button = self.buttons[name]
            menu.addAction(button.text(), button.click)
        if self.extend_menu is not None:
            self.extend_menu(menu, self.view)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- helpers -----------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self.model.id_of(self.view.currentIndex())

    def select(self, indicator_id: int, column: int = 0, edit: bool = False, centre: bool = False) -> None:
        index = self.model.index_of(indicator_id, column)
        self.view.scrollTo(index, self.view.ScrollHint.PositionAtCenter if centre else self.view.ScrollHint.EnsureVisible)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if edit:
            self.view.edit(index)

    def _complain(self, text: str) -> None:
        telling.explain(self, self.tr("指标"), text)

    # -- actions -----------------------------------------------------------------------------------
    def add_level2(self) -> None:
        """A new 二级 at the end of the current 一级 (or of the first one)."""
        doc = self.editor.doc
        current = self.current_id()
        if current is None:
            level1 = doc.roots(self.tree)[0]
        else:
            level1 = current
            while doc.node(level1).parent_id is not None:
                level1 = doc.node(level1).parent_id  # type: ignore[assignment]
        self._insert(level1, len(doc.children(level1)))

    def add_level3(self) -> None:
        """A new 三级 at the end of the current 二级 (the parent of the current 三级)."""
        doc = self.editor.doc
        current = self.current_id()
        if current is None or doc.node(current).level == 1:
            self._complain(self.tr("请先选中一个二级指标，再添加三级指标。"))
            return
        parent = current if doc.node(current).level == 2 else doc.node(current).parent_id
        assert parent is not None
        self._insert(parent, len(doc.children(parent)))

    def insert_sibling(self) -> None:
        """Insert key: a new row after the current one at the same level (a 二级 under a 一级)."""
        doc = self.editor.doc
        current = self.current_id()
        if current is None:
            self.add_level2()
            return
        rec = doc.node(current)
        if rec.level == 1:
            self._insert(current, len(doc.children(current)))
        else:
            assert rec.parent_id is not None
            self._insert(rec.parent_id, doc.row_of(current) + 1)

    def _insert(self, parent_id: int, row: int) -> None:
        new_id = self.editor.add_indicator(self.model, parent_id, row)
        if new_id is not None:
            stack = self.editor.undo_stack
            self._fresh = (new_id, stack.command(stack.index() - 1))
            self.select(new_id, 0, edit=True)

    def _drop_fresh_row(self, indicator_id: int | None) -> None:
        """Esc on the row just inserted, still empty and with nothing done since: take the insert back
        as if it never happened (no undo or redo step is left)."""
        fresh, self._fresh = self._fresh, None
        stack = self.editor.undo_stack
        if fresh is None or indicator_id != fresh[0] or stack.index() == 0:
            return
        new_id, command = fresh
        if stack.command(stack.index() - 1) is not command:
            return  # something was done after the insert (a name typed, a row moved): keep the row
        rec = self.editor.doc.node(new_id)
        if any(rec.get(column) for column in self.model.columns):
            return
        command.drop_on_undo = True  # type: ignore[attr-defined]
        stack.undo()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current(self) -> None:
        current = self.current_id()
        if current is None or self.editor.read_only:
            return
        rec = self.editor.doc.node(current)
        if rec.level == 1:
            self._complain(self.tr("一级指标由模板固定，不能删除。"))
            return
        siblings = self.editor.doc.children(rec.parent_id) if rec.parent_id is not None else []
        row = self.editor.doc.row_of(current)
        self.editor.remove_indicator(self.model, current)
        # Keep the cursor near where it was so Delete can be pressed again.
        if siblings[row + 1:]:
            self.select(siblings[row + 1])
        elif row > 0:
            self.select(siblings[row - 1])
        elif rec.parent_id is not None:
            self.select(rec.parent_id)

    def move_current(self, step: int) -> None:
        """上移 / 下移 among the siblings; a move that cannot be made says why instead of doing nothing."""
        current = self.current_id()
        if current is None:
            return
        node = self.editor.doc.node(current)
        if node.level == 1:
            telling.inform(self, self.tr("一级指标是表格规定的，不能移动"), 5000)
            return
        column = self.view.currentIndex().column()
        count = len(self.editor.doc.children(node.parent_id))  # type: ignore[arg-type]
        row = self.editor.doc.row_of(current) + step
        if 0 <= row < count:
            self.editor.move_indicator(self.model, current, row)
            self.select(current, column)
        elif count == 1:
            telling.inform(self, self.tr("这一组只有这一个指标，无需移动"), 5000)
        else:
            telling.inform(self, self.tr("已经在最上面") if step < 0 else self.tr("已经在最下面"), 5000)

    # -- findings ----------------------------------------------------------------------------------
    def apply_findings(self, findings: list[Finding]) -> None:
        self.model.set_findings(findings)
        goal = GOAL_TEXT[self.tree]
        mark(self.goal, [f for f in findings if f.location.field == goal and f.location.section in (TEXTS, self.tree)])
        if self.deadline is not None:
            mark(self.deadline, [f for f in findings if f.location.field == "deadline"])

    def owns(self, location: Location) -> bool:
        """The tree's rows, its goal text and (长期目标) the deadline."""
        if location.section == self.tree:
            return True
        return location.section == TEXTS and (
            location.field == GOAL_TEXT[self.tree] or (location.field == "deadline" and self.deadline is not None))

    def focus_location(self, location: Location) -> bool:
        goal = GOAL_TEXT[self.tree]
        if location.field == goal and location.section in (TEXTS, self.tree):
            wants_focus(self.goal)
            return True
        if location.field == "deadline" and self.deadline is not None:
            wants_focus(self.deadline)
            return True
        if location.section != self.tree:
            return False
        column = self.model.columns.index(location.column) if location.column in self.model.columns else 0
        indicator_id = location.indicator_id
        if indicator_id is None and location.path:
            index = QModelIndex()
            for i in location.path:
                index = self.model.index(i, 0, index)
            indicator_id = self.model.id_of(index)
        if indicator_id is None:
            self.view.setFocus()
            return True
        try:
            self.select(indicator_id, column, centre=True)
        except KeyError:
            return False
        return True
