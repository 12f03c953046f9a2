from __future__ import annotations

from decimal import Decimal

import pytest
from helpers.valid_forms import find, valid_form

from goalform.domain.form import Indicator
from goalform.domain.targets import (
    Target,
    indicator_counts,
    is_placeholder,
    is_quantified,
    parse_target,
    percentages,
    quantified_share,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("≥90%", Target(">=", Decimal("90"), "%")),
        (" ≥ 90 ％", Target(">=", Decimal("90"), "%")),
        ("＞＝95.5%", Target(">=", Decimal("95.5"), "%")),
        ("≤0%", Target("<=", Decimal("0"), "%")),
        ("<=10%", Target("<=", Decimal("10"), "%")),
        ("不少于10次", Target(">=", Decimal("10"), "次")),
        ("不超过3天", Target("<=", Decimal("3"), "天")),
        ("330个", Target("", Decimal("330"), "个")),
        ("90%以上", Target(">=", Decimal("90"), "%")),
        ("5%以内", Target("<=", Decimal("5"), "%")),
        ("0", Target("", Decimal("0"), "")),
        ("-5%", Target("", Decimal("-5"), "%")),
    ],
)
def test_parse_target(text: str, expected: Target) -> None:
    assert parse_target(text) == expected


@pytest.mark.parametrize("text", ["有效提升", "", "≥前三年平均数", "完成亿元以上签约项目330个以上的目标任务", "按实际情况"])
def test_parse_target_refuses_prose(text: str) -> None:
    assert parse_target(text) is None


def test_quantified_means_a_number_in_digits() -> None:
    assert is_quantified("≥90%") and is_quantified("０") and is_quantified("330个")
    assert not is_quantified("有效提升") and not is_quantified("前三年平均") and not is_quantified("")


def test_percentages() -> None:
    assert percentages("≥90%，不超过105 ％") == [Decimal("90"), Decimal("105")]
    assert percentages("-3%") == [Decimal("-3")]


@pytest.mark.parametrize("text,expected", [("……", True), ("…", True), ("......", True), (" …… ", True),
                                            ("", False), ("≥90%……", False), ("无", False)])
def test_placeholder(text: str, expected: bool) -> None:
    assert is_placeholder(text) is expected


def test_quantified_share_and_counts() -> None:
    form, _ = valid_form("2026")
    full = quantified_share(form)
    assert (full.quantified, full.total, full.percent) == (74, 74, Decimal("100.0"))
    find(form, "annual", "会议费控制率").value = "有效提升"
    form.annual[0].children[0].children.append(Indicator(level=3, name="……"))  # not an indicator
    annual = quantified_share(form, ("annual",))
    assert (annual.quantified, annual.total) == (36, 37)
    assert annual.percent == Decimal("97.3") and annual.as_text() == "97.3%（36/37）"
    counts = indicator_counts(form, "annual")
    assert list(counts) == ["运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度"]
    assert counts["运行成本"] == 4 and sum(counts.values()) == 37


def test_quantified_share_of_an_empty_form() -> None:
    form, _ = valid_form("2026")
    for tree in ("long_term", "annual"):
        for l1 in form.tree(tree):
            l1.children.clear()
    share = quantified_share(form)
    assert share.total == 0 and share.percent is None and share.as_text() == "—"
