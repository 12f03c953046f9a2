"""The 指标分类 a new 三级 row gets when nothing says which one it is (inserted from the indicator
library, pasted from a sheet without that column): a default for the clerk to check, not a decision.

The template's own default indicators say it for the indicators they list (by name); otherwise the
tree's most common 分类 among its filled-in rows is the best guess. With neither, the row stays empty
(待填), as the template's list of choices has no "usual" value of its own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from goalform.domain.folding import fold
from goalform.domain.form import Indicator
from goalform.domain.library import PlannedRow
from goalform.domain.template import Template

FROM_TEMPLATE = "template"  # the template lists the indicator with its 分类
FROM_TREE = "tree"  # the most common 分类 of the tree


@dataclass(frozen=True)
class UsualCategory:
    value: str
    source: str  # FROM_TEMPLATE | FROM_TREE


def _leaves(roots: Iterable[Indicator]) -> Iterable[Indicator]:
    for l1 in roots:
        for l2 in l1.children:
            yield from (l3 for l3 in l2.children if l3.level == 3)


def tree_category(roots: Sequence[Indicator], template: Template) -> str:
    """The 分类 most 三级 rows of the tree have (one of the template's choices); ties go to the one the
    template lists first; "" when no row has one."""
    allowed = template.category.values
    counts = Counter(leaf.category for leaf in _leaves(roots) if leaf.category and leaf.category in allowed)
    if not counts:
        return ""
    return max(counts, key=lambda value: (counts[value], -allowed.index(value)))


def usual_category(name: str, roots: Sequence[Indicator], template: Template) -> UsualCategory | None:
    """The default 分类 of a new 三级 called ``name`` in the tree ``roots``; None when the template has
    no list of 分类 or nothing suggests one."""
    if not template.category.is_choice:
        return None
    key = fold(name)
    for group in template.default_indicators:
        for indicator in group.indicators:
            if fold(indicator.name) == key and indicator.category in template.category.values:
                return UsualCategory(indicator.category, FROM_TEMPLATE)
    value = tree_category(roots, template)
    return UsualCategory(value, FROM_TREE) if value else None


def with_usual_categories(rows: Sequence[PlannedRow], roots: Sequence[Indicator],
                          template: Template) -> tuple[list[PlannedRow], dict[int, UsualCategory]]:
    """The planned rows (``domain.library.plan_insert``) with a default 分类 on each new 三级 that has
    none, and which rows (by position in the list) got one."""
    out: list[PlannedRow] = []
    given: dict[int, UsualCategory] = {}
    for i, row in enumerate(rows):
        usual = None if row.level != 3 or row.values.get("category") else usual_category(
            row.values.get("name", ""), roots, template)
        if usual is not None:
            row = replace(row, values={**row.values, "category": usual.value})
            given[i] = usual
        out.append(row)
    return out, given
