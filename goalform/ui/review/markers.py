"""Marks beside commented items: a painted speech bubble in the indicator tree (beside the validation
marker of the row, see :mod:`goalform.ui.markers`), inside commented line edits and in the corner
of commented text sections. Each mark carries the comments as its tooltip; clicking one on a field
shows the comment in the review dock.
"""
from __future__ import annotations

import functools
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolButton, QWidget

from goalform.domain.review import Comment
from goalform.ui.markers import SEVERITY_COLORS, marker_icon
from goalform.ui.wording import finding_text

COMMENT_COLOR = QColor(45, 110, 190)


def _bubble(painter: QPainter, rect: QRectF) -> None:
    """A speech bubble with three text lines, filling ``rect``."""
    w, h = rect.width(), rect.height()
    body = QRectF(rect.left(), rect.top(), w, h * 0.78)
    path = QPainterPath()
    path.addRoundedRect(body, w * 0.18, w * 0.18)
    tail = QPainterPath()
    tail.moveTo(QPointF(rect.left() + w * 0.22, body.bottom() - 1))
    tail.lineTo(QPointF(rect.left() + w * 0.18, rect.bottom()))
    tail.lineTo(QPointF(rect.left() + w * 0.48, body.bottom() - 1))
    tail.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(COMMENT_COLOR)
    painter.drawPath(path.united(tail))
    painter.setPen(QColor("white"))
    for i in (1, 2):
        y = body.top() + body.height() * i / 3
        painter.drawLine(QPointF(body.left() + w * 0.22, y), QPointF(body.right() - w * 0.22, y))


@functools.lru_cache(maxsize=None)
def comment_icon(severity: str = "") -> QIcon:
    """The 审核意见 mark; with ``severity`` the validation marker is drawn on the left half and the
    bubble on the right, so a row that has both shows both."""
    icon = QIcon()
    for size in (16, 32):
        width = size * 2 if severity else size
        pixmap = QPixmap(width, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if severity:
            marker_icon(severity).paint(painter, 0, 0, size, size)
        margin = size / 16
        _bubble(painter, QRectF(width - size + margin, margin, size - 2 * margin, size - 2 * margin))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def comment_tooltip(comments: list[Comment], labels: Callable[[Comment], str] | None = None) -> str:
    """「审核意见（李文静 2026-01-05 09:00）：请补充依据」, one line per comment."""
    lines = []
    for c in comments:
        where = f"{labels(c)} · " if labels is not None else ""
        lines.append(QCoreApplication.translate("ReviewMarks", "审核意见（%1）：%2")
                     .replace("%1", f"{where}{c.author} {c.created[:16].replace('T', ' ')}").replace("%2", c.text))
    return "\n".join(lines)


class _CornerBadge(QToolButton):
    """The bubble in the top-right corner of a text section; follows its parent's size."""

    def __init__(self, parent: QPlainTextEdit) -> None:
        super().__init__(parent)
        self.setObjectName("comment_badge")
        self.setIcon(comment_icon())
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        parent.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        size = self.sizeHint()
        scrollbar = parent.verticalScrollBar() if isinstance(parent, QPlainTextEdit) else None
        right = parent.width() - size.width() - 4
        if scrollbar is not None and scrollbar.isVisible():
            right -= scrollbar.width()
        self.setGeometry(right, 4, size.width(), size.height())
        self.raise_()


class FieldMarks:
    """The marks on field widgets (line edits and text sections), by widget."""

    def __init__(self, on_click: Callable[[QWidget], None]) -> None:
        self.on_click = on_click
        self._line_actions: dict[QLineEdit, object] = {}
        self._badges: dict[QPlainTextEdit, _CornerBadge] = {}

    def set(self, marks: dict[QWidget, str]) -> None:
        """Show a mark with tooltip ``marks[widget]`` on each widget and remove the others."""
        for edit in list(self._line_actions):
            if edit not in marks:
                self._drop_line(edit)
        for edit in list(self._badges):
            if edit not in marks:
                self._drop_badge(edit)
        for widget, tip in marks.items():
            if isinstance(widget, QLineEdit):
                action = self._line_actions.get(widget)
                if action is None:
                    action = widget.addAction(comment_icon(), QLineEdit.ActionPosition.TrailingPosition)
                    action.setObjectName("comment_mark")
                    action.triggered.connect(lambda _=False, w=widget: self.on_click(w))
                    self._line_actions[widget] = action
                action.setToolTip(tip)  # type: ignore[attr-defined]
            elif isinstance(widget, QPlainTextEdit):
                badge = self._badges.get(widget)
                if badge is None:
                    badge = self._badges[widget] = _CornerBadge(widget)
                    badge.clicked.connect(lambda _=False, w=widget: self.on_click(w))
                    badge.show()
                badge.setToolTip(tip)

    def clear(self) -> None:
        self._line_actions.clear()  # the widgets went away with their document
        self._badges.clear()

    def marked(self) -> list[QWidget]:
        return [*self._line_actions, *self._badges]

    def tooltip_of(self, widget: QWidget) -> str:
        if widget in self._line_actions:
            return self._line_actions[widget].toolTip()  # type: ignore[attr-defined]
        badge = self._badges.get(widget)  # type: ignore[arg-type]
        return badge.toolTip() if badge is not None else ""

    def _drop_line(self, edit: QLineEdit) -> None:
        action = self._line_actions.pop(edit)
        try:
            edit.removeAction(action)  # type: ignore[arg-type]
            action.deleteLater()  # type: ignore[attr-defined]
        except RuntimeError:  # the field went away with its document
            pass

    def _drop_badge(self, edit: QPlainTextEdit) -> None:
        badge = self._badges.pop(edit)
        try:
            edit.removeEventFilter(badge)
            badge.deleteLater()
        except RuntimeError:
            pass


def indicator_data(model, indicator_id: int, column: int, role: int):
    """DecorationRole / ToolTipRole of a commented indicator row (called by IndicatorModel.data).

    Column 0 shows the bubble beside the row's validation marker; a column that a comment names
    shows the bubble too. The tooltip lists the findings, then the comments.
    """
    comments: dict[str, list[Comment]] = model.comments.get(indicator_id, {})
    findings = model.findings_of(indicator_id)
    key = model.columns[column]
    if role == Qt.ItemDataRole.DecorationRole:
        if column == 0:
            return comment_icon(findings[0].severity.value if findings else "")
        return comment_icon() if key in comments else None
    lines = [finding_text(f) for f in findings]
    everything = [c for group in comments.values() for c in group]
    everything.sort(key=lambda c: c.id)
    lines.append(comment_tooltip(everything))
    return "\n".join(lines)


def set_indicator_comments(model, comments: dict[int, dict[str, list[Comment]]]) -> None:
    """Give ``model`` the comments on its rows (id -> column, "" for the whole row -> comments) and
    repaint the rows whose comments changed."""
    old = model.comments
    model.comments = comments
    last = model.columnCount() - 1
    for i in set(old) | set(comments):
        if old.get(i) == comments.get(i):
            continue
        try:
            model.doc.node(i)
        except KeyError:
            continue
        model.dataChanged.emit(model.index_of(i, 0), model.index_of(i, last))


__all__ = ["COMMENT_COLOR", "SEVERITY_COLORS", "FieldMarks", "comment_icon", "comment_tooltip", "indicator_data",
           "set_indicator_comments"]
