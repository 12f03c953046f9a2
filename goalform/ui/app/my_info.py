"""我的信息: the clerk's own 填报人 and 联系电话, which a new form starts with.

They are remembered only from what the user typed: in a form's 填报人 / 联系电话 fields (the editor's
``field_typed``, which imports, opening a file and undo never emit) or in the 我的信息 dialog. A form
imported or opened from another department never puts its clerk's name into the next new form.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from goalform.domain import names
from goalform.domain.names import FIELD_NAMES
from goalform.domain.validation.header import phone_ok
from goalform.ui.settings import Settings

MINE = ("filler", "phone")


class MyInfoDialog(QDialog):
    """Two fields and OK: what every new form starts with (empty: the new form's field stays 待填)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("my_info_dialog")
        self.setWindowTitle(self.tr("我的信息"))
        self.settings = settings
        layout = QFormLayout(self)
        hint = QLabel(self.tr("新建表格时自动填入。导入或打开别人的表格不会改动这里。"), self)
        hint.setWordWrap(True)
        layout.addRow(hint)
        self.edits: dict[str, QLineEdit] = {}
        for key in MINE:
            edit = QLineEdit(settings.mine(key), self)
            edit.setObjectName(f"my_{key}")
            self.edits[key] = edit
            layout.addRow(QCoreApplication.translate(names.CONTEXT, FIELD_NAMES[key]), edit)
        self.edits["phone"].setPlaceholderText(self.tr("如 027-12345678 或 13812345678"))
        self.problem = QLabel(self)
        self.problem.setObjectName("my_info_problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        layout.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("联") * 30)  # the hint on one or two lines

    def accept(self) -> None:
        phone = self.edits["phone"].text().strip()
        if phone and not phone_ok(phone):
            self.problem.setText(self.tr("联系电话「%1」格式不正确，应为 027-12345678 或 13812345678").replace("%1", phone))
            self.edits["phone"].setFocus()
            self.adjustSize()  # room for the message
            return
        for key, edit in self.edits.items():
            self.settings.remember_mine(key, edit.text())
        super().accept()


class MyInfo(QObject):
    """The 我的信息… action, and the listener that remembers what the user types in 填报人 / 联系电话."""

    def __init__(self, window) -> None:  # noqa: ANN001 - the main window (Shell)
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("我的信息…"), window)
        self.action.setObjectName("my_info")
        self.action.setToolTip(self.tr("填报人和联系电话：新建表格时自动填入"))
        self.action.triggered.connect(self.edit)
        window.document_changed.connect(self._follow)

    def edit(self) -> bool:
        """Show the dialog; True when the user saved it."""
        return MyInfoDialog(self.window.settings, self.window).exec() == QDialog.DialogCode.Accepted

    def _follow(self) -> None:
        editor = self.window.editor
        if editor is not None and not editor.read_only:
            editor.field_typed.connect(self._typed)

    def _typed(self, key: str, text: str) -> None:
        if key in MINE:
            self.window.settings.remember_mine(key, text)
