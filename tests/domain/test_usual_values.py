"""The default 指标分类 of a new row (goalform.domain.usual_values)."""
from __future__ import annotations

from goalform import assets
from goalform.domain.form import new_form
from goalform.domain.library import PlannedRow
from goalform.domain.usual_values import (
    FROM_TEMPLATE,
    FROM_TREE,
    tree_category,
    usual_category,
    with_usual_categories,
)


def _leaves(roots):
    return [leaf for l1 in roots for l2 in l1.children for leaf in l2.children]


def test_the_template_says_it_for_its_own_indicators_else_the_tree():
    template = assets.template("2026")
    roots = new_form(template, 2026).tree("annual")
    for leaf in _leaves(roots)[:30]:
        leaf.category = "创新型"
    assert tree_category(roots, template) == "创新型"
    assert usual_category("预算 执行率", roots, template) == usual_category("预算执行率", roots, template)
    known = usual_category("预算执行率", roots, template)
    assert known is not None and (known.value, known.source) == ("基本型", FROM_TEMPLATE)
    guessed = usual_category("自编指标", roots, template)
    assert guessed is not None and (guessed.value, guessed.source) == ("创新型", FROM_TREE)


def test_nothing_suggested_leaves_it_empty():
    template = assets.template("2026")
    roots = new_form(template, 2026).tree("annual")
    for leaf in _leaves(roots):
        leaf.category = ""
    assert tree_category(roots, template) == ""
    assert usual_category("自编指标", roots, template) is None


def test_planned_rows_get_a_category_only_where_they_have_none():
    template = assets.template("2026")
    roots = new_form(template, 2026).tree("annual")
    rows = [PlannedRow(2, 1, 0, {"name": "新二级"}, "new:0"),
            PlannedRow(3, "new:0", 0, {"name": "自编指标"}),
            PlannedRow(3, "new:0", 1, {"name": "另一指标", "category": "创新型"})]
    out, given = with_usual_categories(rows, roots, template)
    assert [r.values.get("category") for r in out] == [None, "基本型", "创新型"]
    assert list(given) == [1]
