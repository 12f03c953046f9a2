"""Every rule: a form that breaks it, and near-miss forms that do not.

Each case starts from a form that passes every rule (tests/helpers/valid_forms.py) and changes one thing.
``BREAKS`` must name every registered rule, so a new rule cannot land without its test.
"""
from __future__ import annotations

from typing import Callable

import pytest
from helpers.valid_forms import find, valid_form

from goalform.domain.form import Form, Indicator
from goalform.domain.review import Review, Status, StatusChange
from goalform.domain.library import LibraryIndex
from goalform.domain.validation import Severity, all_rules
from goalform.domain.validation.library import validate_against
from goalform.store.library import builtin_entries

LIBRARY = LibraryIndex(builtin_entries())


def validate(form, template):  # noqa: ANN001, ANN201 - every rule, the library rules included
    return validate_against(form, template, LIBRARY)

Mutator = Callable[[Form], None]


def _set(**values: str) -> Mutator:
    def apply(form: Form) -> None:
        for key, value in values.items():
            setattr(form, key, value)
    return apply


def _text(key: str, value: str) -> Mutator:
    def apply(form: Form) -> None:
        form.texts[key] = value
    return apply


def _fund(line: str, column: str, value: str) -> Mutator:
    def apply(form: Form) -> None:
        form.funds[(line, column)] = value
    return apply


def _total(group: str, column: str, value: str) -> Mutator:
    def apply(form: Form) -> None:
        form.stated_totals[(group, column)] = value
    return apply


def _ind(indicator: str, tree: str = "annual", /, **values: str) -> Mutator:
    def apply(form: Form) -> None:
        node = find(form, tree, indicator)
        for key, value in values.items():
            setattr(node, key, value)
    return apply


def _both(indicator: str, /, **values: str) -> Mutator:
    def apply(form: Form) -> None:
        for tree in ("long_term", "annual"):
            _ind(indicator, tree, **values)(form)
    return apply


def _clear_level1(index: int, tree: str = "annual") -> Mutator:
    def apply(form: Form) -> None:
        form.tree(tree)[index].children.clear()
    return apply


def _add_level3(level1: int, level2: int, tree: str = "annual", **values: str) -> Mutator:
    def apply(form: Form) -> None:
        form.tree(tree)[level1].children[level2].children.append(Indicator(level=3, **values))
    return apply


def _add_level2(level1: int, name: str, tree: str = "annual", children: int = 0) -> Mutator:
    def apply(form: Form) -> None:
        l2 = Indicator(level=2, name=name)
        for _ in range(children):
            l2.children.append(Indicator(level=3, name="……"))
        form.tree(tree)[level1].children.append(l2)
    return apply


def _approved(submitted_same: bool) -> Mutator:
    """提交 then 通过 of the form as it is; the submission of other content unless ``submitted_same``."""
    def apply(form: Form) -> None:
        from goalform.domain.fingerprint import fingerprint

        now = fingerprint(form)
        form.review = Review(history=[
            StatusChange(Status.SUBMITTED, "李文静", "2026-01-05T09:00:00+08:00", now if submitted_same else "1" * 64),
            StatusChange(Status.APPROVED, "王审核", "2026-01-06T09:00:00+08:00", now, "", "",
                         "" if submitted_same else "1" * 64),
        ])
    return apply


def _submitted(fingerprint_of_form: bool, status: Status = Status.SUBMITTED, then: Mutator | None = None) -> Mutator:
    def apply(form: Form) -> None:
        from goalform.domain.fingerprint import fingerprint

        recorded = fingerprint(form) if fingerprint_of_form else "0" * 64
        form.review = Review(history=[StatusChange(status, "李文静", "2026-01-05T09:00:00+08:00", recorded)])
        if then is not None:
            then(form)
    return apply


def _rolled_funds(updated: bool) -> Mutator:
    """Mark 财政拨款's 上年 amount as carried over by a rollover; ``updated``: the clerk then typed the actual."""

    def apply(form: Form) -> None:
        from goalform.domain.rollover_marks import funds_mark

        carried = form.fund("fiscal", "prev1") or "100"
        form.funds[("fiscal", "prev1")] = carried
        form.notes += "\n" + funds_mark("财政拨款", form.year - 1, carried)
        if updated:
            form.funds[("fiscal", "prev1")] = carried + "1"

    return apply


def _rolled_indicator(updated: bool) -> Mutator:
    def apply(form: Form) -> None:
        from goalform.domain.rollover_marks import indicator_mark

        l1 = form.annual[0]
        l2 = l1.children[0]
        l3 = l2.children[0]
        form.notes += "\n" + indicator_mark(l1.name, l2.name, l3.name, l3.prev1)
        if updated:
            l3.prev1 = l3.prev1 + "（实际）"

    return apply


def _seq(*mutators: Mutator) -> Mutator:
    def apply(form: Form) -> None:
        for m in mutators:
            m(form)
    return apply


# rule id -> [(template version, mutation that breaks the rule)]
BREAKS: dict[str, list[tuple[str, Mutator]]] = {
    "header.fill_date": [("2026", _set(fill_date="2025-02-30")), ("2024", _set(fill_date="年底"))],
    "rollover.funds_actual": [("2024", _rolled_funds(False)), ("2026", _rolled_funds(False))],
    "rollover.indicator_actual": [("2024", _rolled_indicator(False)), ("2026", _rolled_indicator(False))],
    "header.required": [("2026", _set(department="  ")), ("2026", _set(filler="")), ("2026", _set(fill_date=""))],
    "header.phone": [("2026", _set(phone="电话待定")), ("2024", _set(phone="027-1234"))],
    "funds.amount": [("2024", _total("income", "prev2", "100%")), ("2026", _fund("fiscal", "current", "-5"))],
    "funds.total": [("2024", _total("income", "current", "99"))],
    "funds.balance": [("2026", _fund("personnel", "current", "41"))],
    "texts.required": [("2026", _text("functions", "")), ("2024", _text("annual_goal", " \u3000\n"))],
    "texts.deadline": [("2026", _set(deadline="28年")), ("2026", _set(deadline="2025年12月")),
                       ("2026", _set(deadline="")), ("2024", _set(deadline="三年后"))],
    "texts.markup": [("2024", _ind("“三公”经费变动率", basis="[bookmark: _GoBack]部门（单位）本年度三公经费预算数。")),
                     ("2026", _text("tasks", "任务\x07一")), ("2026", _set(department="示例局_GoBack"))],
    "indicators.level3": [("2026", _clear_level1(5)), ("2026", _clear_level1(2, "long_term"))],
    "indicators.empty_level2": [("2024", _add_level2(2, "时效指标"))],
    "indicators.placeholder": [("2026", _add_level3(0, 0, name="……")), ("2026", _add_level2(2, "……", children=1)),
                               ("2026", _ind("会议费控制率", value="……"))],
    "indicators.name": [("2026", _add_level3(0, 0, value="≥90%", basis="计划标准", category="基本型")),
                        ("2026", _add_level2(3, ""))],
    "indicators.value": [("2026", _ind("会议费控制率", value="")), ("2024", _ind("会议费控制率", value="无"))],
    "indicators.basis": [("2026", _ind("会议费控制率", basis="上级要求")), ("2026", _ind("会议费控制率", basis="")),
                         ("2024", _ind("会议费控制率", basis=" "))],
    "indicators.category": [("2026", _ind("会议费控制率", category="计划标准")), ("2024", _ind("会议费控制率", category=""))],
    "indicators.duplicate": [("2026", _seq(_add_level3(0, 0, name="公用经费控制率 ", value="≥90%", basis="计划标准",
                                                       category="基本型", prev2="1%", prev1="1%")))],
    "indicators.history": [("2026", _ind("会议费控制率", prev1="")),
                           ("2026", _seq(_add_level3(2, 0, name="新指标", value="5个", basis="计划标准",
                                                     category="基本型", prev2="3个"),
                                         _add_level3(2, 0, "long_term", name="新指标", value="5个",
                                                     basis="计划标准", category="基本型")))],
    "indicators.basis_mismatch": [("2024", _ind("预算编制科学性", basis="部门规划与国家、省委省政府战略的匹配性、与部门职能的相符性。"))],
    "quality.qualitative": [("2026", _both("会议费控制率", value="有效提升")),
                            ("2026", _both("会议费控制率", value="按实际情况")),
                            ("2026", _both("会议费控制率", value="合理"))],
    "quality.rate_range": [("2026", _ind("会议费控制率", value="≥120%")), ("2026", _ind("会议费控制率", prev1="-3%")),
                           ("2024", _ind("会议费控制率", "long_term", value="100.5%"))],
    "quality.tree_match": [("2026", _ind("会议费控制率", name="会议费压减率")),
                           ("2026", _ind("会议费控制率", "long_term", name="会议费压减率"))],
    "quality.regression": [("2026", _ind("会议费控制率", value="≥80%")), ("2026", _ind("会议费控制率", value="≤95%")),
                           ("2026", _ind("会议费控制率", value="不少于80%"))],
    "quality.funds_change": [("2026", _seq(_fund("fiscal", "current", "200"), _fund("operation", "current", "160"))),
                             ("2026", _seq(_fund("fiscal", "current", "45"), _fund("operation", "current", "5")))],
    "quality.quantified_share": [("2026", lambda form: None)],
    "library.placement": [("2026", _add_level3(0, 0, name="预算执行率", value="100%", basis="计划标准",
                                               category="基本型", prev2="90%", prev1="95%"))],
    "review.modified": [("2026", _submitted(True, then=_set(department="别的局"))),
                        ("2026", _submitted(False, Status.APPROVED))],
    "review.approved_changed": [("2026", _approved(submitted_same=False))],
}

# rule id -> [(version, mutation that comes close but is fine)]
PASSES: dict[str, list[tuple[str, Mutator]]] = {
    "header.fill_date": [("2026", _set(fill_date="2025年12月31日")), ("2026", _set(fill_date="2025/1/5"))],
    "rollover.funds_actual": [("2024", _rolled_funds(True))],
    "rollover.indicator_actual": [("2026", _rolled_indicator(True))],
    "header.required": [("2024", _set(fill_date=""))],
    "header.phone": [("2026", _set(phone="13812345678、027-87654321")), ("2026", _set(phone="0710 3456789"))],
    "funds.amount": [("2026", _fund("fiscal", "current", "1,424 万元")), ("2026", _fund("unit_funds", "current", "\u3000"))],
    "funds.total": [("2024", _total("income", "current", "100.00"))],
    "funds.balance": [("2026", _seq(_fund("fiscal", "current", "101"), _fund("personnel", "current", "41")))],
    "texts.required": [("2026", _text("functions", "x"))],
    "texts.deadline": [("2026", _set(deadline="2026年12月")), ("2026", _set(deadline="2028-12"))],
    "texts.markup": [("2026", _text("tasks", "第一行\n第二行\t缩进")), ("2026", _set(department="示例局[二处]")),
                     ("2026", _set(notes="[待核对] 资金「财政拨款」上年（2025年）金额「95」"))],
    "indicators.level3": [("2026", _seq(_clear_level1(5), _add_level2(5, "服务对象满意度"),
                                        _add_level3(5, 0, name="服务对象满意度", value="≥90%", basis="计划标准",
                                                    category="基本型", prev2="90%", prev1="90%")))],
    "indicators.empty_level2": [("2024", _add_level2(2, "……"))],
    "indicators.placeholder": [("2026", _ind("会议费控制率", value="≥90%……"))],
    "indicators.name": [("2026", _add_level2(2, "……", children=1))],
    "indicators.value": [("2026", _seq(_ind("会议费控制率", value="无", basis="", category="", prev2="无", prev1="无"),
                                       _ind("会议费控制率", "long_term", value="无", basis="", category="")))],
    "indicators.basis": [("2026", _ind("会议费控制率", basis=" 行业标准 ")), ("2024", _ind("会议费控制率", basis="自拟说明。"))],
    "indicators.category": [("2026", _ind("会议费控制率", category="创新型"))],
    "indicators.duplicate": [("2026", _seq(_add_level3(0, 1, name="公用经费控制率", value="≥90%", basis="计划标准",
                                                       category="基本型", prev2="1%", prev1="1%"),
                                           _add_level3(0, 1, "long_term", name="公用经费控制率", value="≥90%",
                                                       basis="计划标准", category="基本型")))],
    "indicators.history": [("2026", _seq(_add_level3(2, 0, name="新指标", value="5个", basis="计划标准", category="基本型"),
                                         _add_level3(2, 0, "long_term", name="新指标", value="5个",
                                                     basis="计划标准", category="基本型")))],
    # A renamed standard indicator keeps its explanation: not a slipped row.
    "indicators.basis_mismatch": [("2024", _both("中长期规划相符性", name="规划相符性")),
                                  ("2026", _ind("预算编制科学性", basis="计划标准"))],
    "quality.qualitative": [("2026", _both("资金使用合规性", value="完全合规")), ("2026", _both("会议费控制率", value="≥ 90 %")),
                            ("2026", _both("会议费控制率", name="服务质量", value="优良"))],
    "quality.rate_range": [("2026", _ind("“三公”经费变动率", value="≤-5%", prev2="-3%", prev1="-4%")),
                           ("2026", _ind("会议费控制率", value="100%"))],
    "quality.tree_match": [("2026", _ind("会议费控制率", name=" 会议费控制率"))],
    "quality.regression": [("2026", _ind("会议费控制率", value="≥95%")), ("2026", _ind("会议费控制率", value="≤85%", prev1="90%")),
                           ("2026", _ind("会议费控制率", value="≥80个"))],
    # personnel 40 -> 60 is exactly +50%: not beyond the limit.
    "quality.funds_change": [("2026", _seq(_fund("fiscal", "current", "140"), _fund("personnel", "current", "60"),
                                           _fund("operation", "current", "80")))],
    "quality.quantified_share": [],
    "library.placement": [("2026", _add_level3(1, 2, name=" 预算执行率", value="100%", basis="计划标准",
                                               category="基本型", prev2="90%", prev1="95%")),
                          ("2026", _ind("会议费控制率", name="会议费压减率"))],
    "review.modified": [("2026", _submitted(True)), ("2026", _submitted(False, Status.RETURNED))],
    "review.approved_changed": [("2026", _approved(submitted_same=True)), ("2026", _submitted(True))],
}


def test_every_rule_has_a_breaking_case() -> None:
    assert set(BREAKS) == {r.id for r in all_rules()}
    assert set(PASSES) == {r.id for r in all_rules()}


@pytest.mark.parametrize("version", ["2024", "2026"])
def test_the_valid_forms_pass_every_rule(version: str) -> None:
    form, template = valid_form(version)
    findings = validate(form, template)
    assert [f.rule for f in findings] == ["quality.quantified_share"]
    assert findings[0].severity is Severity.INFO


CASES = [(rule, i, version, m) for rule, cases in BREAKS.items() for i, (version, m) in enumerate(cases)]


@pytest.mark.parametrize("rule_id,i,version,mutate", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_rule_fires_on_a_form_that_breaks_it(rule_id: str, i: int, version: str, mutate: Mutator) -> None:
    form, template = valid_form(version)
    mutate(form)
    findings = [f for f in validate(form, template) if f.rule == rule_id]
    assert findings, f"{rule_id} did not fire"
    spec = next(r for r in all_rules() if r.id == rule_id)
    for f in findings:
        assert f.severity is spec.severity
        assert f.message and any("\u4e00" <= ch <= "\u9fff" for ch in f.message)  # a Chinese message


NEAR = [(rule, i, version, m) for rule, cases in PASSES.items() for i, (version, m) in enumerate(cases)]


@pytest.mark.parametrize("rule_id,i,version,mutate", NEAR, ids=[f"{c[0]}-{c[1]}" for c in NEAR])
def test_rule_stays_quiet_on_a_near_miss(rule_id: str, i: int, version: str, mutate: Mutator) -> None:
    form, template = valid_form(version)
    mutate(form)
    assert [f.message for f in validate(form, template) if f.rule == rule_id] == []


def test_rules_run_on_their_own_give_what_validate_gives() -> None:
    form, template = valid_form("2026")
    BREAKS["indicators.value"][0][1](form)
    spec = next(r for r in all_rules() if r.id == "indicators.value")
    assert spec.run(form, template) == [f for f in validate(form, template) if f.rule == "indicators.value"]


def test_markup_is_found_in_every_kind_of_cell_and_not_across_two() -> None:
    """texts.markup searches each group of cells (header fields, texts, amounts, stated totals, a row's
    columns) joined into one text first: a finding in any one cell is still found, and the pieces of
    two neighbouring cells never make one."""
    from goalform.domain.validation import validate

    form, template = valid_form("2026")
    form.filler = "李文静\x01"
    form.texts["tasks"] = "任务<br/>"
    form.funds[("personnel", "prev1")] = "40&nbsp;"
    form.stated_totals[("fiscal", "current")] = "100\ufffe"
    find(form, "annual", form.annual[0].children[0].children[0].name).prev2 = "88%_GoBack"
    found = {str(f.location.cell) for f in validate(form, template) if f.rule == "texts.markup"}
    assert len(found) == 5, found
    form, template = valid_form("2026")
    form.department, form.filler = "示例局[bookmark:", "李]文静"  # one after the other in HEADER_FIELDS
    form.texts["tasks"], form.texts[next(k for k in form.texts if k != "tasks")] = "见</", "p>"
    assert [f for f in validate(form, template) if f.rule == "texts.markup"] == []
