"""The 部门整体绩效目标表 as plain data.

A :class:`Form` holds what a clerk types, never what can be derived: the two 合计 rows and every
占比 are computed (:mod:`goalform.domain.funds`). The only exception is ``stated_totals``: totals as
they were found in an imported document, kept so that validation can point out a 合计 that does
not add up (the 2024 reference has one).
"""
from __future__ import annotations

from collections.abc import Iterator
from enum import Enum

from goalform.domain.review import Review
from goalform.domain.template import COLUMNS, Template
from goalform.domain.values import Value

# Header fields and text sections share one namespace of single-valued fields (a Cell.field's key).
HEADER_FIELDS: tuple[str, ...] = ("department", "filler", "phone", "fill_date")
# Single-valued fields besides the header and the texts: the deadline of 长期目标 and the notes (备注).
OTHER_FIELDS: tuple[str, ...] = ("deadline", "notes")
# The form's version and year, kept as ``field`` rows of a .goal and shown on the header tab; never typed.
VERSION_FIELDS: tuple[str, ...] = ("template", "year")
TREES: tuple[str, ...] = ("long_term", "annual")

# The editable columns of a 三级指标. prev2/prev1 (前年值/上年值) exist only in the annual tree;
# in the annual tree ``value`` is the 预期当年实现值.
INDICATOR_COLUMNS: tuple[str, ...] = ("name", "value", "basis", "category", "prev2", "prev1")


class Tree(str, Enum):
    LONG_TERM = "long_term"
    ANNUAL = "annual"


class IndicatorCells:
    """An indicator's cells read by column name: :class:`Indicator`, and the store's IndicatorRecord."""

    __slots__ = ()

    def get(self, column: str) -> str:
        if column not in INDICATOR_COLUMNS:
            raise KeyError(column)
        return getattr(self, column)


class Indicator(IndicatorCells, Value):
    """A node of an indicator tree: a fixed 一级 (level 1), a 二级 (2) or a 三级 (3) with its values."""

    level: int
    name: str
    key: str  # the template's key, for level 1 only
    value: str
    basis: str
    category: str
    prev2: str
    prev1: str
    children: list["Indicator"]
    id: int | None  # the store's id, when loaded from a .goal

    def __init__(self, level: int, name: str = "", key: str = "", value: str = "", basis: str = "",
                 category: str = "", prev2: str = "", prev1: str = "", children: list["Indicator"] | None = None,
                 id: int | None = None) -> None:
        self.level = level
        self.name = name
        self.key = key
        self.value = value
        self.basis = basis
        self.category = category
        self.prev2 = prev2
        self.prev1 = prev1
        self.children = [] if children is None else children
        self.id = id

    def set(self, column: str, text: str) -> None:
        if column not in INDICATOR_COLUMNS:
            raise KeyError(column)
        setattr(self, column, text)


class Form(Value):
    template_id: str
    year: int
    department: str
    filler: str
    phone: str
    fill_date: str  # ISO yyyy-mm-dd, or "" when not given
    deadline: str  # the deadline of 长期目标 as printed, e.g. "2028年12月"
    texts: dict[str, str]
    funds: dict[tuple[str, str], str]  # (line key, column) -> amount text
    stated_totals: dict[tuple[str, str], str]  # (group key, column) -> text
    long_term: list[Indicator]  # level-1 nodes in template order
    annual: list[Indicator]
    notes: str
    # Comments and status, when loaded from a .goal. Not form content: equality and the fingerprint ignore it.
    review: Review | None

    _not_compared = ("review",)

    def __init__(self, template_id: str, year: int, department: str = "", filler: str = "", phone: str = "",
                 fill_date: str = "", deadline: str = "", texts: dict[str, str] | None = None,
                 funds: dict[tuple[str, str], str] | None = None,
                 stated_totals: dict[tuple[str, str], str] | None = None, long_term: list[Indicator] | None = None,
                 annual: list[Indicator] | None = None, notes: str = "", review: Review | None = None) -> None:
        self.template_id = template_id
        self.year = year
        self.department = department
        self.filler = filler
        self.phone = phone
        self.fill_date = fill_date
        self.deadline = deadline
        self.texts = {} if texts is None else texts
        self.funds = {} if funds is None else funds
        self.stated_totals = {} if stated_totals is None else stated_totals
        self.long_term = [] if long_term is None else long_term
        self.annual = [] if annual is None else annual
        self.notes = notes
        self.review = review

    def tree(self, name: str) -> list[Indicator]:
        if name == Tree.LONG_TERM.value:
            return self.long_term
        if name == Tree.ANNUAL.value:
            return self.annual
        raise KeyError(name)

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def fund(self, line: str, column: str) -> str:
        return self.funds.get((line, column), "")


def walk(nodes: list[Indicator], prefix: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Indicator]]:
    """Every node below ``nodes``, depth first, with its index path."""
    for i, node in enumerate(nodes):
        path = prefix + (i,)
        yield path, node
        yield from walk(node.children, path)


def leaves(form: Form, tree: str) -> Iterator[tuple[Indicator, Indicator, Indicator]]:
    """Every 三级指标 of a tree as (一级, 二级, 三级)."""
    for l1 in form.tree(tree):
        for l2 in l1.children:
            for l3 in l2.children:
                yield l1, l2, l3


def empty_tree(template: Template) -> list[Indicator]:
    return [Indicator(level=1, name=l1.name, key=l1.key) for l1 in template.level1]


def default_tree(template: Template, annual: bool) -> list[Indicator]:
    """The indicator tree a new form starts with: the template's fixed 一级 and default indicators."""
    roots = empty_tree(template)
    by_key = {r.key: r for r in roots}
    for group in template.default_indicators:
        l2 = Indicator(level=2, name=group.name)
        for d in group.indicators:
            l2.children.append(Indicator(level=3, name=d.name, basis=d.basis, category=d.category))
        by_key[group.level1].children.append(l2)
    return roots


def new_form(template: Template, year: int | None = None) -> Form:
    """A blank form of ``template`` for ``year`` (default: the template's own first year)."""
    form = Form(template_id=template.id, year=year if year is not None else template.first_year)
    form.texts = {t.key: "" for t in template.texts}
    form.long_term = default_tree(template, annual=False)
    form.annual = default_tree(template, annual=True)
    return form


def ensure_level1(form: Form, template: Template) -> None:
    """Make both trees hold exactly the template's 一级 nodes, in order, keeping their children.

    Nodes under an unknown 一级 are appended to the matching name if any, else kept under a
    trailing node so nothing is lost.
    """
    for name in TREES:
        old = form.tree(name)
        by_key = {n.key: n for n in old if n.key}
        by_name = {n.name: n for n in old}
        fixed: list[Indicator] = []
        for l1 in template.level1:
            node = by_key.get(l1.key) or by_name.get(l1.name) or Indicator(level=1)
            node.level, node.key, node.name = 1, l1.key, l1.name
            fixed.append(node)
        strays = [n for n in old if all(n is not f for f in fixed)]
        for stray in strays:
            fixed[-1].children.extend(stray.children)
        old[:] = fixed
