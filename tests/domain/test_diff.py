"""diff_forms: every difference, in reading order, indicators matched by name so moves are moves."""
from __future__ import annotations

import copy

from helpers.reference_forms import reference_form, reference_template

from goalform.domain.diff import diff_forms, shown
from goalform.domain.form import Indicator
from goalform.domain.rollover import roll_forward


def _kinds(diffs):
    return [d.kind for d in diffs]


def test_equal_forms_have_no_difference() -> None:
    a = reference_form("2026")
    assert diff_forms(a, copy.deepcopy(a)) == []


def test_amounts_compare_by_value_and_texts_ignore_trailing_blanks() -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    b.funds[("fiscal", "current")] = "509.410 万元"
    b.texts["tasks"] = a.texts["tasks"] + "  \n"
    b.funds[("personnel", "prev2")] = "1,000"
    t = reference_template("2024")
    diffs = diff_forms(a, b, t, t)
    assert len(diffs) == 1
    d = diffs[0]
    assert (d.kind, d.location.as_text(), d.old, d.new) == ("fund", "funds/personnel/prev2", "226.59", "1,000")
    assert d.message == "人员类项目支出（2022年金额）：「226.59」 改为 「1,000」"


def test_template_and_year_come_first() -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    b.department = "另一个部门"
    b.year = 2025
    b.template_id = "2026"
    diffs = diff_forms(a, b)
    assert _kinds(diffs)[:3] == ["template", "year", "field"]
    assert diffs[0].message == "模板版本不同：2024版 → 2026版"
    assert diffs[1].message.startswith("年度不同：2024年 → 2025年（金额和指标的各年数值按年份比较：2023年、2024年；")


def test_indicator_moved_within_its_group_is_one_move() -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    group = b.annual[1].children[1].children  # 预算编制: 4 indicators
    group.insert(3, group.pop(0))  # 预算编制科学性 to the end
    diffs = diff_forms(a, b)
    assert _kinds(diffs) == ["indicator_moved"]
    assert diffs[0].old == "1" and diffs[0].new == "4"
    assert "预算编制科学性" in diffs[0].message and "从第1行移到第4行" in diffs[0].message
    assert diffs[0].location.section == "annual" and diffs[0].location.path == (1, 1, 0)


def test_indicator_moved_to_another_group_with_a_change() -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    leaf = b.annual[1].children[1].children.pop(0)  # 预算编制科学性
    leaf.value = "较科学"
    b.annual[1].children[2].children.append(leaf)  # to 预算执行
    diffs = diff_forms(a, b)
    assert _kinds(diffs) == ["indicator_moved", "indicator_changed"]
    assert "从「管理效率 › 预算编制」移到「管理效率 › 预算执行」" in diffs[0].message
    assert diffs[1].old == "科学" and diffs[1].new == "较科学" and "预期当年实现值" in diffs[1].message


def test_added_removed_and_changed_indicators() -> None:
    a = reference_form("2026")
    b = copy.deepcopy(a)
    l2 = b.long_term[0].children[0]
    removed = l2.children.pop(0).name
    l2.children.append(Indicator(level=3, name="新指标", value="≥95%", basis="计划标准", category="基本型"))
    b.annual[5].children[0].children[0].prev1 = "97%"
    b.long_term[2].children.append(Indicator(level=2, name="新二级"))
    diffs = diff_forms(a, b)
    kinds = _kinds(diffs)
    assert kinds == ["level2_added", "indicator_removed", "indicator_added", "indicator_changed"]
    assert removed in diffs[1].message and "删除了" in diffs[1].message
    assert "新增了「运行成本 › 公用经费控制 › 新指标」（指标值：≥95%；指标值确定依据：计划标准；指标分类：基本型）" in diffs[2].message
    assert diffs[3].location.as_text() == "annual/6.1.1/prev1" and "上年值" in diffs[3].message


def test_repeated_names_are_matched_in_order() -> None:
    a = reference_form("2026")  # several 「……」 placeholders under the same 二级
    b = copy.deepcopy(a)
    assert diff_forms(a, b) == []
    placeholders = [l3 for l2 in b.long_term[2].children for l3 in l2.children if l3.name == "……"]
    assert placeholders
    placeholders[-1].value = "10"
    diffs = diff_forms(a, b)
    assert _kinds(diffs) == ["indicator_changed"]


def test_header_text_and_notes_messages() -> None:
    a = reference_form("2026")
    b = copy.deepcopy(a)
    b.phone = ""
    b.notes = "导入说明"
    b.deadline = "2028年12月"
    t = reference_template("2026")
    messages = [d.message for d in diff_forms(a, b, t, t)]
    assert messages == [
        "联系电话：清空了「027-87654321」",
        "长期目标截止时间：「28年」 改为 「2028年12月」",
        "备注：填写了「导入说明」",
    ]


# -- comparisons across years ---------------------------------------------------------------------------
def _rolled(year: str = "2024"):
    a, t = reference_form(year), reference_template(year)
    return a, roll_forward(a, t).form, t


def test_a_form_against_its_rollover_changes_no_figure() -> None:
    a, b, t = _rolled()
    diffs = diff_forms(a, b, t, t)
    # Only the year and the notes the rollover writes; the 「100%」 the original printed as a 合计
    # is gone (rollover drops printed totals), every amount and indicator value stayed in its year.
    assert _kinds(diffs) == ["year", "stated_total", "notes"]
    assert "按年份比较：2023年、2024年" in diffs[0].message and "2022年、2025年未比较" in diffs[0].message
    assert diffs[1].message == "原表所填收入合计（2023年金额）：清空了「100%」" and diffs[1].year == 2023
    assert not any(d.kind in ("fund", "indicator_changed") for d in diffs)
    a26, b26, t26 = _rolled("2026")
    assert not any(d.kind in ("fund", "stated_total", "indicator_changed") for d in diff_forms(a26, b26, t26, t26))


def test_a_real_change_of_a_history_figure_is_reported_with_its_year() -> None:
    a, b, t = _rolled()
    b.funds[("fiscal", "prev2")] = "660"  # 2023 in the 2025 form, 上年 (prev1) in the 2024 form
    leaf_b = b.annual[0].children[0].children[0]  # 公用经费控制率
    leaf_b.prev1 = "98%"  # 2024: the actual value replaces the expected one
    diffs = [d for d in diff_forms(a, b, t, t) if d.kind in ("fund", "indicator_changed")]
    assert [(d.kind, d.year) for d in diffs] == [("fund", 2023), ("indicator_changed", 2024)]
    fund, value = diffs
    assert fund.message == "财政拨款（2023年金额）：「655.81」 改为 「660」"
    assert fund.location.as_text() == "funds/fiscal/prev1" and fund.location_b.as_text() == "funds/fiscal/prev2"
    assert value.message == "年度绩效指标「运行成本 › 公用经费控制 › 公用经费控制率」的2024年值：「≤100%」 改为 「98%」"
    assert value.location.column == "value" and value.location_b.column == "prev1"
    assert value.as_json()["year"] == 2024 and shown(value) == ("≤100%", "98%")


def test_forms_of_one_year_keep_their_column_names_with_the_year() -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    b.annual[0].children[0].children[0].prev2 = "80%"
    b.funds[("fiscal", "current")] = "510"
    t = reference_template("2024")
    messages = [(d.message, d.year) for d in diff_forms(a, b, t, t)]
    assert messages == [("财政拨款（2024年当年金额）：「509.41」 改为 「510」", 2024),
                        ("年度绩效指标「运行成本 › 公用经费控制 › 公用经费控制率」的前年值（2022年）：「81%」 改为 「80%」", 2022)]


def test_forms_years_apart_compare_no_figures_and_say_so() -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    b.year = 2027
    b.funds[("fiscal", "current")] = "1"
    diffs = diff_forms(a, b)
    assert _kinds(diffs) == ["year"] and "两表没有共同的年份" in diffs[0].message


def test_shown_values_for_the_table() -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    group = b.annual[1].children[1].children
    group.insert(3, group.pop(0))
    b.annual[0].children[0].children.append(Indicator(level=3, name="新指标", value="1"))
    b.phone = ""
    shown_values = {d.kind: shown(d) for d in diff_forms(a, b)}
    assert shown_values["indicator_moved"] == ("第1行", "第4行")
    assert shown_values["indicator_added"] == ("（无）", "新指标")
    assert shown_values["field"] == ("027-86001234", "（空）")
