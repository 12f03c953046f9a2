"""Roll a form forward to the next year: most of this year's form is last year's moved on by one.

What moves (the form of year Y becomes the form of Y+1):

* funds: the history columns become [old 上年, old 当年]; the new 上年 holds last year's *budget*,
  flagged for the clerk to replace with the actual figures; 当年金额 is emptied; stated 合计 are
  dropped (they are derived);
* annual indicators: 前年值 takes the old 上年值, 上年值 the old 预期当年实现值 (flagged: it was an
  expectation, the actual value is wanted), 预期当年实现值 is emptied;
* the long-term part (长期目标, its deadline, the long-term indicators) is kept; a deadline already
  passed is pointed out;
* 填报日期 moves on by a year; the year labels follow from the form's year.

The flags survive saving as marks in ``form.notes`` (see :mod:`goalform.domain.rollover_marks`).
Pure domain: no I/O.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Iterable

from goalform.domain.cells import Cell
from goalform.domain.dates import parse_date
from goalform.domain.form import Form, walk
from goalform.domain.notes import fit_notes
from goalform.domain.rollover_marks import MARK, funds_mark, indicator_mark
from goalform.domain.template import Template
from goalform.domain.validation import Finding, Location, Severity, all_rules
from goalform.domain.validation.core import reading_order

PENDING_RULES = ("rollover.funds_actual", "rollover.indicator_actual")
NOTES_HEADING = "结转待核对（{old}年表结转为{new}年表）："
_HEADING = re.compile(r"^结转待核对（\d+年表结转为\d+年表）：\s*$")


@dataclass
class RolloverResult:
    form: Form  # the new form; the old one is left untouched
    findings: list[Finding]  # what the clerk still has to check, in reading order


def roll_forward(form: Form, template: Template, *, available: Iterable[Template] = ()) -> RolloverResult:
    """A new form for ``form.year + 1`` made from ``form``, with findings for what is left to check.

    ``available``: the templates the program knows; when a newer version than the form's applies to
    the new year, a finding says so (the form keeps its version: changing it is the clerk's call).
    """
    new = copy.deepcopy(form)
    new.year = form.year + 1
    for _, node in walk(new.long_term):
        node.id = None
    for _, node in walk(new.annual):
        node.id = None
    findings: list[Finding] = []

    def add(rule: str, severity: Severity, location: Location, message: str) -> None:
        findings.append(Finding(rule, severity, location, message))

    # -- header ----------------------------------------------------------------------------
    if form.fill_date:
        new.fill_date = _next_year_date(form.fill_date)
        add("rollover.fill_date", Severity.INFO, Location.of(Cell.field("fill_date")),
            f"填报日期已顺延为 {template.format_fill_date(new.fill_date)}，请改为实际填报日期")

    # -- funds -----------------------------------------------------------------------------
    new.funds = {}
    for group in template.funds:
        for line in group.lines:
            moved = {"prev2": form.fund(line.key, "prev1"), "prev1": form.fund(line.key, "current")}
            for column, text in moved.items():
                if text.strip():
                    new.funds[(line.key, column)] = text
    new.stated_totals = {}
    first_line = template.funds[0].lines[0].key if template.funds and template.funds[0].lines else ""
    add("rollover.funds_current", Severity.INFO, Location.of(Cell.fund(first_line, "current")),
        f"{new.year}年当年金额已清空，请填写本年预算数")

    # -- annual indicators -----------------------------------------------------------------
    for l1 in new.annual:
        for l2 in l1.children:
            for l3 in l2.children:
                l3.prev2, l3.prev1, l3.value = l3.prev1, l3.value, ""
    if any(True for _ in _leaves(new)):
        add("rollover.expected_empty", Severity.INFO, Location.of(Cell.indicator(None, "value"), "annual", (0,)),
            "年度绩效指标的预期当年实现值已清空，请逐项填写")

    # -- texts and the long-term part ------------------------------------------------------
    for section in template.texts:
        if "{deadline}" in section.label:
            continue  # the long-term goal stays as it is
        if new.text(section.key).strip():
            label = section.label.replace("\n", "").rstrip("：:")
            add("rollover.text", Severity.INFO, Location.of(Cell.text(section.key)),
                f"「{label}」沿用了{form.year}年的内容，请按{new.year}年更新")
    deadline_year = _deadline_year(form.deadline, form.year)
    if deadline_year is not None and deadline_year < new.year:
        add("rollover.deadline", Severity.WARNING, Location.of(Cell.field("deadline")),
            f"长期目标截止于{form.deadline.strip()}，早于{new.year}年，请更新长期目标、截止时间和长期绩效指标")

    # -- marks in the notes, then the findings they give -----------------------------------
    marks: list[str] = []
    prev1_year = template.history_years(new.year)[1]
    for group in template.funds:
        for line in group.lines:
            value = new.fund(line.key, "prev1")
            if value.strip():
                marks.append(funds_mark(line.label, prev1_year, value))
    for l1, l2, l3 in _leaves(new):
        if l3.prev1.strip():
            marks.append(indicator_mark(l1.name, l2.name, l3.name, l3.prev1))
    kept = [line for line in form.notes.splitlines() if not line.startswith(MARK) and not _HEADING.match(line)]
    while kept and not kept[-1].strip():
        kept.pop()
    block = [NOTES_HEADING.format(old=form.year, new=new.year)] + marks if marks else []
    new.notes = fit_notes("\n".join(kept), block, "待核对的记录")
    newer = [t for t in available if template.first_year < t.first_year <= new.year]
    if newer:
        latest = max(newer, key=lambda t: t.first_year)
        add("rollover.template", Severity.INFO, Location.of(Cell.field("template")),
            f"{new.year}年的表一般使用「{latest.name}」，本表仍是「{template.name}」，请确认财政部门要求的版本")
    findings.extend(pending_findings(new, template))
    findings.sort(key=reading_order(template))
    return RolloverResult(new, findings)


def pending_findings(form: Form, template: Template) -> list[Finding]:
    """The rolled-over values that still wait for the actual figures (rules rollover.*_actual)."""
    out: list[Finding] = []
    for spec in all_rules():
        if spec.id in PENDING_RULES:
            out.extend(spec.run(form, template))
    return out


def _leaves(form: Form):
    for l1 in form.annual:
        for l2 in l1.children:
            for l3 in l2.children:
                yield l1, l2, l3


def _next_year_date(text: str) -> str:
    """'2025-12-31' (any spelling parse_date reads) -> '2026-12-31'; 29 February becomes 28 February;
    text that is not a date stays as it is."""
    d = parse_date(text)
    if d is None:
        return text
    try:
        return d.replace(year=d.year + 1).isoformat()
    except ValueError:
        return d.replace(year=d.year + 1, day=28).isoformat()


def _deadline_year(deadline: str, form_year: int) -> int | None:
    """The year of a deadline as printed: 2028年12月 -> 2028, 28年 -> 2028; None if it names none."""
    m = re.search(r"(\d{4}|\d{2})\s*年", deadline) or re.search(r"(\d{4})", deadline)
    if not m:
        return None
    year = int(m.group(1))
    if year < 100:
        year += (form_year // 100) * 100
    return year
