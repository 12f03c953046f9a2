"""Amounts in 万元 and percentage shares, as Decimal.

:func:`parse_amount` is the one reader of an amount, used alike by typing, pasting and importing. It
accepts only what a person reads as exactly one number, without guessing:

- digits, half- or full-width (``500``, ``５００``), with at most one decimal point (``.`` or ``．``);
- thousands separators only in thousands positions (``1,000``, ``1,234,567.89``, full-width ``，``);
- blanks around the number (spaces, tabs, U+3000, a line end copied with a spreadsheet cell);
- a ``万元`` (or ``万``) suffix, and a leading ``+`` or ``＋``.

It refuses, with a message in Chinese: anything else in the text (letters, ``%``, two numbers separated
by blanks or line ends as a pasted block gives), a comma out of a thousands position (``12,5``: a
decimal comma or a typo, nobody can tell which), two decimal points, more decimals than the form
allows (``1.234``; trailing zeros such as ``1.50`` are fine), a negative amount, an amount in 元
(``500元`` is 0.05 万元: the message says so, it is never read as 500 万元) and amounts of
:data:`MAX_AMOUNT` 万元 (一万亿元) or more, which no department has: such a figure is a slip of the keys.

The canonical text of an amount (what the document stores and every writer prints) is
:func:`canonical_text`: plain half-width digits, no separators, no trailing zeros (``1424``, ``581.4``).
"""
from __future__ import annotations

import functools
import re
from decimal import ROUND_FLOOR, Decimal

from goalform.domain.messages import msg
from goalform.domain.values import FrozenValue

MAX_AMOUNT = Decimal(10) ** 8  # 万元: 一万亿元; no department's budget comes near it
# Full-width forms a Chinese input method types, folded one by one (NFKC would also turn ① into 1); the
# full-width and no-break spaces become plain ones, so that the patterns below allow spaces as " *" (a class
# of the three spaces compiled ten times slower, at every start).
_FULL_WIDTH = {**{0xFF10 + i: str(i) for i in range(10)}, 0xFF0C: ",", 0xFF0E: ".", 0xFF0B: "+",
               0xFF0D: "-", 0x2212: "-", 0x3000: " ", 0xA0: " "}
_AMOUNT = re.compile(r"\+?(?P<int>[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)?(?:\.(?P<frac>[0-9]*))? *(?P<unit>万元|万)?")
_IN_YUAN = r"\+?(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?) *元"  # (compiled when an amount is refused)


class ParsedAmount(FrozenValue):
    """The meaning of an amount cell: a value, nothing (blank), or an error in Chinese.

    A refused amount may still carry the number it would be (``-3``, ``1.234``) for messages.
    """

    value: Decimal | None
    error: str

    def __init__(self, value: Decimal | None, error: str = "") -> None:
        self.__dict__.update(value=value, error=error)

    @property
    def ok(self) -> bool:
        return not self.error


def parse_amount(text: str, max_decimals: int = 2) -> ParsedAmount:
    """What number of 万元 ``text`` means, or why it means none (see the module docstring).

    The answer for a short text is remembered: totals, shares and every rule ask about the same
    cells again and again (a ParsedAmount, like its Decimal, cannot change)."""
    return _parse_short(text, max_decimals) if len(text) <= 64 else _parse(text, max_decimals)


@functools.lru_cache(maxsize=4096)
def _parse_short(text: str, max_decimals: int) -> ParsedAmount:
    return _parse(text, max_decimals)


def _parse(text: str, max_decimals: int) -> ParsedAmount:
    shown = text.strip()
    s = shown.translate(_FULL_WIDTH)
    if not s:
        return ParsedAmount(None)
    m = _AMOUNT.fullmatch(s)
    if m is None or (m.group("int") is None and not m.group("frac")):
        return ParsedAmount(None, _why_not(s, shown, max_decimals))
    whole = (m.group("int") or "").replace(",", "").lstrip("0") or "0"
    frac = (m.group("frac") or "").rstrip("0")
    value = Decimal(f"{whole}.{frac}" if frac else whole)  # exact: no context rounding
    if len(frac) > max_decimals:
        return ParsedAmount(value, msg("金额最多保留{n}位小数：「{amount}」", n=max_decimals, amount=_show(shown)))
    if value >= MAX_AMOUNT:
        return ParsedAmount(value, msg("「{amount}」万元即一万亿元以上，没有部门的预算这么大：请检查位数", amount=_show(shown)))
    return ParsedAmount(value)


def _show(text: str) -> str:
    """``text`` as quoted in a message: blanks, tabs and line ends as one space, at most 40 characters."""
    one_line = re.sub(r"\s+", " ", text)
    return one_line if len(one_line) <= 40 else one_line[:39] + "…"


def _why_not(s: str, shown: str, max_decimals: int) -> str:
    """The message for a text that is not an amount: as precise as the text allows."""
    if s.startswith("-") and parse_amount(s[1:], max_decimals).value is not None:
        return msg("金额不能为负数：「{amount}」", amount=_show(shown))
    yuan = re.fullmatch(_IN_YUAN, s)
    if yuan is not None:
        in_yuan = parse_amount(yuan.group("number"), 99)
        if in_yuan.ok and in_yuan.value is not None:
            wan = canonical_value(in_yuan.value / 10000)
            exponent = wan.as_tuple().exponent
            if isinstance(exponent, int) and -exponent <= max_decimals:
                return msg("金额以万元为单位：「{amount}」是 {wan} 万元，请填 {wan}", amount=_show(shown), wan=canonical_text(wan))
            return msg("金额以万元为单位：「{amount}」请换算成万元再填", amount=_show(shown))
    if re.search(r"\s", s):
        return msg("「{amount}」含有空格、制表符或换行：一格只能填一个金额", amount=_show(shown))
    if s.count(".") > 1:
        return msg("「{amount}」有两个小数点", amount=_show(shown))
    if re.fullmatch(r"\+?[0-9][0-9,]*(\.[0-9]*)?(万元|万)?", s):
        return msg("「{amount}」的逗号不在千位上：千位分隔符每三位一个（如 1,000），小数点请用「.」", amount=_show(shown))
    return msg("「{amount}」不是金额", amount=_show(shown))


def canonical_value(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or exponent (``1.50`` -> ``1.5``, ``100`` stays ``100``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(0) if text in ("-0", "0") else Decimal(text)


def canonical_text(value: Decimal) -> str:
    """The one way an amount is stored and printed: plain half-width digits, no separators."""
    return format_decimal(canonical_value(value))


def canonical_amount(text: str) -> str:
    """The text to store for an amount read from a file: its canonical form where it is a readable
    amount, else the text itself, so that validation can point at it.

    ``"1,424 万元"`` -> ``"1424"``; ``"1.234"`` -> ``"1.234"`` (too many decimals: validation says so);
    ``"abc"`` and ``"12,5"`` stay as they are.
    """
    parsed = parse_amount(text, max_decimals=99)
    if parsed.value is None:
        return text.strip()
    return canonical_text(parsed.value)  # 1e8 or more: the number is clear, validation refuses it


def format_decimal(value: Decimal) -> str:
    """A Decimal as clerks write it: no exponent, no superfluous sign."""
    text = format(value, "f")
    return "0" if text in ("-0", "-0.0", "-0.00") else text


def format_amount(value: Decimal | None) -> str:
    """An amount (a 合计) as stored and printed: :func:`canonical_text` (``1416.0`` -> ``1416``)."""
    if value is None:
        return ""
    return canonical_text(value)


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
