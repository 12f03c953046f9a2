"""The 审核 dock: the status with its fingerprint and history, and every 审核意见 of the form.

Only shows what it is given (:meth:`ReviewDock.show_review`); :mod:`goalform.ui.review.actions`
reads the document, and turns the dock's requests (open, add, delete a comment) into navigation
and undo commands.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from goalform.domain.fingerprint import short
from goalform.domain.review import Comment, Review, Status, StatusChange
from goalform.domain.review_text import status_text
from goalform.ui.findings.dock import FindingsList
from goalform.ui.lazy_dock import LazyDock
from goalform.ui.review.markers import comment_icon

CommentRole = Qt.ItemDataRole.UserRole

STATUS_STYLE = {
    Status.DRAFT: "color: #555;",
    Status.SUBMITTED: "color: #1f5fa8;",
    Status.RETURNED: "color: #b03a00;",
    Status.APPROVED: "color: #2a7a2a;",
}
# The widgets build() makes (asked for before it: built then).
_BODY = frozenset({"status_label", "warning", "copy_buttons", "recorded_print", "current_print", "recorded_label",
                   "list", "add_button", "delete_button", "history"})
WARNING_STYLE = "background: #ffe4e1; color: #8a1010; border: 1px solid #c82828; padding: 4px;"


def when_text(iso: str) -> str:
    """「2026-01-05 09:00」 from an ISO 8601 time (the offset and seconds are noise here)."""
    return iso[:16].replace("T", " ")


def grouped(hex_digits: str) -> str:
    """「9593fcd0 00b49c7e …」: 8-digit groups that wrap in a narrow dock and read off aloud."""
    return " ".join(hex_digits[i:i + 8] for i in range(0, len(hex_digits), 8))


def _fingerprint_field(parent: QWidget, name: str) -> QLabel:
    """The whole fingerprint, selectable, in a fixed-width font (the copy button copies it raw)."""
    field = QLabel(parent)
    field.setObjectName(name)
    field.setWordWrap(True)
    field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(7.0, field.font().pointSizeF() - 1))
    field.setFont(font)
    return field


class ReviewDock(LazyDock):
    comment_activated = Signal(object)  # Comment
    add_requested = Signal()
    delete_requested = Signal(object)  # Comment
    BODY = _BODY  # made when first shown or asked for (LazyDock)

    def __init__(self, parent: QWidget | None = None, *, build_later: bool = False) -> None:
        """``build_later`` (start-up): the dock's widgets are made when first needed, i.e. shown on screen
        (:meth:`build`) or asked for; until then :meth:`show_review` only keeps what to show."""
        super().__init__(self.tr("审核"), parent)
        self.setObjectName("review_dock")
        self._review_shown: tuple = (None, None, "", False, False)  # the arguments of the last show_review
        if not build_later:
            self.build()

    def build_body(self) -> None:
        """The status, fingerprints, comments and history, showing what show_review was last given."""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        status_box = QGroupBox(self.tr("审核状态"), body)
        status_layout = QVBoxLayout(status_box)
        self.status_label = QLabel(body)
        self.status_label.setObjectName("review_status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_layout.addWidget(self.status_label)
        self.warning = QLabel(body)
        self.warning.setObjectName("review_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        status_layout.addWidget(self.warning)
        self.copy_buttons: list[QPushButton] = []
        prints = QFormLayout()
        prints.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recorded_print = _fingerprint_field(body, "recorded_fingerprint")
        self.current_print = _fingerprint_field(body, "current_fingerprint")
        self.recorded_label = QLabel(self.tr("提交时指纹"), body)
        prints.addRow(self.recorded_label, self._with_copy(self.recorded_print))
        prints.addRow(self.tr("当前指纹"), self._with_copy(self.current_print))
        status_layout.addLayout(prints)
        layout.addWidget(status_box)

        split = QSplitter(Qt.Orientation.Vertical, body)
        split.setChildrenCollapsible(False)
        comments_box = QGroupBox(self.tr("审核意见"), split)
        comments_layout = QVBoxLayout(comments_box)
        self.list = FindingsList(comments_box)
        self.list.setObjectName("comment_list")
        size = self.list.fontMetrics().height()
        self.list.setIconSize(QSize(size, size))
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.header().sectionResized.connect(lambda *_: self.list.doItemsLayout())
        comments_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加…"), comments_box)
        self.add_button.setObjectName("add_comment")
        self.add_button.clicked.connect(self.add_requested)
        self.delete_button = QPushButton(self.tr("删除"), comments_box)
        self.delete_button.setObjectName("delete_comment")
        self.delete_button.clicked.connect(self._delete_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        comments_layout.addLayout(buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # only while the list has the focus
        delete.activated.connect(self._delete_current)

        history_box = QGroupBox(self.tr("状态记录"), split)
        history_layout = QVBoxLayout(history_box)
        self.history = FindingsList(history_box)
        self.history.setObjectName("status_history")
        self.history.header().sectionResized.connect(lambda *_: self.history.doItemsLayout())
        history_layout.addWidget(self.history)
        split.addWidget(comments_box)
        split.addWidget(history_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.setWidget(body)
        self.show_review(*self._review_shown)

    def _with_copy(self, field: QLabel) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(self.tr("复制"), box)
        button.setObjectName(f"copy_{field.objectName()}")
        button.setToolTip(self.tr("复制完整指纹（64 位十六进制）"))
        button.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(field.property("fingerprint") or "")))
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.copy_buttons.append(button)
        return box

    # -- showing ---------------------------------------------------------------------------------------
    def show_review(self, review: Review | None, labels: dict[int, str] | None = None, current: str = "",
                    modified: bool = False, writable: bool = False) -> None:
        """Show ``review`` (None: no document). ``labels``: comment id -> where it is, in words;
        ``current``: the fingerprint of the form as it is now; ``modified``: it differs from the one
        recorded with the status that froze it."""
        self._review_shown = (review, labels, current, modified, writable)
        comments = review.comments if review is not None else []
        self.setWindowTitle(self.tr("审核（%1 条意见）").replace("%1", str(len(comments))) if comments else self.tr("审核"))
        if not self._built:  # shown when built
            return
        self.add_button.setToolTip("" if writable or review is None else self.tr("只读文件：添加前需以可编辑方式重新打开"))
        change = review.last_change if review is not None else None
        status = review.status if review is not None else None
        if review is None:
            self.status_label.setText(self.tr("没有打开的表格"))
            self.status_label.setStyleSheet("color: #555;")
        else:
            self.status_label.setText(status_text(review))
            self.status_label.setStyleSheet(STATUS_STYLE[status] + " font-weight: bold;")  # type: ignore[index]
        self._show_prints(review, change, current, modified)
        self._show_history(review.history if review is not None else [])
        self._show_comments(review.comments if review is not None else [], labels or {})
        self.add_button.setEnabled(review is not None)
        self._update_buttons()

    def _show_prints(self, review: Review | None, change: StatusChange | None, current: str, modified: bool) -> None:
        recorded = change.fingerprint if change is not None else ""
        self.recorded_label.setText(
            self.tr("%1时指纹").replace("%1", change.status.label.removeprefix("已")) if change else self.tr("提交时指纹"))
        for field, value in ((self.recorded_print, recorded), (self.current_print, current)):
            field.setText(grouped(value) if value else self.tr("（无）"))
            field.setProperty("fingerprint", value)
            field.setToolTip(value)
        for button in self.copy_buttons:
            button.setEnabled(bool(button.parentWidget().findChild(QLabel).property("fingerprint")))
        lines = []
        if modified and change is not None:
            lines.append(
                self.tr("⚠ 文件在%1后被修改：当前内容与 %2 于 %3 %1时的指纹不一致。")
                .replace("%1", change.status.label.removeprefix("已")).replace("%2", change.who)
                .replace("%3", when_text(change.when)))
        pair = review.approved_over_changes if review is not None else None
        if pair is not None:
            submission, approval = pair
            lines.append(
                self.tr("⚠ 通过的内容与提交的不同：%1 于 %2 提交（指纹 %3）后表格被修改，%4 于 %5 通过的是修改后的内容"
                        "（指纹 %6）。").replace("%1", submission.who).replace("%2", when_text(submission.when))
                .replace("%3", short(submission.fingerprint)).replace("%4", approval.who)
                .replace("%5", when_text(approval.when)).replace("%6", short(approval.fingerprint))
                + (self.tr("通过时已确认接受修改。") if approval.changed_from else self.tr("通过时未注明接受修改。")))
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def _show_history(self, history: list[StatusChange]) -> None:
        self.history.clear()
        for change in reversed(history):  # newest first
            text = f"{change.status.label} · {change.who} · {when_text(change.when)}"
            if change.fingerprint:
                text += " · " + self.tr("指纹 %1").replace("%1", short(change.fingerprint))
            if change.note:
                text += "\n" + self.tr("说明：%1").replace("%1", change.note)
            item = QTreeWidgetItem(self.history, [text])
            item.setToolTip(0, self.tr("指纹：%1").replace("%1", change.fingerprint))
        if not history:
            item = QTreeWidgetItem(self.history, [self.tr("草稿，尚未提交")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _show_comments(self, comments: list[Comment], labels: dict[int, str]) -> None:
        current = self.current_comment()
        self.list.clear()
        for c in comments:
            where = labels.get(c.id, c.location)
            item = QTreeWidgetItem(self.list, [f"【{where}】\n{c.text}\n— {c.author} · {when_text(c.created)}"])
            item.setIcon(0, comment_icon())
            item.setData(0, CommentRole, c)
            item.setToolTip(0, self.tr("单击转到该处；Delete 删除"))
            if current is not None and c.id == current.id:
                self.list.setCurrentItem(item)
        if not comments:
            item = QTreeWidgetItem(self.list, [self.tr("还没有审核意见。在字段、金额或指标上单击右键，选择「添加审核意见…」。")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    # -- the comment list ----------------------------------------------------------------------------
    def comment_items(self) -> list[QTreeWidgetItem]:
        items = [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]
        return [i for i in items if i is not None and i.data(0, CommentRole) is not None]

    def current_comment(self) -> Comment | None:
        item = self.list.currentItem()
        comment = item.data(0, CommentRole) if item is not None else None
        return comment if isinstance(comment, Comment) else None

    def select_comment(self, comment_id: int) -> bool:
        for item in self.comment_items():
            if item.data(0, CommentRole).id == comment_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return True
        return False

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.current_comment() is not None)

    def _activate(self, item: QTreeWidgetItem, column: int = 0) -> None:
        comment = item.data(0, CommentRole)
        if isinstance(comment, Comment):
            self.comment_activated.emit(comment)

    def _delete_current(self) -> None:
        comment = self.current_comment()
        if comment is not None:
            self.delete_requested.emit(comment)
