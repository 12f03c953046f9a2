"""Issue 16: one module names the widget of a form field; the review tools read the names back."""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from goalform.domain.review import field_target, fund_target, parse_target
from goalform.ui.fields import names as field_names
from goalform.ui.review.actions import target_of_widget


def test_names_are_written_and_read_in_one_place():
    assert field_names.parse(field_names.field_widget("fill_date")) == field_names.FieldName("field", "fill_date")
    assert field_names.parse(field_names.text_widget("long_term_goal")).target() == field_target("long_term_goal")
    total = field_names.parse(field_names.total_widget("income", "prev1"))
    assert total == field_names.FieldName("total", "income", "prev1") and total.target() == fund_target("income", "prev1")
    assert field_names.parse(field_names.fund_widget("own_funds", "current")).key == "own_funds"
    for other in ("tabs", "fund_", "fund_x", "total", "", "main_toolbar"):
        assert field_names.parse(other) is None


def test_every_field_widget_of_the_window_round_trips(window, saved_reference):
    """Each field, text and amount widget the tabs build is found again from its comment target."""
    window.files.open_path(saved_reference)
    central = window.centralWidget()
    named = [w for kind in (QLineEdit, QPlainTextEdit) for w in central.findChildren(kind)
             if field_names.parse(w.objectName())]
    kinds = {field_names.parse(w.objectName()).kind for w in named}
    assert kinds == {"field", "text", "fund", "total"}
    for widget in named:
        target = target_of_widget(widget)
        assert parse_target(target).kind in ("field", "fund")
        assert widget.objectName() in field_names.widgets_of_target(target)
