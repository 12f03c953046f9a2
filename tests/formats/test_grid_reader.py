"""Reading tables in the official layout back into forms."""
from __future__ import annotations


import pytest
from helpers.reference_forms import VERSIONS, read_reference, reference_dump

from goalform.formats.grid_reader import read_grid
from goalform.formats.layout import build_grid


def test_reads_the_2024_reference() -> None:
    result = read_reference("2024")
    form = result.form
    assert result.template.id == "2024" and form.year == 2024 and result.unmapped == []
    assert form.department == "鄂州市招商和投资促进中心"
    assert (form.filler, form.phone) == ("张晓明", "027-86001234")
    assert form.deadline == "2024年12月"
    assert form.fund("fiscal", "current") == "509.41" and form.fund("special_account", "current") == ""
    assert form.stated_totals[("income", "prev2")] == "100%"  # the reference's own error, kept
    l3 = form.annual[0].children[2].children[1]
    assert l3.basis.startswith("部门（单位）本年度三公经费") and "bookmark" not in l3.basis
    assert [l2.name for l2 in form.long_term[2].children] == ["数量指标", "质量指标"]
    assert form.long_term[3].children[0].children[0].name == "企业签约落户"


def test_reads_the_2026_reference() -> None:
    result = read_reference("2026")
    form = result.form
    assert result.template.id == "2026" and form.year == 2026 and result.unmapped == []
    assert form.fill_date == "2025-12-31" and form.deadline == "28年"
    assert form.department == "鄂州市临空经济区口岸和投资促进局"
    assert form.fund("fiscal", "prev2") == "581.4" and form.fund("personnel", "current") == "3"
    cost = form.long_term[0].children[2]
    assert [l3.name for l3 in cost.children] == ["会议费控制率", "“三公”经费变动率", "……"]
    leaf = form.annual[4].children[2].children[0]
    assert (leaf.name, leaf.prev2, leaf.prev1, leaf.value, leaf.category) == ("信息化建设情况", "无", "无", "智能导办", "创新型")


def _strip(form):
    d = dict(vars(form))  # every field of the form (Form is not a dataclass: goalform.domain.values)
    d.pop("stated_totals")
    return d


@pytest.mark.parametrize("version", VERSIONS)
def test_round_trip_through_the_grid(version: str) -> None:
    form = read_reference(version).form
    grid = build_grid(read_reference(version).template, form)
    again = read_grid(grid.texts(), before=grid.before, after=grid.after)
    assert again.template.id == version and again.unmapped == []
    assert _strip(again.form) == _strip(form)


@pytest.mark.parametrize("version", VERSIONS)
def test_recognises_version_without_title(version: str) -> None:
    before, rows, after = reference_dump(version)
    result = read_grid([list(r) for r in rows])  # no title, no notes: labels and values decide
    assert result.template.id == version
    assert result.form.year == int(version)


def _word_user_copy(rows):
    """What a Word user makes of the table: merges typed out as repeated text, spaces in labels."""
    out = []
    last = [""] * 9
    for row in rows:
        cells = list(row)
        if len(cells) == 9:  # annual indicator rows: fill the vertical merges with the text above
            cells = [c if c else (last[i] if i < 3 else "") for i, c in enumerate(cells)]
            last = cells
        out.append([c.replace("指标", "指\u00a0标").replace("构成", "构　成") for c in cells])
    return out


def test_tolerates_repeated_merges_and_stray_spaces() -> None:
    before, rows, after = reference_dump("2026")
    original = read_grid([list(r) for r in rows], before=before, after=after)
    messy = read_grid(_word_user_copy(rows), before=before, after=after)
    assert messy.unmapped == []
    assert _strip(messy.form) == _strip(original.form)


def test_long_term_value_typed_out_over_three_columns() -> None:
    before, rows, after = reference_dump("2024")
    rows = [list(r) for r in rows]
    row = rows[16]  # 公用经费控制率, 7 cells: value spans three grid columns
    rows[16] = row[:5] + [row[4], row[4]] + row[5:]
    result = read_grid(rows, before=before)
    leaf = result.form.long_term[0].children[0].children[0]
    assert (leaf.value, leaf.category) == ("≤100%", "计划标准") and leaf.basis.startswith("部门（单位）")


def test_reports_what_it_cannot_place() -> None:
    before, rows, after = reference_dump("2024")
    rows = [list(r) for r in rows]
    rows.insert(13, ["签字盖章", "某某"])
    rows[20][1] = "不存在的一级"
    result = read_grid(rows, before=before)
    texts = {(u.row, u.text) for u in result.unmapped}
    assert (13, "签字盖章") in texts and (13, "某某") in texts
    assert (20, "不存在的一级") in texts


def test_header_rows_typed_out_as_repeated_text() -> None:
    """Word users who split merged cells leave the label in every piece; the headers still read."""
    before, rows, after = reference_dump("2026")
    rows = [list(r) for r in rows]
    rows[2] = ["部门总体\n资金情况", "总体资金情况", "当年金额", "占比", "近两年收支金额", "近两年收支金额"]
    rows[3] = ["部门总体\n资金情况", "总体资金情况", "当年金额", "占比", "2024年", "2025年"]
    rows[58] = ["年度绩效指标", "一级\n指标", "二级指标", "三级指标", "近两年指标值", "近两年指标值", "预期当年实现值",
                "指标值确定依据", "指标分类"]
    rows[59] = ["年度绩效指标", "一级\n指标", "二级指标", "三级指标", "2024年", "2025年", "预期当年实现值",
                "指标值确定依据", "指标分类"]
    result = read_grid(rows)  # no title or notes: the gap before 指标值 and the values decide the version
    assert result.unmapped == []
    assert result.template.id == "2026" and result.form.year == 2026
    original = read_grid([list(r) for r in reference_dump("2026")[1]])
    assert _strip(result.form) == _strip(original.form)


def test_indicator_names_that_are_also_row_labels_stay_indicators() -> None:
    """An indicator may be called 年度目标 or 填报人: only a row's first cell is a row label."""
    from goalform import assets
    from goalform.domain.form import Indicator, new_form

    template = assets.template("2024")
    form = new_form(template, 2024)
    names = ["年度目标", "部门职能概述", "填报人", "部门（单位）名称", "合  计"]
    group = Indicator(level=2, name="年度工作任务", children=[
        Indicator(level=3, name=n, value="100%", basis="说明", category="计划标准") for n in names])
    form.annual[-1].children.append(group)
    form.long_term[-1].children.append(Indicator(level=2, name="年度目标", children=[
        Indicator(level=3, name="长期目标：", value="1")]))
    grid = build_grid(template, form)
    result = read_grid([[c.text for c in row] for row in grid.rows], before=grid.before, after=grid.after)
    assert result.unmapped == []
    assert [n.name for n in result.form.annual[-1].children[-1].children] == names
    assert result.form.long_term[-1].children[-1].children[0].name == "长期目标："


def test_level2_groups_that_differ_only_by_a_colon_stay_apart() -> None:
    """Found by the property test: 「质」 followed by 「质：」 were read as one group."""
    from goalform import assets
    from goalform.domain.form import Indicator, new_form

    template = assets.template("2024")
    form = new_form(template, 2024)
    form.annual[-1].children = [Indicator(level=2, name="质"), Indicator(level=2, name="质：")]
    grid = build_grid(template, form)
    result = read_grid([[c.text for c in row] for row in grid.rows], before=grid.before, after=grid.after)
    assert [g.name for g in result.form.annual[-1].children] == ["质", "质："]
