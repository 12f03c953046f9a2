"""Validating the two reference forms reports the known errors their README lists."""
from __future__ import annotations

from helpers.reference_forms import reference_dump, reference_form, reference_template

from goalform.domain.validation import Severity, validate


def load_reference(version: str):
    return reference_form(version), reference_template(version)


def _by_rule(findings, rule_id):
    return [f for f in findings if f.rule == rule_id]


def test_2024_reference_reports_its_known_errors() -> None:
    form, template = load_reference("2024")
    findings = validate(form, template)
    # The income 合计 holds 「100%」 in both history cells.
    amounts = _by_rule(findings, "funds.amount")
    assert [(f.location.field, f.location.column) for f in amounts] == [("income", "prev2"), ("income", "prev1")]
    assert all("100%" in f.message for f in amounts)
    # Annual 指标值确定依据 texts shifted by one or two rows.
    shifted = {f.message.split("「")[1].split("」")[0]: f for f in _by_rule(findings, "indicators.basis_mismatch")}
    assert set(shifted) == {"预算编制科学性", "预算编制合理性", "立项规范性", "预算调整率"}
    assert "「中长期规划相符性」的说明" in shifted["预算编制科学性"].message
    assert all(f.location.section == "annual" and f.location.column == "basis" for f in shifted.values())
    assert shifted["预算编制科学性"].location.path == (1, 1, 0)
    # The stray Word bookmark: the grid reader drops it on import, and texts.markup reports it
    # wherever such markup does get into a form (here: the cell's text exactly as in the dump).
    assert _by_rule(findings, "texts.markup") == []
    raw = next(cell for row in reference_dump("2024")[1] for cell in row if "[bookmark:" in cell)
    node = form.annual[0].children[2].children[1]
    assert node.name == "“三公”经费变动率" and raw.endswith(node.basis)
    node.basis = raw
    markup = _by_rule(validate(form, template), "texts.markup")
    assert len(markup) == 1 and "[bookmark: _GoBack]" in markup[0].message
    assert markup[0].location.section == "annual" and markup[0].location.column == "basis"
    assert markup[0].location.path == (0, 2, 1)
    # Nothing else is an error but the one blank 指标分类 of the long-term tree.
    errors = {f.rule for f in findings if f.severity is Severity.ERROR}
    assert errors == {"funds.amount", "indicators.basis_mismatch", "indicators.category"}


def test_2026_reference_reports_its_known_errors() -> None:
    form, template = load_reference("2026")
    findings = validate(form, template)
    deadline = _by_rule(findings, "texts.deadline")
    assert len(deadline) == 1 and "「28年」" in deadline[0].message and "2028年12月" in deadline[0].message
    placeholders = _by_rule(findings, "indicators.placeholder")
    # Four places in each tree: under 项目支出成本控制, a whole 「……」 二级 under 履职效能 (reported once),
    # under 科技支撑 and under 联系部门满意度.
    expected = [(0, 2, 2), (2, 2), (4, 2, 1), (5, 1, 0)]
    for tree in ("long_term", "annual"):
        assert [f.location.path for f in placeholders if f.location.section == tree] == expected
    assert len(expected) * 2 == len(placeholders)
    errors = {f.rule for f in findings if f.severity is Severity.ERROR}
    assert errors == {"texts.deadline", "indicators.placeholder"}


def test_reference_quality_hints() -> None:
    form, template = load_reference("2026")
    findings = validate(form, template)
    qualitative = {f.location.path for f in _by_rule(findings, "quality.qualitative")}
    assert (3, 0, 0) in qualitative  # 缩短群众办事时间: 程度明显
    assert any("192.4%" in f.message for f in _by_rule(findings, "quality.funds_change"))
    info = _by_rule(findings, "quality.quantified_share")
    assert len(info) == 1 and info[0].severity is Severity.INFO and "27.8%" in info[0].message
