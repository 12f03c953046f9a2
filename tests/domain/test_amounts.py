from decimal import Decimal as D

import pytest

from goalform.domain.amounts import (
    canonical_amount,
    format_share,
    largest_remainder_shares,
    parse_amount,
)


@pytest.mark.parametrize(
    "text, value",
    [
        ("509.41", D("509.41")),
        ("1,424", D("1424")),
        ("581.4　", D("581.4")),
        ("\u00a0300 万元", D("300")),
        ("１２３", D("123")),
        ("0", D("0")),
    ],
)
def test_parse_amount_accepts_what_clerks_type(text: str, value: D) -> None:
    parsed = parse_amount(text)
    assert parsed.ok and parsed.value == value


@pytest.mark.parametrize("text", ["", "　", " \u00a0 "])
def test_blank_amount_is_none_without_error(text: str) -> None:
    parsed = parse_amount(text)
    assert parsed.ok and parsed.value is None


@pytest.mark.parametrize(
    "text, fragment",
    [("100%", "不是金额"), ("abc", "不是金额"), ("-3", "负数"), ("1.234", "两位小数"), ("1.2.3", "两个小数点")],
)
def test_bad_amounts_explain_themselves(text: str, fragment: str) -> None:
    parsed = parse_amount(text)
    assert not parsed.ok
    assert fragment in parsed.error.replace("2位", "两位")


def test_canonical_amount_keeps_bad_text_for_validation() -> None:
    assert canonical_amount("1,424 万元") == "1424"
    assert canonical_amount(" 186.6 ") == "186.6"
    assert canonical_amount("约一百") == "约一百"
    assert canonical_amount("12,5") == "12,5"  # once silently 125
    assert canonical_amount("５００") == "500"


def test_shares_of_the_2024_reference_are_whole_percent_summing_to_100() -> None:
    shares = largest_remainder_shares([D("182.84"), D("26.57"), D("300")], 0)
    assert shares == [D(36), D(5), D(59)]


def test_shares_of_the_2026_reference_have_two_decimals() -> None:
    shares = largest_remainder_shares([D("3"), D("1421"), None], 2)
    assert [format_share(s) for s in shares] == ["0.21%", "99.79%", ""]


def test_largest_remainder_fixes_rounding_drift() -> None:
    # Three equal thirds round to 33 each (99); the missing point goes to the first.
    shares = largest_remainder_shares([D(1), D(1), D(1)], 0)
    assert shares == [D(34), D(33), D(33)]
    assert sum(shares) == 100


@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_shares_always_sum_to_exactly_100(decimals: int) -> None:
    import random

    rng = random.Random(decimals)
    for _ in range(200):
        amounts = [D(rng.randint(0, 100000)) / 100 for _ in range(rng.randint(1, 6))]
        if sum(amounts) == 0:
            continue
        shares = largest_remainder_shares(amounts, decimals)
        assert sum(s for s in shares if s is not None) == 100


def test_no_shares_without_a_positive_total() -> None:
    assert largest_remainder_shares([None, None], 0) == [None, None]
    assert largest_remainder_shares([D(0), None], 2) == [None, None]


def test_format_share_drops_trailing_zeros() -> None:
    assert format_share(D("99.80")) == "99.8%"
    assert format_share(D("100.00")) == "100%"
    assert format_share(None) == ""
