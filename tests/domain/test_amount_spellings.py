"""The one amount parser: every spelling clerks use is read as the number a person reads, and
everything else is refused with a message (issue 14: 「12,5」 once became 125, a pasted block one
20-digit amount)."""
from __future__ import annotations

import re
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalform.domain.amounts import MAX_AMOUNT, canonical_text, parse_amount

ACCEPTED = [  # (typed, canonical)
    ("500", "500"), ("５００", "500"), ("1,000", "1000"), ("1，000", "1000"), ("１，０００", "1000"),
    ("1,234,567.89", "1234567.89"), (" 581.4 ", "581.4"), ("\u3000300\u3000", "300"), ("300\r\n", "300"),
    ("\t42\t", "42"), ("300万元", "300"), ("300 万元", "300"), ("300万", "300"), ("+500", "500"),
    ("＋５００", "500"), ("１２．５", "12.5"), ("1.50", "1.5"), ("1.500", "1.5"), ("0", "0"),
    ("0.00", "0"), (".5", "0.5"), ("5.", "5"), ("007", "7"), ("99999999.99", "99999999.99"),
]

REFUSED = [  # (typed, fragment of the message)
    ("12,5", "千位"), ("1,0000", "千位"), ("0,100", "千位"), (",100", "不是金额"), ("1.2.3", "两个小数点"),
    ("1.234", "2位小数"), ("-3", "负数"), ("－３", "负数"), ("abc", "不是金额"), ("12a", "不是金额"),
    ("100%", "不是金额"), ("1e5", "不是金额"), ("①", "不是金额"), ("五百", "不是金额"), ("1 000", "空格"),
    ("1300\t1200\t1100\n350\t320\t300", "一格只能填一个金额"), ("500元", "0.05 万元"), ("123元", "换算成万元"),
    ("100000000", "一万亿元"), ("130012001100350320300", "一万亿元"), ("万元", "不是金额"), (".", "不是金额"),
    ("++5", "不是金额"), ("(500)", "不是金额"), ("5亿元", "不是金额"), ("1,000.", ""),
]


@pytest.mark.parametrize("text, canonical", ACCEPTED)
def test_accepted_spellings_read_as_a_person_reads_them(text: str, canonical: str) -> None:
    parsed = parse_amount(text)
    assert parsed.ok, parsed.error
    assert parsed.value is not None and canonical_text(parsed.value) == canonical


@pytest.mark.parametrize("text, fragment", [r for r in REFUSED if r[1]])
def test_refused_spellings_say_why(text: str, fragment: str) -> None:
    parsed = parse_amount(text)
    assert not parsed.ok
    assert fragment in parsed.error


def test_a_trailing_decimal_point_is_the_whole_number() -> None:
    assert parse_amount("1,000.").value == D(1000)


amounts = st.decimals(min_value=0, max_value=MAX_AMOUNT - D("0.01"), places=2, allow_nan=False,
                      allow_infinity=False)


@given(amounts)
def test_every_canonical_amount_parses_to_itself(value: D) -> None:
    text = canonical_text(value)
    parsed = parse_amount(text)
    assert parsed.ok and parsed.value == value and canonical_text(parsed.value) == text


def _thousands(digits: str, sep: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sep.join([digits, *groups])


_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


@given(amounts, st.sampled_from(["", ",", "，"]), st.booleans(), st.sampled_from(["", " ", "\u3000", "\t", "\r\n"]),
       st.sampled_from(["", "万元", " 万元", "万"]), st.sampled_from(["", "+", "＋"]), st.integers(0, 2))
def test_every_spelling_of_a_number_reads_back_as_that_number(value, sep, full, blank, unit, sign, zeros) -> None:
    whole, _, frac = canonical_text(value).partition(".")
    text = _thousands(whole, sep) if sep else whole
    frac = (frac + "0" * zeros)[:2] if frac or zeros else ""
    if frac:
        text += "." + frac
    if full:
        text = text.translate(_FULL)
    parsed = parse_amount(blank + sign + text + unit + blank)
    assert parsed.ok, parsed.error
    assert parsed.value == value


def _person_reads(text: str) -> D | None:
    """What a person reads in ``text``, written independently of the parser: one number, commas
    (if any) every three digits of the whole part, an optional 万元 or 万 and + around it."""
    s = text.strip().translate(str.maketrans("０１２３４５６７８９，．＋", "0123456789,.+"))
    s = re.sub(r"\s*(万元|万)$", "", s).removeprefix("+")
    whole, dot, frac = s.partition(".")
    if not re.fullmatch(r"[0-9,]*", whole) or not re.fullmatch(r"[0-9]*", frac) or not (whole or frac):
        return None
    if "," in whole and not re.fullmatch(r"[1-9][0-9]{0,2}(,[0-9]{3})+", whole):
        return None
    return D((whole.replace(",", "") or "0") + "." + (frac or "0"))


@given(st.text(alphabet="0123456789０５,，.．+＋- \t\n万元a%e", max_size=14))
def test_no_junk_is_read_as_another_number(text: str) -> None:
    parsed = parse_amount(text)
    if parsed.ok and parsed.value is not None:
        assert parsed.value == _person_reads(text)
    elif not parsed.ok:
        assert parsed.error  # refused with a message
