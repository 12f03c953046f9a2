"""Amounts in 万元 and percentage shares, as Decimal.

Clerks type amounts the way Word forms show them: ``1,424``, ``581.4 万元``, ``　300　``. An amount
cell keeps its text; :func:`parse_amount` says what number it means, or why it means none.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

_UNIT = re.compile(r"(万元|万|元)$")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class ParsedAmount:
    """The meaning of an amount cell: a value, nothing (blank), or an error in Chinese."""

    value: Decimal | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def clean_text(text: str) -> str:
    """Fold full-width characters and drop every kind of space (NBSP, U+3000, tabs)."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", folded)


def parse_amount(text: str, max_decimals: int = 2) -> ParsedAmount:
    s = clean_text(text)
    if not s:
        return ParsedAmount(None)
    s = _UNIT.sub("", s).replace(",", "")
    if not _NUMBER.fullmatch(s):
        return ParsedAmount(None, f"「{text.strip()}」不是金额")
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex already rules this out
        return ParsedAmount(None, f"「{text.strip()}」不是金额")
    if value < 0:
        return ParsedAmount(value, f"金额不能为负数：{text.strip()}")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > max_decimals:
        return ParsedAmount(value, f"金额最多保留{max_decimals}位小数：{text.strip()}")
    return ParsedAmount(value)


def canonical_amount(text: str) -> str:
    """The text to store for what a clerk typed: a plain number where it is one, else the text itself.

    ``"1,424 万元"`` -> ``"1424"``; ``"abc"`` stays ``"abc"`` so that validation can point at it.
    """
    parsed = parse_amount(text, max_decimals=99)
    if parsed.value is None or parsed.error:
        return text.strip()
    return format_decimal(parsed.value)


def format_decimal(value: Decimal) -> str:
    """A Decimal as clerks write it: no exponent, no superfluous sign."""
    text = format(value, "f")
    return "0" if text in ("-0", "-0.0", "-0.00") else text


def format_amount(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format_decimal(value)


def format_share(share: Decimal | None) -> str:
    """``Decimal('36')`` -> ``"36%"``, ``Decimal('99.80')`` -> ``"99.8%"``: the forms drop trailing zeros."""
    if share is None:
        return ""
    text = format_decimal(share)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + "%"


def largest_remainder_shares(amounts: list[Decimal | None], decimals: int) -> list[Decimal | None]:
    """Percent shares of ``amounts`` rounded to ``decimals`` places that add up to exactly 100.

    Blank amounts get no share. Each share is first rounded down; the units still missing to reach
    100 go to the shares with the largest remainders (ties to the earlier line), so a column of the
    form never sums to 99% or 101%.
    """
    present = [a for a in amounts if a is not None]
    total = sum(present, Decimal(0))
    if not present or total <= 0:
        return [None] * len(amounts)
    unit = Decimal(1).scaleb(-decimals)
    exact = [None if a is None else a * 100 / total for a in amounts]
    floors = [None if q is None else (q / unit).to_integral_value(rounding=ROUND_FLOOR) * unit for q in exact]
    missing = int(((Decimal(100) - sum((f for f in floors if f is not None), Decimal(0))) / unit).to_integral_value())
    order = sorted(
        (i for i, q in enumerate(exact) if q is not None),
        key=lambda i: (-(exact[i] - floors[i]), i),  # type: ignore[operator]
    )
    shares = list(floors)
    for i in order[: max(missing, 0)]:
        shares[i] = shares[i] + unit  # type: ignore[operator]
    return [None if s is None else s.quantize(unit) for s in shares]
