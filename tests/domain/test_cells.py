"""The one cell address: every spelling made from it and read back into it."""
from __future__ import annotations

import pytest

from goalform.domain.cells import Cell, CellError
from goalform.domain.errors import UserError
from goalform.domain.validation import Location

TARGETS = [
    (Cell.form(), "form"),
    (Cell.field("department"), "field:department"),
    (Cell.field("long_term_goal"), "field:long_term_goal"),
    (Cell.fund("fiscal", "prev1"), "fund:fiscal:prev1"),
    (Cell.fund("basic_expenditure", "current"), "fund:basic_expenditure:current"),
    (Cell.indicator(42), "indicator:42"),
    (Cell.indicator(42, "value"), "indicator:42:value"),
]


@pytest.mark.parametrize(("cell", "text"), TARGETS)
def test_comment_targets_keep_the_stored_spelling_and_round_trip(cell: Cell, text: str) -> None:
    assert cell.to_text() == text  # byte for byte what files have always stored
    assert Cell.parse(text) == cell
    assert Cell.parse(cell.to_text()) == cell


def test_a_text_section_and_a_total_are_commented_on_as_a_field_and_a_funds_cell() -> None:
    assert Cell.text("tasks").to_text() == "field:tasks"
    assert Cell.total("income", "prev2").to_text() == "fund:income:prev2"
    assert Cell.parse(Cell.total("income", "prev2").to_text()) == Cell.total("income", "prev2").as_target()
    assert Cell.indicator(None, "value").to_text() == "form"  # no id (not from a .goal): the whole form


@pytest.mark.parametrize("text", ["", "fund", "fund:", "field:", "indicator:", "indicator:abc", "indicator:-1",
                                  "indicator:١٢", "cell:1", "FORM", "form:x", " form"])
def test_text_that_names_no_cell_is_refused_clearly(text: str) -> None:
    with pytest.raises(CellError) as caught:
        Cell.parse(text)
    assert isinstance(caught.value, UserError) and "位置" in str(caught.value)
    assert Cell.parse_stored(text) == Cell.form()  # a stored comment on it stays on the whole form


def test_an_unknown_kind_and_an_incomplete_target_say_different_things() -> None:
    with pytest.raises(CellError, match="未知的位置「cell:1」"):
        Cell.parse("cell:1")
    with pytest.raises(CellError, match="不完整"):
        Cell.parse("field:")
    with pytest.raises(CellError, match="指标编号「abc」不是数字"):
        Cell.parse("indicator:abc:value")


@pytest.mark.parametrize(("cell", "name"), [
    (Cell.field("phone"), "field_phone"),
    (Cell.field("fill_date"), "field_fill_date"),
    (Cell.text("long_term_goal"), "text_long_term_goal"),
    (Cell.fund("basic_expenditure", "prev2"), "fund_basic_expenditure_prev2"),
    (Cell.total("income", "current"), "total_income_current"),
])
def test_widget_names_round_trip(cell: Cell, name: str) -> None:
    assert cell.widget_name() == name
    assert Cell.from_widget_name(name) == cell


@pytest.mark.parametrize("name", ["tabs", "button_add", "fund_", "fund_x", "total_", "", "field_", "funds_tab"])
def test_other_widgets_show_no_cell(name: str) -> None:
    assert Cell.from_widget_name(name) is None


def test_every_widget_that_may_show_a_comment_target() -> None:
    assert Cell.parse("field:notes").widget_names() == ["field_notes", "text_notes"]
    assert Cell.parse("fund:income:prev1").widget_names() == ["fund_income_prev1", "total_income_prev1"]
    assert Cell.indicator(3).widget_names() == [] and Cell.form().widget_names() == []
    with pytest.raises(ValueError):
        Cell.indicator(3).widget_name()


def test_grid_keys_and_stored_lines() -> None:
    assert Cell.fund("fiscal", "current").grid_key() == ("fund", "fiscal", "current")
    assert Cell.total("income", "prev1").grid_key() == ("total", "income", "prev1")
    assert Cell.field("department").grid_key() == ("field", "department")
    assert Cell.text("tasks").grid_key() == ("text", "tasks")
    assert Cell.fund("fiscal", "prev2").stored_line() == "fiscal"
    assert Cell.total("income", "prev2").stored_line() == "total:income"
    for cell in (Cell.fund("fiscal", "prev2"), Cell.total("income", "prev2")):
        assert Cell.from_stored(cell.stored_line(), cell.column) == cell
    with pytest.raises(ValueError):
        Cell.field("phone").stored_line()


def test_a_finding_location_is_made_from_the_cell_and_names_it_back() -> None:
    fund = Location.of(Cell.fund("fiscal", "current"))
    assert fund == Location("funds", "fiscal", "current") and fund.as_text() == "funds/fiscal/current"
    assert fund.cell == Cell.fund("fiscal", "current")
    total = Location.of(Cell.total("income", "prev1"))
    assert total.as_text() == "funds/income/prev1" and total.cell == Cell.fund("income", "prev1")
    value = Location.of(Cell.indicator(7, "value"), "annual", (0, 1, 2))
    # One name for an indicator's column: the finding's and the comment's are the same field.
    assert value.column == Cell.indicator(7, "value").column == "value" and value.field == ""
    assert value.as_text() == "annual/1.2.3/value" and value.cell == Cell.indicator(7, "value")
    assert Location.of(Cell.indicator(None, "value"), "annual", (0,)).cell == Cell.form()
    assert Location("header", "phone").cell == Cell.field("phone")
    with pytest.raises(ValueError):
        Location.of(Cell.form())  # the whole form is no place a finding points at
    with pytest.raises(ValueError):
        Location.of(Cell.indicator(7, "value"))  # an indicator's place needs its tree


@pytest.mark.parametrize(("cell", "text"), [
    (Cell.field("department"), "header/department"),
    (Cell.field("fill_date"), "header/fill_date"),
    (Cell.field("template"), "header/template"),  # the form's version and year are header rows
    (Cell.field("year"), "header/year"),
    (Cell.field("deadline"), "texts/deadline"),  # on 长期目标's tab, named with the texts
    (Cell.field("notes"), "notes/notes"),
    (Cell.text("notes"), "notes/notes"),
    (Cell.text("tasks"), "texts/tasks"),
    (Cell.field("annual_goal"), "texts/annual_goal"),  # a tree's goal text is a text section
])
def test_a_field_or_texts_location_is_made_from_its_cell(cell: Cell, text: str) -> None:
    location = Location.of(cell)
    assert location.as_text() == text
    assert location.cell == cell.as_target()  # and names it back as a comment target
    assert Location.of(location.cell) == location
