"""Derived funds figures: the 合计 of each group and the 占比 of each line, per column.

:class:`FundsReading` reads every amount of a form once with the one amount parser and gives the
totals and shares from those values: the funds tab, the export's layout and every rule of one
validation run ask it instead of parsing the same cells again. A reading made from the previous one
(``since``) parses only the cells whose text changed, so a keystroke in an amount parses that amount.
"""
from __future__ import annotations

from decimal import Decimal

from goalform.domain.amounts import ParsedAmount, largest_remainder_shares, parse_amount
from goalform.domain.form import Form
from goalform.domain.template import COLUMNS, FundsGroup, Template
from goalform.domain.values import FrozenValue

Key = tuple[str, str]  # (line or group key, column)


class FundsReading:
    """The amounts (``form.funds``) and printed 合计 (``form.stated_totals``) of a form, each parsed once."""

    def __init__(self, form: Form, template: Template, since: FundsReading | None = None) -> None:
        self.template = template
        self.texts: dict[Key, str] = {}
        self.stated_texts: dict[Key, str] = {}
        self._parsed: dict[Key, ParsedAmount] = {}
        self._stated: dict[Key, ParsedAmount] = {}
        self._totals: dict[Key, Decimal | None] = {}
        old = since if since is not None and since.template is template else None
        decimals = template.amount_decimals
        for cells, texts, parsed, before, before_parsed in (
                (form.funds, self.texts, self._parsed, old.texts if old else {}, old._parsed if old else {}),
                (form.stated_totals, self.stated_texts, self._stated, old.stated_texts if old else {},
                 old._stated if old else {})):
            for key, text in cells.items():
                texts[key] = text
                parsed[key] = before_parsed[key] if before.get(key) == text else parse_amount(text, decimals)

    def parsed(self, line: str, column: str) -> ParsedAmount:
        """The amount in ``line``'s ``column`` as the parser read it (blank: no value, no error)."""
        return self._parsed.get((line, column), _BLANK)

    def stated(self, group: str, column: str) -> ParsedAmount:
        """The 合计 of ``group`` in ``column`` as an imported document printed it, read by the parser."""
        return self._stated.get((group, column), _BLANK)

    def amount(self, line: str, column: str) -> Decimal | None:
        """The amount of one cell, or None when it is blank or not a valid amount."""
        parsed = self._parsed.get((line, column), _BLANK)
        return parsed.value if parsed.ok else None

    def total(self, group: FundsGroup, column: str) -> Decimal | None:
        """Sum of the group's lines in ``column``; None when every line is blank."""
        key = (group.key, column)
        if key not in self._totals:
            present = [v for v in (self.amount(l.key, column) for l in group.lines) if v is not None]
            self._totals[key] = sum(present, Decimal(0)) if present else None
        return self._totals[key]

    def shares(self, group: FundsGroup) -> dict[str, Decimal | None]:
        """占比 of each line of the group in the current year, rounded to the template's precision."""
        amounts = [self.amount(l.key, "current") for l in group.lines]
        shares = largest_remainder_shares(amounts, self.template.share_decimals)
        return {l.key: s for l, s in zip(group.lines, shares)}


_BLANK = ParsedAmount(None)


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
    return FundsReading(form, template).shares(group)


class FundsSummary(FrozenValue):
    """Every derived figure of the funds table, computed once."""

    totals: dict[tuple[str, str], Decimal | None]  # (group key, column)
    shares: dict[str, Decimal | None]  # line key -> share of the current year
    total_shares: dict[str, Decimal | None]  # group key -> 100 when the group has a total

    def __init__(self, totals: dict[tuple[str, str], Decimal | None], shares: dict[str, Decimal | None],
                 total_shares: dict[str, Decimal | None]) -> None:
        self.__dict__.update(totals=totals, shares=shares, total_shares=total_shares)


def summarize_funds(form: Form, template: Template, reading: FundsReading | None = None) -> FundsSummary:
    """The figures of ``form``'s funds table (from ``reading``, the form's amounts read, when given)."""
    reading = reading if reading is not None else FundsReading(form, template)
    totals: dict[tuple[str, str], Decimal | None] = {}
    shares: dict[str, Decimal | None] = {}
    total_shares: dict[str, Decimal | None] = {}
    for group in template.funds:
        for column in COLUMNS:
            totals[(group.key, column)] = reading.total(group, column)
        shares.update(reading.shares(group))
        current = totals[(group.key, "current")]
        total_shares[group.key] = Decimal(100) if current is not None and current > 0 else None
    return FundsSummary(totals, shares, total_shares)
