"""Where the window shows 审核意见: a bubble beside each field, amount and indicator row that has some."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStyle, QWidget

from goalform.domain.cells import Cell
from goalform.domain.review import Comment, Review
from goalform.ui.editor import FormEditor
from goalform.ui.indicators.view import IndicatorTreeView
from goalform.ui.review.markers import FieldMarks, comment_tooltip, set_indicator_comments


def show_marks(editor: FormEditor, central: QWidget | None, marks: FieldMarks, review: Review) -> None:
    """Mark every field and indicator row of the window that ``review`` has comments on."""
    per_row: dict[int, dict[str, list[Comment]]] = {}
    fields: dict[QWidget, list[Comment]] = {}
    for location, comments in review.by_location().items():
        t = Cell.parse_stored(location)
        if t.indicator_id is not None:
            per_row.setdefault(t.indicator_id, {}).setdefault(t.column, []).extend(comments)
            continue
        for name in t.widget_names():
            widget = central.findChild(QWidget, name) if central is not None else None
            if widget is not None:
                fields.setdefault(widget, []).extend(comments)
                break
    for tree, model in editor.models.items():
        mine = {}
        for i, columns in per_row.items():
            try:
                if editor.doc.node(i).tree == tree:
                    mine[i] = columns
            except KeyError:
                continue
        set_indicator_comments(model, mine)
    if central is not None:  # room for the validation marker and the bubble side by side
        for view in central.findChildren(IndicatorTreeView):
            small = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            view.setIconSize(QSize(small * 2, small) if per_row else QSize())
    marks.set({w: comment_tooltip(cs) for w, cs in fields.items()})
