"""撤销 and 重做 for whichever form the window shows: the actions follow the editor's undo stack and
name the step they will take (「撤销 修改指标值」)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's words, where they were first


class UndoActions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.undo_action = QAction(_tr("撤销"), parent)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(_tr("重做"), parent)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.insert(0, QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self._stack: QUndoStack | None = None
        self.follow(None)

    def follow(self, stack: QUndoStack | None) -> None:
        """Take back and redo the steps of ``stack`` (None: no form, nothing to take back)."""
        if self._stack is not None:
            self.undo_action.triggered.disconnect()
            self.redo_action.triggered.disconnect()
        self._stack = stack
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_action.setText(_tr("撤销"))
        self.redo_action.setText(_tr("重做"))
        if stack is None:
            return
        self.undo_action.triggered.connect(stack.undo)
        self.redo_action.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)

    def _on_undo_text(self, name: str) -> None:
        verb = _tr("撤销")
        self.undo_action.setText(f"{verb} {name}" if name else verb)

    def _on_redo_text(self, name: str) -> None:
        verb = _tr("重做")
        self.redo_action.setText(f"{verb} {name}" if name else verb)
