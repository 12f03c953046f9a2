"""The layout grid reproduces the reference forms cell for cell (only their known errors differ)."""
from __future__ import annotations

from helpers import formdump
import pytest
from helpers.reference_forms import VERSIONS, read_reference, reference_dump

from goalform import assets
from goalform.domain.form import Indicator, new_form
from goalform.formats.layout import GRID_COLUMNS, build_grid

# Cells where the reference itself is wrong (reference README, "Known errors"): (row, cell).
KNOWN_ERRORS = {
    # income 合计: the history cells hold 「100%」 instead of the totals 651.74 / 655.81
    "2024": {(7, 5): ("100%", "651.74"), (7, 6): ("100%", "655.81")},
    # the 2026 version prints 「前 年」「上 年」 instead of the history years
    "2026": {(59, 4): ("前年", "2024年"), (59, 5): ("上年", "2025年")},
}


@pytest.mark.parametrize("version", VERSIONS)
def test_grid_matches_reference_cell_for_cell(version: str) -> None:
    result = read_reference(version)
    grid = build_grid(result.template, result.form)
    want = [[formdump.norm(c) for c in row] for row in reference_dump(version)[1]]
    got = [[formdump.norm(c) for c in row] for row in grid.texts()]
    assert len(got) == len(want)
    differ = {}
    for r, (g, w) in enumerate(zip(got, want)):
        assert len(g) == len(w), f"row {r}: {len(g)} cells, reference has {len(w)}"
        for c, (gc, wc) in enumerate(zip(g, w)):
            if gc != wc:
                differ[(r, c)] = (wc, gc)
    assert differ == KNOWN_ERRORS[version]


@pytest.mark.parametrize("version", VERSIONS)
def test_spans_cover_the_grid_exactly(version: str) -> None:
    result = read_reference(version)
    grid = build_grid(result.template, result.form)
    open_merges: dict[int, int] = {}  # grid column -> rows still covered below
    for r, row in enumerate(grid.rows):
        assert sum(c.colspan for c in row) == GRID_COLUMNS, r
        col = 0
        for cell in row:
            assert cell.col == col, (r, cell)
            col += cell.colspan
            if cell.merged:
                assert open_merges.get(cell.col, 0) > 0, (r, cell)
                assert cell.text == ""
                open_merges[cell.col] -= 1
            else:
                assert open_merges.get(cell.col, 0) == 0, (r, cell, "merge ends too late")
                open_merges[cell.col] = cell.rowspan - 1
    assert all(v == 0 for v in open_merges.values())


def test_before_and_after_come_from_the_template() -> None:
    t = assets.template("2026")
    form = new_form(t, 2026)
    form.fill_date = "2025-12-31"
    grid = build_grid(t, form)
    assert grid.before[0] == t.title
    assert grid.before[1].startswith("填报日期：2025年12月31日")
    assert grid.after == list(t.lines_below) and grid.after[0] == "填报说明"
    t24 = assets.template("2024")
    grid24 = build_grid(t24, new_form(t24, 2024))
    assert grid24.before == ["部门整体绩效目标表", "单位：万元"] and grid24.after == []


def test_empty_groups_still_print_one_row() -> None:
    t = assets.template("2024")
    form = new_form(t, 2025)
    for root in form.long_term:
        root.children = []
    form.long_term[0].children = [Indicator(level=2, name="公用经费控制")]  # a 二级 without 三级
    grid = build_grid(t, form)
    rows = [r for r in grid.rows if r.shape == "long_row"]
    assert len(rows) == len(t.level1)
    assert [c.text for c in rows[0]][1:4] == ["运行\n成本", "公用经费控制", ""]
    assert [c.text for c in rows[1]][1:4] == ["管理\n效率", "", ""]
    # real history years everywhere, from the template's own labels
    texts = grid.texts()
    assert ["", "", "", "", "2023年", "2024年"] == texts[3]
    assert "2023 年" in [c for row in texts for c in row]


def test_keys_tell_what_a_cell_holds() -> None:
    result = read_reference("2026")
    grid = build_grid(result.template, result.form)
    keys = {c.key: c for row in grid.rows for c in row if c.key}
    assert keys[("fund", "fiscal", "current")].text == "1424"
    assert keys[("share", "personnel")].text == "0.21%" and keys[("share", "personnel")].role == "derived"
    assert keys[("total", "expenditure", "prev1")].text == "487"
    assert keys[("text", "annual_goal")].text.startswith("持续推进")
    assert keys[("indicator", "annual", (0, 0, 0), "prev2")].text == "90%"
    assert keys[("field", "phone")].text == "027-87654321"
