"""Derived funds figures: the 合计 of each group and the 占比 of each line, per column."""
from __future__ import annotations

from decimal import Decimal

from goalform.domain.amounts import largest_remainder_shares, parse_amount
from goalform.domain.form import Form
from goalform.domain.template import COLUMNS, FundsGroup, Template
from goalform.domain.values import FrozenValue


def line_amount(form: Form, template: Template, line: str, column: str) -> Decimal | None:
    """The amount of one cell, or None when it is blank or not a valid amount."""
    parsed = parse_amount(form.fund(line, column), template.amount_decimals)
    return parsed.value if parsed.ok else None


def group_total(form: Form, template: Template, group: FundsGroup, column: str) -> Decimal | None:
    """Sum of the group's lines in ``column``; None when every line is blank."""
    values = [line_amount(form, template, l.key, column) for l in group.lines]
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def group_shares(form: Form, template: Template, group: FundsGroup) -> dict[str, Decimal | None]:
    """占比 of each line of the group in the current year, rounded to the template's precision."""
    amounts = [line_amount(form, template, l.key, "current") for l in group.lines]
    shares = largest_remainder_shares(amounts, template.share_decimals)
    return {l.key: s for l, s in zip(group.lines, shares)}


class FundsSummary(FrozenValue):
    """Every derived figure of the funds table, computed once."""

    totals: dict[tuple[str, str], Decimal | None]  # (group key, column)
    shares: dict[str, Decimal | None]  # line key -> share of the current year
    total_shares: dict[str, Decimal | None]  # group key -> 100 when the group has a total

    def __init__(self, totals: dict[tuple[str, str], Decimal | None], shares: dict[str, Decimal | None],
                 total_shares: dict[str, Decimal | None]) -> None:
        self.__dict__.update(totals=totals, shares=shares, total_shares=total_shares)


def summarize_funds(form: Form, template: Template) -> FundsSummary:
    totals: dict[tuple[str, str], Decimal | None] = {}
    shares: dict[str, Decimal | None] = {}
    total_shares: dict[str, Decimal | None] = {}
    for group in template.funds:
        for column in COLUMNS:
            totals[(group.key, column)] = group_total(form, template, group, column)
        shares.update(group_shares(form, template, group))
        current = totals[(group.key, "current")]
        total_shares[group.key] = Decimal(100) if current is not None and current > 0 else None
    return FundsSummary(totals, shares, total_shares)
