"""Budget rules: amounts are amounts, 合计 adds up, income equals expenditure."""
from __future__ import annotations

from collections.abc import Iterator

from goalform.domain.amounts import format_amount
from goalform.domain.cells import Cell
from goalform.domain.form import Form
from goalform.domain.messages import Text, msg, name
from goalform.domain.template import COLUMNS, Template
from goalform.domain.validation.core import Location, Missing, Severity, rule
from goalform.domain.validation.rows import funds_of


def column_name(form: Form, template: Template, column: str) -> Text:
    if column == "current":
        return msg("{year}年当年金额", year=form.year)
    prev2, prev1 = template.history_years(form.year)
    return msg("{year}年金额", year=prev2 if column == "prev2" else prev1)


@rule("funds.amount", Severity.ERROR, "金额必须是不为负、最多两位小数、小于一万亿元的数字")
def amounts_are_numbers(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Every funds cell and every 合计 found in an imported document (e.g. 「100%」 typed into a 合计 cell) is a non-negative amount in 万元 below 10⁸ (一万亿元) with at most the template's number of decimals, read by the one amount parser (thousands separators only in thousands positions, no 元 amounts); blank cells are allowed."""
    reading = funds_of(form, template)
    for group in template.funds:
        for line in group.lines:
            for column in COLUMNS:
                parsed = reading.parsed(line.key, column)
                if not parsed.ok:
                    yield Location.of(Cell.fund(line.key, column)), msg(
                        "{line}（{column}）：{error}", line=name(line.label, "template"), column=column_name(form, template, column),
                        error=parsed.error)
        for column in COLUMNS:
            parsed = reading.stated(group.key, column)
            if not parsed.ok:
                yield Location.of(Cell.total(group.key, column)), msg(
                    "{group}合计（{column}）：{error}", group=name(group.label.replace("\n", ""), "template"),
                    column=column_name(form, template, column), error=parsed.error)


@rule("funds.total", Severity.ERROR, "合计必须等于各行之和")
def totals_add_up(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A 合计 found in an imported document must equal the sum of its group's lines (goalform itself always derives the 合计)."""
    reading = funds_of(form, template)
    for group in template.funds:
        for column in COLUMNS:
            text = form.stated_totals.get((group.key, column), "")
            stated = reading.stated(group.key, column)
            if not text.strip() or not stated.ok:
                continue  # blank: derived; not a number: funds.amount says so
            computed = reading.total(group, column)
            if computed is None or stated.value != computed:
                yield (
                    Location.of(Cell.total(group.key, column)),
                    msg("{group}合计（{column}）填的是 {stated}，各行之和为 {computed}", group=name(group.label.replace("\n", ""), "template"),
                        column=column_name(form, template, column), stated=text.strip(),
                        computed=format_amount(computed) or "0"),
                )


@rule("funds.balance", Severity.ERROR, "各年度收入合计必须等于支出合计", reports_missing=True)
def income_equals_expenditure(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """For the current year and both history years, the 收入构成 and 支出构成 totals are equal. While one
    side of a year is still entirely blank the clerk has not reached it yet: 待填 until an explicit check."""
    if len(template.funds) < 2:
        return
    income, expenditure = template.funds[0], template.funds[1]
    reading = funds_of(form, template)
    for column in COLUMNS:
        a = reading.total(income, column)
        b = reading.total(expenditure, column)
        if a is None and b is None:
            continue
        if a is None or b is None:
            blank = (income if a is None else expenditure).label.replace("\n", "")
            yield (
                Location.of(Cell.total(expenditure.key, column)),
                Missing("{column}：{blank}还没有填写（收入合计与支出合计应相等）",
                        column=column_name(form, template, column), blank=name(blank, "template")),
            )
        elif a != b:
            yield (
                Location.of(Cell.total(expenditure.key, column)),
                msg("{column}：收入合计 {income} 与支出合计 {expenditure} 不相等", column=column_name(form, template, column),
                    income=format_amount(a) or "0", expenditure=format_amount(b) or "0"),
            )
