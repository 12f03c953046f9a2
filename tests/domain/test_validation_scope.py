"""An edit revalidates only the rules it can change (issue 25): after every edit of many edit sequences
(amounts, fields, text sections, every column of 二级 and 三级 rows: blanks, 无, 「……」, duplicates, the
last indicator of a group, values that flip a whole-tree rule, markup) the scoped findings are exactly
what a full validation of the same form gives, in the same order. A rule that reads a cell but is
missing from goalform.domain.validation.scope for it (or is marked ROW while it compares rows) fails here."""
from __future__ import annotations

import copy
import itertools

import pytest
from helpers.valid_forms import valid_form
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalform.domain.cells import Cell
from goalform.domain.fingerprint import fingerprint
from goalform.domain.form import HEADER_FIELDS, TREES, Form, Indicator, new_form, walk
from goalform.domain.library import LibraryEntry, LibraryIndex
from goalform.domain.review import Review, Status, StatusChange
from goalform.domain.rollover import roll_forward
from goalform.domain.template import Template
from goalform.domain.validation import validate
from goalform.domain.validation.kept import KeptCheck
from goalform.domain.validation.library import validate_against
from goalform.domain.validation.scope import (AMOUNT_RULES, AMOUNT_SCOPE, FIELDS, INDICATOR_COLUMNS, KNOWN, ROW,
                                              WHOLE)
from goalform import assets

AMOUNTS = ["", "0", "12.5", "500", "1,000", "３００万元", "-3", "1.234", "abc", "500元", "99999999999", "<br>5", "5\x01",
           "1e3", " 7 "]


def _library() -> LibraryIndex:
    """Standard indicators placed under other 一级/二级 than the templates put them, and a made-up one."""
    rows = [("产出", "数量", "公用经费控制率"), ("效益", "社会效益", "会议费控制率"), ("满意度", "服务对象满意度", "自编指标")]
    return LibraryIndex([LibraryEntry(a, b, c) for a, b, c in rows])


def _with_ids(form: Form) -> Form:
    n = 0
    for tree in TREES:
        for _, node in walk(form.tree(tree)):
            n += 1
            node.id = n
    return form


def _forms():
    for version in ("2024", "2026"):
        form, template = valid_form(version)
        yield f"valid {version}", form, template
        yield f"blank {version}", new_form(template), template
        yield f"rolled over {version}", roll_forward(form, template).form, template
        submitted = copy.deepcopy(form)
        submitted.review = Review([], [StatusChange(Status.SUBMITTED, "张三", "2026-01-01T00:00:00+08:00",
                                                    fingerprint(form), "")])
        yield f"submitted {version}", submitted, template


CASES = list(_forms())


def _full(kept: KeptCheck) -> list:
    return validate_against(kept.form, kept.template, kept.library)


def _edit(kept: KeptCheck, cells: dict[Cell, str]) -> None:
    """Write ``cells`` into the kept form (as the runner does from the document's caches), revalidate in
    scope and compare with a full validation."""
    form = kept.form
    for cell, text in cells.items():
        if cell.kind == "indicator":
            kept.node(cell.indicator_id).set(cell.column, text)
        elif cell.kind == "fund":
            form.funds[(cell.key, cell.column)] = text
        elif cell.key in HEADER_FIELDS or cell.key in ("deadline", "notes"):
            setattr(form, cell.key, text)
        else:
            form.texts[cell.key] = text
    assert kept.revalidate(cells), cells
    assert kept.findings == _full(kept), cells


def _rows(form: Form, tree: str, level: int) -> list[Indicator]:
    return [node for path, node in walk(form.tree(tree)) if len(path) == level]


def _values(template: Template, form: Form, column: str, node: Indicator, tree: str) -> list[str]:
    """Texts for ``column`` that flip rules: blanks, 无, 「……」, duplicates, names the other tree has,
    rates out of range, a basis that is another indicator's explanation, markup, rollover values."""
    siblings = [n.name for l2 in _rows(form, tree, 2) for n in l2.children if node in l2.children]
    other = "annual" if tree == "long_term" else "long_term"
    standard = [d for g in template.default_indicators for d in g.indicators]
    if column == "name":
        return ["", "  ", "……", *siblings[:2], *(n.name for n in _rows(form, other, 3)[:2]), standard[0].name,
                standard[2].name, "自编指标", "满意度", "名称[bookmark: _GoBack]", "名称\x01", node.name]
    if column == "value":
        return ["", "无", "　无 ", "……", "≥90%", "有效提升", "150%", "≤-5%", "12个", "≥50%", "≥95%", "x<br>", "无", node.value]
    if column == "basis":
        return ["", *template.basis.values[:1], "其他说明", standard[1].basis, standard[3].basis + "。", "依据\x07",
                node.basis]
    if column == "category":
        return ["", *template.category.values[:2], "不是分类", "分类_GoBack", node.category]
    return ["", "95%", "150%", "88%", "100%", "有效提升", "-3%", "x&nbsp;", getattr(node, column)]


@pytest.mark.parametrize("name, form, template", CASES, ids=[c[0] for c in CASES])
def test_amount_edits_change_only_the_amount_rules(name, form, template) -> None:  # noqa: ANN001
    cells = [(line.key, column) for g in template.funds for line in g.lines for column in ("current", "prev1", "prev2")]
    before = validate(form, template)
    for (line, column), text in zip(itertools.cycle(cells[::3] + cells[1::3]), AMOUNTS * 3):
        form.funds[(line, column)] = text
        if text == "12.5":
            form.stated_totals[(template.funds[0].key, column)] = "999"
        elif text == "0":
            form.stated_totals.clear()
        full = validate(form, template)
        assert validate(form, template, scope=AMOUNT_SCOPE, keep=before) == full, (line, column, text)
        before = full


@pytest.mark.parametrize("library", [None, _library()], ids=["no library", "library"])
@pytest.mark.parametrize("name, form, template", CASES, ids=[c[0] for c in CASES])
def test_indicator_edits_of_every_column(name, form, template, library) -> None:  # noqa: ANN001
    kept = KeptCheck(_with_ids(copy.deepcopy(form)), template, library)
    assert kept.findings == _full(kept)
    for tree in TREES:
        leaves = _rows(kept.form, tree, 3)
        columns = ("name", "value", "basis", "category") + (("prev2", "prev1") if tree == "annual" else ())
        for i, column in enumerate(columns):
            for node in leaves[i::5][:3]:
                for text in _values(template, kept.form, column, node, tree):
                    _edit(kept, {Cell.indicator(node.id, column): text})
        for l2 in _rows(kept.form, tree, 2)[:3]:  # a 二级: its name reaches the 三级 under it
            for text in ["", "……", "　", "二级[comment: x]", _rows(kept.form, tree, 2)[-1].name, l2.name]:
                _edit(kept, {Cell.indicator(l2.id, "name"): text})
            _edit(kept, {Cell.indicator(l2.id, "value"): "x\x01"})
        bare = kept.form.tree(tree)[-1].children[-1]  # a 二级 with no 三级: named, it is reported
        bare.children.clear()
        kept = KeptCheck(kept.form, template, library)
        for text in ["", "空二级", "……", "空二级"]:
            _edit(kept, {Cell.indicator(bare.id, "name"): text})


@pytest.mark.parametrize("name, form, template", CASES, ids=[c[0] for c in CASES])
def test_the_last_indicator_of_a_group_and_whole_tree_flips(name, form, template) -> None:  # noqa: ANN001
    kept = KeptCheck(_with_ids(copy.deepcopy(form)), template, _library())
    for tree in TREES:
        l1 = next(l1 for l1 in kept.form.tree(tree) if any(l2.children for l2 in l1.children))
        group = [leaf for l2 in l1.children for leaf in l2.children]
        names = [leaf.name for leaf in group]
        for leaf in group:  # emptied one by one: the last one makes the 一级 empty (indicators.level3)
            _edit(kept, {Cell.indicator(leaf.id, "name"): ""})
        for leaf in group:
            _edit(kept, {Cell.indicator(leaf.id, "value"): "……"})
        for leaf, name in zip(group, names):
            _edit(kept, {Cell.indicator(leaf.id, "name"): name, Cell.indicator(leaf.id, "value"): "≥1个"})
        for leaf in _rows(kept.form, tree, 3):  # every value 有效提升: the quantified share goes to 0
            _edit(kept, {Cell.indicator(leaf.id, "value"): "有效提升"})
        for leaf in _rows(kept.form, tree, 3)[:4]:  # all named alike: duplicates and the other tree's match
            _edit(kept, {Cell.indicator(leaf.id, "name"): "同名指标"})


@pytest.mark.parametrize("name, form, template", CASES, ids=[c[0] for c in CASES])
def test_field_and_text_edits(name, form, template) -> None:  # noqa: ANN001
    kept = KeptCheck(_with_ids(copy.deepcopy(form)), template)
    texts = {
        "department": ["", "  ", "示例局", "示例局<br>"], "filler": ["", "王五", "王五\x01"],
        "phone": ["", "12", "027-87654321", "13812345678、027-1234567-801", "电话"],
        "fill_date": ["", "2025-02-30", "2025-12-31", "年底"],
        "deadline": ["", "28年", "2020年12月", f"{form.year + 2}年12月", "不久", "2030年[bookmark: a]"],
        "notes": ["", "备注<p>", form.notes, kept.form.notes + "\n备注"],
    }
    for key, values in texts.items():
        for text in values:
            _edit(kept, {Cell.field(key): text})
    for t in template.texts:
        for text in ["", "\u3000", "内容", "内容&nbsp;", "内容"]:
            _edit(kept, {Cell.field(t.key): text})
    line = template.funds[0].lines[0].key
    _edit(kept, {Cell.field("phone"): "1", Cell.fund(line, "current"): "-1",
                 Cell.indicator(_rows(kept.form, "annual", 3)[0].id, "prev1"): "200%"})


def test_edits_it_cannot_scope_ask_for_a_full_check() -> None:
    form, template = valid_form("2026")
    kept = KeptCheck(_with_ids(form), template)
    level1 = form.annual[0].id
    before = list(kept.findings)
    two_rows = [Cell.indicator(leaf.id, "value") for leaf in _rows(form, "annual", 3)[:2]]
    for cells in (two_rows, [Cell.form()], [Cell.indicator(level1, "value")], [Cell.indicator(10 ** 6, "name")],
                  [Cell.field("year")], [Cell.field("unknown")], [Cell.indicator(form.annual[0].children[0].id, "key")]):
        assert not kept.revalidate(cells) and kept.findings == before


def test_scope_names_only_real_rules_and_reaches() -> None:
    from goalform.domain.validation import all_rules

    ids = {spec.id for spec in all_rules()}
    for reach in [*FIELDS.values(), *INDICATOR_COLUMNS.values()]:
        assert set(reach) <= ids and set(reach.values()) <= {ROW, WHOLE}
    assert AMOUNT_RULES <= ids
    assert KNOWN == ids  # every rule placed on purpose (one that is not runs again on every edit)


def test_a_rule_the_scope_does_not_know_runs_on_every_edit(monkeypatch) -> None:
    from goalform.domain.validation import core
    from goalform.domain.validation.core import Location, RuleSpec, Severity

    def check(form, template):  # noqa: ANN001, ANN202
        for path, node in walk(form.long_term):
            if len(path) == 3 and node.category == "新规则":
                yield Location.of(Cell.indicator(node.id, "category"), "long_term", path), "新规则"

    monkeypatch.setitem(core._RULES, "test.new", RuleSpec("test.new", Severity.WARNING, "test", check))
    form, template = valid_form("2026")
    kept = KeptCheck(_with_ids(form), template)
    leaf = form.long_term[0].children[0].children[0]
    _edit(kept, {Cell.indicator(leaf.id, "category"): "新规则"})
    assert any(f.rule == "test.new" for f in kept.findings)


# -- random forms, random edits ---------------------------------------------------------------------------
ALPHABET = st.sampled_from(list("率数≥≤<>=%％0123456789.-…。，、无有效提升年月 \u3000\t\n\x07[]_:") +
                           ["计划标准", "基本型", "……", "无", "满意度", "<br>", "同名"])
TEXT = st.lists(ALPHABET, max_size=6).map("".join)


@st.composite
def edited_forms(draw):  # noqa: ANN001, ANN201
    template = assets.template(draw(st.sampled_from(["2024", "2026"])))
    form = new_form(template, draw(st.integers(min_value=2020, max_value=2030)))
    form.department, form.phone, form.deadline, form.notes = (draw(TEXT) for _ in range(4))
    form.texts = {t.key: draw(TEXT) for t in template.texts}
    for tree in TREES:
        for l1 in form.tree(tree):
            if draw(st.booleans()):
                l1.children = [Indicator(level=2, name=draw(TEXT), children=[
                    Indicator(level=3, name=draw(TEXT), value=draw(TEXT), basis=draw(TEXT), category=draw(TEXT),
                              prev2=draw(TEXT), prev1=draw(TEXT)) for _ in range(draw(st.integers(0, 3)))])
                    for _ in range(draw(st.integers(0, 2)))]
    _with_ids(form)
    nodes = [n for tree in TREES for path, n in walk(form.tree(tree)) if len(path) >= 2]
    keys = list(HEADER_FIELDS) + ["deadline", "notes"] + [t.key for t in template.texts]
    cell = st.one_of(
        st.builds(Cell.field, st.sampled_from(keys)),
        st.builds(Cell.fund, st.sampled_from([l.key for g in template.funds for l in g.lines]),
                  st.sampled_from(["current", "prev1", "prev2"])),
        *([st.builds(Cell.indicator, st.sampled_from([n.id for n in nodes]),
                     st.sampled_from(["name", "value", "basis", "category", "prev2", "prev1"]))] if nodes else []),
    )
    edits = draw(st.lists(st.dictionaries(cell, TEXT, min_size=1, max_size=3), min_size=1, max_size=8))
    return form, template, edits


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_forms(), st.booleans())
def test_random_edits_of_random_forms(case, with_library) -> None:  # noqa: ANN001
    form, template, edits = case
    kept = KeptCheck(form, template, _library() if with_library else None)
    kept.max_rows = 10 ** 6  # the scopes of any number of rows add up (the GUI scopes one row)
    for cells in edits:
        _edit(kept, cells)
