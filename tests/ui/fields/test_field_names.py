"""Issue 16/27: a widget of a form field is named from its Cell; the review tools read the names back."""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from goalform.domain.cells import Cell
from goalform.ui.review.actions import target_of_widget


def test_every_field_widget_of_the_window_round_trips(window, saved_reference):
    """Each field, text and amount widget the tabs build is found again from its comment target."""
    window.files.open_path(saved_reference)
    central = window.centralWidget()
    named = [w for kind in (QLineEdit, QPlainTextEdit) for w in central.findChildren(kind)
             if Cell.from_widget_name(w.objectName())]
    kinds = {Cell.from_widget_name(w.objectName()).kind for w in named}
    assert kinds == {"field", "text", "fund", "total"}
    for widget in named:
        target = target_of_widget(widget)
        assert Cell.parse(target).kind in ("field", "fund")
        assert widget.objectName() in Cell.parse(target).widget_names()
        assert Cell.from_widget_name(widget.objectName()).widget_name() == widget.objectName()
