"""Indicator rules: what a reviewer rejects in the two indicator trees.

Every rule here walks the trees once; the GUI revalidates on every edit of forms with a thousand
indicators, so nothing may be quadratic in the number of rows.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from goalform.domain.cells import Cell
from goalform.domain.folding import fold
from goalform.domain.form import TREES, Form
from goalform.domain.messages import Text, joined, msg, name
from goalform.domain.names import TREE_NAMES
from goalform.domain.sections import BASIS, CATEGORY, VALUE, column_name
from goalform.domain.targets import is_placeholder
from goalform.domain.template import DefaultGroup, Template, ValueDomain
from goalform.domain.validation.core import Location, Missing, Severity, rule
from goalform.domain.validation.rows import Row, indicator_rows, leaf_rows, level2_rows

NONE_VALUE = "无"


def _is_none(text: str) -> bool:
    return NONE_VALUE in text and fold(text) == NONE_VALUE


@rule("indicators.level3", Severity.ERROR, "每个一级指标下至少要有一个三级指标（长期、年度两部分都要）",
      reports_missing=True)
def level1_has_indicators(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Placeholder rows (「……」) and unnamed rows do not count."""
    counted: dict[tuple[str, int], int] = {}
    for row in indicator_rows(form):
        key = (row.tree, row.path[0])
        counted[key] = counted.get(key, 0) + 1
    for tree in TREES:
        for i, l1 in enumerate(form.tree(tree)):
            if not counted.get((tree, i)):
                yield (
                    Location.of(Cell.indicator(l1.id), tree, (i,)),
                    Missing("{tree}的一级指标「{level1}」下还没有三级指标", tree=name(TREE_NAMES[tree]), level1=l1.name),
                )


@rule("indicators.empty_level2", Severity.WARNING, "二级指标下没有三级指标", reports_missing=True)
def empty_level2(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A 二级 without 三级 prints as an empty row: add indicators under it or delete it."""
    for row in level2_rows(form):
        if not row.node.children and row.node.name.strip() and not is_placeholder(row.node.name):
            yield row.at("name"), Missing("{row}下没有三级指标：请添加三级指标或删除此二级指标", row=row.title)


@rule("indicators.placeholder", Severity.ERROR, "不能留有「……」占位行")
def placeholders(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """The template marks with 「……」 where a department adds its own indicators; such rows must be
    filled in or deleted before the form is handed in. A placeholder 二级 is reported once, not
    again for the placeholder rows under it."""
    for row in level2_rows(form):
        if row.placeholder:
            yield row.at("name"), msg("{tree}「{where}」下仍有「……」占位行：请填写或删除", tree=name(TREE_NAMES[row.tree]), where=row.level1.name)
    for row in leaf_rows(form):
        if row.placeholder and not is_placeholder(row.level2.name):
            column = "name" if is_placeholder(row.node.name) else "value"
            where = row.level2.name.strip() or row.level1.name
            yield row.at(column), msg("{tree}「{where}」下仍有「……」占位行：请填写或删除", tree=name(TREE_NAMES[row.tree]), where=where)


@rule("indicators.name", Severity.ERROR, "二级、三级指标必须有名称", reports_missing=True)
def names(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A 二级 or 三级 row without a name prints as an empty cell; unnamed placeholder rows are left to indicators.placeholder."""
    for row in level2_rows(form):
        if not row.name:
            yield row.at("name"), Missing("{row}没有名称", row=row.title)
    for row in leaf_rows(form):
        if not row.name and not row.placeholder and not is_placeholder(row.level2.name):
            yield row.at("name"), Missing("{row}没有填写三级指标名称", row=row.title)


@rule("indicators.value", Severity.ERROR, "三级指标必须填写指标值（「无」只在模板允许时可用）",
      reports_missing=True)
def values(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """In the annual tree the value checked is the 预期当年实现值."""
    labels = _labels(template, VALUE)
    for row in indicator_rows(form):
        value = row.node.value
        label = labels[row.tree]
        if not value.strip():
            yield row.at(VALUE), Missing("{row}没有填写{label}", row=row.title, label=label)
        elif _is_none(value) and not template.value_none_allowed:
            yield row.at(VALUE), msg("{row}的{label}填了「无」：本版本的表不允许，请填写具体目标或删除此指标",
                                        row=row.title, label=label)


def _domain_problem(row: Row, value: str, domain: ValueDomain, allowed: frozenset[str], label: Text) -> str:
    """The message about ``row``'s ``value`` for a column whose values are ``domain``, or ""."""
    if domain.is_choice and value in allowed:
        return ""  # the common case: exactly one of the values, as picked from the list
    s = fold(value)
    if not s:
        if domain.is_choice:
            return Missing("{row}没有选择{label}", row=row.title, label=label)
        return Missing("{row}没有填写{label}", row=row.title, label=label)
    if domain.is_choice and s not in allowed:
        return msg("{row}的{label}「{value}」不是可选值（可选：{values}）", row=row.title, label=label,
                    value=value.strip(), values="、".join(domain.values))
    return ""


def _labels(template: Template, column: str) -> dict[str, Text]:
    """A column's name in each tree, from the template's labels (translated as the GUI shows them)."""
    return {tree: name(column_name(tree, column, template), "template") for tree in TREES}


def _allowed(domain: ValueDomain) -> frozenset[str]:
    return frozenset(fold(v) for v in domain.values)


@rule("indicators.basis", Severity.ERROR, "指标值确定依据必须填写；模板规定可选值时须从中选择",
      reports_missing=True)
def basis(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Rows whose value is 「无」 (where allowed) need no basis."""
    yield from _in_domain(form, template, BASIS, template.basis)


@rule("indicators.category", Severity.ERROR, "指标分类必须从模板规定的可选值中选择",
      reports_missing=True)
def category(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Rows whose value is 「无」 (where allowed) need no category."""
    yield from _in_domain(form, template, CATEGORY, template.category)


def _in_domain(form: Form, template: Template, column: str, domain: ValueDomain) -> Iterator[tuple[Location, str]]:
    """Each row's ``column`` filled in and, for a choice, one of the template's values; a row whose
    value is 「无」 (where allowed) needs neither."""
    allowed, labels = _allowed(domain), _labels(template, column)
    choice, none_allowed = domain.is_choice, template.value_none_allowed
    for row in indicator_rows(form):
        node = row.node
        text = getattr(node, column)
        if choice and text in allowed:
            continue  # the common case, inline (this runs for every row of every form of a summary)
        if none_allowed and _is_none(node.value):
            continue
        problem = _domain_problem(row, text, domain, allowed, labels[row.tree])
        if problem:
            yield row.at(column), problem


@rule("indicators.duplicate", Severity.ERROR, "同一个二级指标下不能有重名的三级指标")
def duplicates(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Names are compared without spaces and full-width folded; the second and later rows are reported."""
    seen: dict[tuple[str, tuple[int, ...], str], int] = {}
    for row in leaf_rows(form):
        if not row.name or row.placeholder:
            continue
        key = (row.tree, row.path[:2], row.name)
        first = seen.setdefault(key, row.path[2])
        if first != row.path[2]:
            yield (
                row.at("name"),
                msg("{tree}「{name}」与同一二级指标「{level2}」下第{n}行重名", tree=name(TREE_NAMES[row.tree]),
                    name=row.node.name.strip(), level2=row.level2.name.strip(), n=first + 1),
            )


@rule("indicators.history", Severity.WARNING, "上年已有的年度指标应填写近两年指标值", reports_missing=True)
def history(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """An annual indicator existed last year when it is one of the template's standard indicators
    (every department reports them each year) or when its 前年值 is given; then its 近两年指标值
    should be filled in."""
    standard = _standard_names(template)
    prev2, prev1 = template.history_years(form.year)
    for row in indicator_rows(form, ("annual",)):
        node = row.node
        if row.name in standard:
            missing = [y for y, v in ((prev2, node.prev2), (prev1, node.prev1)) if not v.strip()]
        elif node.prev2.strip() and not node.prev1.strip():
            missing = [prev1]
        else:
            continue
        if missing:
            column = "prev2" if prev2 in missing else "prev1"
            years = joined([msg("{year}年", year=y) for y in missing])
            yield row.at(column), Missing("{row}没有填写{years}的指标值", row=row.title, years=years)


def _standard_names(template: Template) -> frozenset[str]:
    return _names_of(template.default_indicators)


# Cached by the template's (hashable, immutable) default indicators, not by object identity.
@functools.lru_cache(maxsize=16)
def _names_of(groups: tuple[DefaultGroup, ...]) -> frozenset[str]:
    return frozenset(fold(i.name) for g in groups for i in g.indicators)


# -- a basis text that belongs to another indicator --------------------------------------------
_TRAILING = "。；;，,.、"  # punctuation that ends an explanation (spaces: fold() has dropped them all)
_MIN_EXPLANATION = 6  # shorter texts ("计划标准", "0") are not explanations


def _norm_explanation(text: str) -> str:
    if "[" in text:
        text = re.sub(r"\[[^\]]*\]", "", text)
    return fold(text).rstrip(_TRAILING)


def _template_explanations(template: Template) -> dict[str, frozenset[str]]:
    return _explanations_of(template.default_indicators)


@functools.lru_cache(maxsize=16)
def _explanations_of(groups: tuple[DefaultGroup, ...]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for group in groups:
        for d in group.indicators:
            text = _norm_explanation(d.basis)
            if len(text) >= _MIN_EXPLANATION:
                found.setdefault(text, set()).add(fold(d.name))
    return {text: frozenset(names) for text, names in found.items()}


@rule("indicators.basis_mismatch", Severity.ERROR, "指标值确定依据是另一个指标的说明（多为错行）")
def basis_mismatch(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Where the basis is free text (2024 version), a basis that is word for word the explanation of a
    different indicator of the same form — as the template gives it, or as the long-term tree gives
    it — means the texts have slipped by a row against their indicators. Only indicators the form
    actually has count, so a renamed standard indicator keeping its explanation is not reported."""
    if template.basis.is_choice:
        return
    present = {r.name for r in indicator_rows(form)}
    standard = _template_explanations(template)
    owners: dict[str, set[str]] = {t: set(n) for t, n in standard.items()}
    for row in indicator_rows(form, ("long_term",)):
        if len(row.node.basis) < _MIN_EXPLANATION:
            continue
        text = _norm_explanation(row.node.basis)
        # The long-term tree explains the department's own indicators; a long-term text that is the
        # template's explanation of another indicator is itself misplaced and explains nothing.
        if len(text) >= _MIN_EXPLANATION and text not in standard:
            owners.setdefault(text, set()).add(row.name)
    for row in indicator_rows(form):
        if len(row.node.basis) < _MIN_EXPLANATION:
            continue
        text = _norm_explanation(row.node.basis)
        names = owners.get(text)
        if not names:
            continue
        if row.name in names:
            continue
        others = sorted(n for n in names if n in present)
        if others:
            yield (
                row.at("basis"),
                msg("{row}的指标值确定依据是「{other}」的说明，可能与上下行错位，请核对", row=row.title, other=others[0]),
            )
