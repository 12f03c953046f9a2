"""Rollover rules: values carried over from last year's form that still wait for the actual figures.

They read the marks :func:`goalform.domain.rollover.roll_forward` leaves in the notes (see
:mod:`goalform.domain.rollover_marks`) and report a cell only while it still holds the carried-over
value, so a form that never was rolled over, or whose figures were updated, gives no finding.
"""
from __future__ import annotations

from collections.abc import Iterator

from goalform.domain.cells import Cell
from goalform.domain.form import Form
from goalform.domain.messages import msg, name
from goalform.domain.rollover_marks import pending_funds, pending_indicators
from goalform.domain.template import Template
from goalform.domain.validation.core import Location, Severity, rule


@rule("rollover.funds_actual", Severity.WARNING, "结转后的上年金额仍是去年的预算数，应改为实际收支数")
def funds_actual(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """After 结转到下一年 the 上年 column holds last year's budget; the clerk must type the actual
    figures. The finding stays until the cell no longer holds the carried-over amount."""
    prev1_year = template.history_years(form.year)[1]
    for key, mark in pending_funds(form, template):
        label = template.funds_line(key).label.replace("\n", "")
        yield (Location.of(Cell.fund(key, "prev1")),
               msg("{line}的{year}年金额「{value}」是结转前的预算数，请改为实际收支数", line=name(label, "template"), year=prev1_year, value=mark.value))


@rule("rollover.indicator_actual", Severity.WARNING, "结转后的上年值仍是去年的预期当年实现值，应改为实际完成值")
def indicator_actual(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """After 结转到下一年 an annual indicator's 上年值 is last year's 预期当年实现值; the clerk must
    confirm or replace it with what was actually achieved."""
    prev1_year = template.history_years(form.year)[1]
    for path, node, mark in pending_indicators(form):
        yield (Location.of(Cell.indicator(node.id, "prev1"), "annual", path),
               msg("「{name}」的上年值「{value}」是结转前的预期当年实现值，请改为{year}年实际完成值", name=node.name, value=mark.value, year=prev1_year))
