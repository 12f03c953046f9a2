"""The tree view of indicators: keyboard first (F2/Enter edit, Insert adds, Delete deletes, Tab walks
the cells of the 三级 rows, Enter in a cell commits and goes down) and drag and drop within a parent.

Columns are sized to their content when the tree is first shown (the 指标 column gets the room it
needs, the others what their texts need) and can be resized by the user; the tab remembers them. A
name wider than its column wraps (IndicatorDelegate.sizeHint), every cell shows its text on hover.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTreeView, QWidget

from goalform.ui.indicators.model import COL_NAME, LevelRole

_MIN_NAME = 220  # px: the 指标 column never starts narrower than this (unless its names are shorter)
_MAX_OTHER = 220  # px: an other column never starts wider than this (long texts show whole on hover)
_MIN_SECTION = 60
_PADDING = 24  # px around a text in a cell (margins, focus frame)
_ICON = 20  # px: the marker of a row with findings


class IndicatorTreeView(QTreeView):
    insert_requested = Signal()
    delete_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down (Ctrl+Up, Ctrl+Down)
    edit_cancelled = Signal(QModelIndex)  # Esc in a cell editor
    escape_pressed = Signal()  # Esc on a row, not editing
    columns_resized = Signal()  # the user dragged a column border
    copy_requested = Signal()  # Ctrl+C on the selected cells (goalform.ui.indicators.paste)
    paste_requested = Signal()  # Ctrl+V on the current cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator_tree")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)  # a long name wraps: its row is taller (IndicatorDelegate.sizeHint)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Typing on a selected cell edits it with the typed text, as in a spreadsheet (and as an input
        # method's committed text does); there is no type-ahead search (keyboardSearch).
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setTabKeyNavigation(True)
        self.setAllColumnsShowFocus(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.user_sized = False  # the user (or the remembered settings) chose the widths: keep them
        self._fitting = False
        self._content_widths: dict[int, int] = {}  # measured once, until the rows change

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(_MIN_SECTION)
        for col in range(model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._on_section_resized)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(lambda *_: self._content_widths.clear())
        model.dataChanged.connect(self._on_data_changed)
        self.expandAll()

    # -- column widths ------------------------------------------------------------------------------
    def restore_columns(self, state) -> bool:
        """Put back widths the user chose before (``QHeaderView.saveState``); False if they do not fit."""
        self._fitting = True
        try:
            ok = bool(state) and self.header().restoreState(state)
        finally:
            self._fitting = False
        if ok:
            for col in range(self.header().count()):  # whatever the saved state said, the user may resize
                self.header().setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.user_sized = True
        return ok

    def content_width(self, column: int) -> int:
        """The width (px) that shows every text of ``column`` and its header whole."""
        if column not in self._content_widths:
            self._content_widths[column] = self._measure(column)
        return self._content_widths[column]

    def _measure(self, column: int) -> int:
        model = self.model()
        fm = self.fontMetrics()
        header_text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = fm.horizontalAdvance(header_text) + _PADDING
        bold = self.font()
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)  # 一级 names are bold
        for depth, level, text in model.shown_texts(column):
            if not text:
                continue
            width = (bold_fm if level == 1 else fm).horizontalAdvance(text) + _PADDING
            if column == COL_NAME:
                width += self.indentation() * (depth + 1) + _ICON
            widest = max(widest, width)
        return widest

    def _on_data_changed(self, _first, _last, roles=()) -> None:
        if not roles or Qt.ItemDataRole.DisplayRole in roles:  # a text changed (not just its markers)
            self._content_widths.clear()

    def fit_columns(self) -> None:
        """Size the columns to their content within the view's width: every other column gets what its
        texts need (up to a limit), the 指标 column the rest but at least what its names need when that
        fits, and never less than _MIN_NAME. Wider content scrolls sideways; every name shows whole on hover."""
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        header = self.header()
        others = {c: max(_MIN_SECTION, min(_MAX_OTHER, self.content_width(c))) for c in range(1, model.columnCount())}
        available = self.viewport().width() - sum(others.values()) - 2
        name = self.content_width(COL_NAME)
        name_width = max(min(name, _MIN_NAME), min(name, max(available, _MIN_NAME)))
        if name > name_width and available > name_width:
            name_width = available
        self._fitting = True
        try:
            header.resizeSection(COL_NAME, name_width)
            for col, width in others.items():
                header.resizeSection(col, width)
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int = 0, *_args) -> None:
        if column == COL_NAME:
            self.scheduleDelayedItemsLayout()  # rows of wrapped names change height with the column
        if not self._fitting:
            self.user_sized = True
            self.columns_resized.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self.user_sized:
            self.fit_columns()

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt override
        """No type-ahead search: a key typed on a cell that cannot be edited (a 一级 row) does nothing,
        rather than sending the cursor to another row where the next keys would land."""

    # -- keys: editing the tree (Insert, Delete, Ctrl+Up/Down, Enter to edit) -------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._clipboard_key(event):
            return
        if self.state() != QAbstractItemView.State.EditingState and self._edit_key(event):
            return
        if self._navigation_key(event):
            return
        super().keyPressEvent(event)

    def _edit_key(self, event) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            return self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event)
        if key == Qt.Key.Key_Insert:
            self.insert_requested.emit()
            return True
        if key == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return False

    # -- keys: moving around (Tab, Shift+Tab, Enter after an edit, Esc) -------------------------------
    def _navigation_key(self, event) -> bool:
        """Esc on a row (not editing): the tab may take back a row just inserted."""
        if event.key() == Qt.Key.Key_Escape and self.state() != QAbstractItemView.State.EditingState:
            self.escape_pressed.emit()
            return True
        return False

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt override
        """Enter in a cell editor of a 三级 row commits and goes down to the same column of the next 三级
        row (as in a spreadsheet; a group row just named stays current for 添加三级指标); Esc reverts and tells the tab (which may drop a row that was just inserted)."""
        index = self.currentIndex()
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and self._is_leaf(index):
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            below = self._next_leaf(index, 1)
            if below.isValid():
                self.setCurrentIndex(below)
                self.scrollTo(below)
            return
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self.edit_cancelled.emit(index)

    def _clipboard_key(self, event) -> bool:
        """Ctrl+C / Ctrl+V on the cells (not in a cell editor, which handles its own)."""
        if self.state() == QAbstractItemView.State.EditingState:
            return False
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return True
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            return True
        return False

    def moveCursor(self, action, modifiers) -> QModelIndex:  # noqa: N802 - Qt override
        """Tab and Shift+Tab go through the editable cells of the 三级 rows (group rows are skipped)."""
        current = self.currentIndex()
        if current.isValid() and action in (QAbstractItemView.CursorAction.MoveNext,
                                             QAbstractItemView.CursorAction.MovePrevious):
            step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
            return self._next_cell(current, step)
        return super().moveCursor(action, modifiers)

    def _is_leaf(self, index: QModelIndex) -> bool:
        return index.isValid() and index.data(LevelRole) == 3

    def _editable_columns(self, row_index: QModelIndex) -> list[int]:
        """The cells Tab stops at: the editable ones; every cell when none is (a form opened read-only)."""
        model = self.model()
        every = list(range(model.columnCount()))
        return [c for c in every if model.flags(row_index.siblingAtColumn(c)) & Qt.ItemFlag.ItemIsEditable] or every

    def _next_cell(self, current: QModelIndex, step: int) -> QModelIndex:
        """The next (step 1) or previous (-1) editable cell of a 三级 row; ``current`` at either end."""
        if self._is_leaf(current):
            columns = self._editable_columns(current)
            later = [c for c in columns if (c - current.column()) * step > 0]
            if later:
                return current.siblingAtColumn(min(later) if step > 0 else max(later))
        row = self._next_leaf(current, step)
        if not row.isValid():
            return current
        columns = self._editable_columns(row)
        if not columns:
            return current
        return row.siblingAtColumn(columns[0] if step > 0 else columns[-1])

    def _next_leaf(self, index: QModelIndex, step: int) -> QModelIndex:
        """The next (or previous) 三级 row after ``index``'s row, at ``index``'s column; invalid at the end."""
        column = max(index.column(), 0)
        row = index.siblingAtColumn(0)
        while True:
            row = self.indexBelow(row) if step > 0 else self.indexAbove(row)
            if not row.isValid():
                return QModelIndex()
            if self._is_leaf(row):
                return row.siblingAtColumn(column)
