"""The library as data: search by characters, initials and pinyin; grouping; where entries go in a
form; learning from forms; reading sheet rows; the placement hint of validation."""
from __future__ import annotations

from dataclasses import replace

import pytest

from goalform import assets
from goalform.domain.form import Indicator, new_form
from goalform.domain.library import (
    SOURCE_BUILTIN,
    SOURCE_BUREAU,
    SOURCE_MINE,
    LibraryEntry,
    LibraryIndex,
    entries_from_rows,
    group_entries,
    header_columns,
    leaf_values,
    learnable,
    plan_insert,
    used_names,
)
from goalform.domain.validation import validate
from goalform.domain.validation.library import validate_against
from goalform.store.pinyin import entry_keys


def entry(level1: str, level2: str, name: str, source: str = SOURCE_BUILTIN, **kw) -> LibraryEntry:
    e = LibraryEntry(level1, level2, name, source=source, **kw)
    return replace(e, pinyin=entry_keys(name, level2))


@pytest.fixture
def index() -> LibraryIndex:
    return LibraryIndex([
        entry("管理效率", "预算执行", "预算执行率", explanation="本年度预算完成数与调整预算数的比率。", reference="100%"),
        entry("管理效率", "预算执行", "结转结余率", reference="0"),
        entry("管理效率", "资产管理", "资产管理规范性"),
        entry("运行成本", "公用经费控制", "公用经费控制率", reference="≤100%"),
        entry("满意度", "服务对象满意度", "服务对象满意度", reference="≥90%"),
    ])


def names(entries) -> list[str]:
    return [e.name for e in entries]


def test_search_by_characters_initials_and_full_pinyin(index):
    assert "预算执行率" in names(index.search("执行率"))
    assert names(index.search("ysz")) == ["预算执行率", "结转结余率"]  # the 二级 预算执行 matches too
    assert names(index.search("yusuan")) == ["预算执行率", "结转结余率"]
    assert names(index.search("YuSuan zxl")) == ["预算执行率"]  # every word must match; case does not count
    assert names(index.search("gyjf")) == ["公用经费控制率"]
    assert names(index.search("满意")) == ["服务对象满意度"]
    assert index.search("xyz") == [] and index.search("不存在") == []
    assert len(index.search("  ")) == len(index)


def test_pinyin_keys_follow_phrases_and_keep_latin_letters():
    assert entry_keys("预算执行率", "") .split()[:2] == ["yszxl", "yusuanzhixinglv"]
    assert entry_keys("银行存款", "").split()[1] == "yinhangcunkuan"  # 行 in 银行 is hang
    assert entry_keys("PM2.5浓度", "").split()[0] == "pm25nd"


def test_the_best_source_is_kept_when_two_hold_one_indicator():
    index = LibraryIndex([
        entry("管理效率", "预算执行", "预算执行率", reference="100%"),
        entry("管理效率", "预算执行", "预算执行率", SOURCE_BUREAU, reference="≥95%", source_label="市财政局.xlsx"),
        entry("管理效率", "预算执行", "预算执行率", SOURCE_MINE, reference="98%"),
        entry("运行成本", "其他", "预算执行率", SOURCE_MINE),  # another placement is another entry
    ])
    assert [(e.source, e.reference) for e in index.entries] == [(SOURCE_BUREAU, "≥95%"), (SOURCE_MINE, "")]
    assert [e.source for e in index.authoritative().entries] == [SOURCE_BUREAU]


def test_grouping_follows_the_template_order(index):
    order = [l1.name for l1 in assets.template("2026").level1]
    groups = group_entries(index.entries, order)
    assert [g.level1 for g in groups] == ["运行成本", "管理效率", "满意度"]
    assert [(l2, names(items)) for l2, items in groups[1].level2] == [
        ("预算执行", ["预算执行率", "结转结余率"]), ("资产管理", ["资产管理规范性"])]


def tree_with_ids(template_id: str = "2026"):
    form = new_form(assets.template(template_id))
    counter = iter(range(1, 10_000))
    for tree in ("long_term", "annual"):
        stack = list(form.tree(tree))
        while stack:
            node = stack.pop()
            node.id = next(counter)
            stack.extend(node.children)
    return form


def test_plan_adds_a_missing_level2_once_and_never_a_duplicate(index):
    form = tree_with_ids()
    roots = form.long_term
    efficiency = roots[1]
    budget = next(c for c in efficiency.children if c.name == "预算执行")
    wanted = [
        entry("管理效率", "预算执行", "预算执行率"),  # already in the default tree: skipped
        entry("管理效率", "资产管理", "固定资产利用率"),
        entry("管理效率", "新二级", "新指标甲"),
        entry("管理效率", "新二级", "新指标乙"),
        entry("管理效率", "新二级", "新指标乙"),  # twice in one selection
        entry("不存在的一级", "x", "y"),
        entry("管理效率", "预算执行", "新预算指标"),
    ]
    plan = plan_insert(roots, wanted, assets.template("2026"))
    level2 = [r for r in plan.rows if r.level == 2]
    existing = {c.name: c.id for c in efficiency.children}
    assert [r.values["name"] for r in level2] == [n for n in ("资产管理", "新二级") if n not in existing]
    assert all(r.parent == efficiency.id for r in level2)
    leaves = [r for r in plan.rows if r.level == 3]
    assert [r.values["name"] for r in leaves] == ["固定资产利用率", "新指标甲", "新指标乙", "新预算指标"]
    new_ref = next(r.ref for r in level2 if r.values["name"] == "新二级")
    assert [r.row for r in leaves if r.parent == new_ref] == [0, 1]
    assert next(r for r in leaves if r.values["name"] == "新预算指标").parent == budget.id
    assert next(r for r in leaves if r.values["name"] == "新预算指标").row == len(budget.children)
    reasons = [reason for _, reason in plan.skipped]
    assert len(reasons) == 3 and any("不存在的一级" in r for r in reasons)
    assert plan.added == 4


def test_new_rows_go_before_the_templates_placeholder_rows():
    form = tree_with_ids()
    l1 = form.long_term[2]
    l1.children.append(Indicator(level=2, name="……", id=9001,
                                 children=[Indicator(level=3, name="……", id=9002)]))
    plan = plan_insert(form.long_term, [entry(l1.name, "新二级", "新指标")], assets.template("2026"))
    assert plan.rows[0].row == len(l1.children) - 1


def test_leaf_values_use_the_columns_the_template_has():
    e = entry("管理效率", "预算执行", "预算执行率", explanation="说明", reference="100%")
    assert leaf_values(e, assets.template("2024")) == {"name": "预算执行率", "value": "100%", "basis": "说明"}
    assert leaf_values(e, assets.template("2026")) == {"name": "预算执行率", "value": "100%"}  # 依据 is a choice there


def test_learnable_offers_unknown_indicators_once(index):
    form = tree_with_ids("2024")
    l2 = form.long_term[2].children
    l2.append(Indicator(level=2, name="招商引资", children=[
        Indicator(level=3, name="签约项目数", value="≥10个", basis="年度签约项目个数"),
        Indicator(level=3, name="……"),
    ]))
    form.annual[2].children.append(Indicator(level=2, name="招商引资", children=[Indicator(level=3, name="签约项目数")]))
    learned = learnable(form, assets.template("2024"), index, "我的.goal")
    new = [e for e in learned if e.name == "签约项目数"]
    assert len(new) == 1 and new[0].source == SOURCE_MINE and new[0].reference == "≥10个"
    assert new[0].explanation == "年度签约项目个数" and new[0].level1 == form.long_term[2].name
    assert "预算执行率" not in names(learned)  # the library knows it
    assert "签约项目数" in used_names(form)


def test_sheet_rows_continue_merged_groups_and_report_what_cannot_be_placed():
    columns = header_columns(["序号", "一级指标", "二级 指标", "三级指标", "备注", "指标解释", "参考值"])
    assert columns == {"一级指标": 1, "二级指标": 2, "三级指标": 3, "指标解释": 5, "参考值": 6}
    assert header_columns(["指标", "解释"]) is None
    rows = [
        (3, ["", "", "", "孤儿指标", "", "", ""]),  # nothing above to continue
        (4, ["1", "运行\n成本", "公用经费控制", "公用经费控制率", "", "说明", "≤100%"]),
        (5, ["2", "", "", "会议费控制率", "", "", ""]),
        (6, ["", "", "", "", "", "", ""]),
        (7, ["3", "", "三公经费", "“三公”经费变动率", "", "", "≤0%"]),
        (8, ["4", "管理效率", "", "", "", "只有解释", ""]),
        (9, ["5", "", "", "预算执行率", "", "", ""]),
    ]
    entries, problems = entries_from_rows(rows, columns, label="局.xlsx")
    assert [e.content[:3] for e in entries] == [
        ("运行成本", "公用经费控制", "公用经费控制率"), ("运行成本", "公用经费控制", "会议费控制率"),
        ("运行成本", "三公经费", "“三公”经费变动率")]
    assert [(p.row, p.reason) for p in problems] == [(3, "不知道属于哪个一级指标"), (9, "不知道属于哪个二级指标")]
    assert entries[0].source == SOURCE_BUREAU and entries[0].source_label == "局.xlsx"


def test_validation_hints_at_an_indicator_placed_elsewhere_than_in_the_library(index):
    form = new_form(assets.template("2026"))
    cost = form.long_term[0]
    cost.children.append(Indicator(level=2, name="杂项", children=[Indicator(level=3, name="预算执行率", value="100%")]))
    template = assets.template("2026")
    hints = [f for f in validate_against(form, template, index) if f.rule == "library.placement"]
    assert len(hints) == 1 and hints[0].severity.value == "info"
    assert "管理效率／预算执行" in hints[0].message and "运行成本／杂项" in hints[0].message
    assert hints[0].location.section == "long_term" and hints[0].location.path[:1] == (0,)
    assert not [f for f in validate(form, template) if f.rule == "library.placement"]  # no library, no hint
