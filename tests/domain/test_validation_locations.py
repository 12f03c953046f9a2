"""Findings point where the GUI can jump: section, column, index path and the indicator's store id."""
from __future__ import annotations

from helpers.valid_forms import find, valid_form

from goalform.domain.form import walk
from goalform.domain.validation import validate
from goalform.domain.validation.core import reading_order


def test_indicator_findings_carry_path_and_id() -> None:
    form, template = valid_form("2026")
    for tree in ("long_term", "annual"):
        for n, (_, node) in enumerate(walk(form.tree(tree))):
            node.id = n + (0 if tree == "long_term" else 10_000)
    node = find(form, "annual", "会议费控制率")
    node.value = ""
    [finding] = [f for f in validate(form, template) if f.rule == "indicators.value"]
    loc = finding.location
    assert (loc.section, loc.column, loc.path, loc.indicator_id) == ("annual", "value", (0, 2, 0), node.id)
    assert loc.as_text() == "annual/1.3.1/value"
    assert "会议费控制率" in finding.message and "预期当年实现值" in finding.message


def test_findings_come_in_reading_order() -> None:
    form, template = valid_form("2026")
    form.department = ""
    form.deadline = "28年"
    find(form, "annual", "会议费控制率").value = ""
    find(form, "long_term", "公用经费控制率").category = "x"
    form.funds[("personnel", "current")] = "1"
    findings = validate(form, template)
    assert findings == sorted(findings, key=reading_order(template))
    sections = [f.location.section for f in findings]
    assert sections.index("header") < sections.index("funds") < sections.index("texts") < sections.index("annual")


def test_unnamed_rows_are_described_by_where_they_sit() -> None:
    form, template = valid_form("2026")
    from goalform.domain.form import Indicator

    form.long_term[1].children[0].children.append(Indicator(level=3, value="≥90%"))
    [finding] = [f for f in validate(form, template) if f.rule == "indicators.name"]
    assert finding.message == "长期指标（战略管理下第3行）没有填写三级指标名称"
