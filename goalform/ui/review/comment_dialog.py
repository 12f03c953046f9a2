"""The two small dialogs of the reviewer: writing a 审核意见, and changing the status (提交, 退回,
通过) with who and an optional note. Names typed before are offered again (see review_actions)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def _name_box(parent: QWidget, names: list[str]) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName("who")
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(names)
    box.setCurrentText(names[0] if names else "")
    box.setMinimumWidth(200)
    return box


class CommentDialog(QDialog):
    """添加审核意见: where it goes (read only), the comment, who writes it."""

    def __init__(self, where: str, names: list[str], text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comment_dialog")
        self.setWindowTitle(self.tr("添加审核意见"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        place = QLabel(where, self)
        place.setObjectName("where")
        place.setWordWrap(True)
        form.addRow(self.tr("位置"), place)
        self.who = _name_box(self, names)
        form.addRow(self.tr("审核人"), self.who)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("审核意见"), self))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("comment_text")
        self.text.setPlaceholderText(self.tr("写下需要修改或说明的地方"))
        self.text.setPlainText(text)
        self.text.selectAll()  # a finding's message is offered as the start; typing replaces it
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 280)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> tuple[str, str]:
        """(comment, who), stripped."""
        return self.text.toPlainText().strip(), self.who.currentText().strip()


class StatusDialog(QDialog):
    """提交 / 退回 / 通过: who does it and a note. With ``reason_required`` (退回) the note is the reason
    and 确定 stays disabled until it says something (blanks do not count)."""

    def __init__(self, title: str, explanation: str, names: list[str], parent: QWidget | None = None,
                 *, reason_required: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("status_dialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel(explanation, self)
        intro.setObjectName("explanation")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.who = _name_box(self, names)
        form.addRow(self.tr("姓名"), self.who)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("必填：写明原因") if reason_required else self.tr("可不填"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("退回原因") if reason_required else self.tr("说明"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if reason_required:
            def update() -> None:
                self.ok_button.setEnabled(bool(self.note.toPlainText().strip()))

            self.note.textChanged.connect(update)
            update()
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(420, 240)

    def values(self) -> tuple[str, str]:
        """(who, note), stripped."""
        return self.who.currentText().strip(), self.note.toPlainText().strip()
