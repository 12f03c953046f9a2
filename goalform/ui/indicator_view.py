"""The tree view of indicators: keyboard first (F2/Enter edit, Insert adds, Delete deletes, Tab
walks across columns) and drag and drop within a parent."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget


class IndicatorTreeView(QTreeView):
    insert_requested = Signal()
    delete_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down (Ctrl+Up, Ctrl+Down)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator_tree")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setTabKeyNavigation(True)
        self.setAllColumnsShowFocus(False)

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, 130)
        header.setMinimumSectionSize(60)
        self.expandAll()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
                if self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, event):
                    return
            elif key == Qt.Key.Key_Insert:
                self.insert_requested.emit()
                return
            elif key == Qt.Key.Key_Delete:
                self.delete_requested.emit()
                return
            elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
                return
        super().keyPressEvent(event)

    def moveCursor(self, action, modifiers) -> QModelIndex:  # noqa: N802 - Qt override
        """Tab and Shift+Tab go across the columns of a row, then on to the next or previous row."""
        current = self.currentIndex()
        model = self.model()
        if current.isValid() and action in (QAbstractItemView.CursorAction.MoveNext,
                                             QAbstractItemView.CursorAction.MovePrevious):
            last = model.columnCount() - 1
            step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
            col = current.column() + step
            if 0 <= col <= last:
                return current.siblingAtColumn(col)
            row_index = current.siblingAtColumn(0)
            below = self.indexBelow(row_index) if step > 0 else self.indexAbove(row_index)
            if below.isValid():
                return below.siblingAtColumn(0 if step > 0 else last)
            return current
        return super().moveCursor(action, modifiers)
