"""Walking the indicator trees for rules: every row with its location and a name people recognise.

The GUI revalidates after every edit of forms with a thousand indicators, so the trees are walked
once per :func:`validate` call: :func:`indexed` builds a :class:`TreeIndex` (rows with their cleaned
names and placeholder flags) that every rule then shares. Outside ``validate`` (a rule run on its
own, in tests) the index is built on demand.
"""
from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from goalform.domain.cells import Cell
from goalform.domain.folding import fold
from goalform.domain.form import TREES, Form, Indicator
from goalform.domain.messages import msg, name
from goalform.domain.names import TREE_NAMES
from goalform.domain.targets import is_placeholder
from goalform.domain.validation.location import Location

# A placeholder starts with one of these (is_placeholder, the full test, runs only then).
_PLACEHOLDER_START = frozenset("…⋯.。．· \u3000\t")


class Row:
    """A 二级 or 三级 row of a tree, with its 一级 (and 二级 for a 三级) and its index path; made by
    :class:`TreeIndex`.

    ``name``: the node's name without spaces, full-width folded. ``placeholder``: a 「……」 row (its
    name, or for a 三级 its value, is a placeholder). ``is_indicator``: a 三级 that is an indicator
    (named, not a placeholder, not under a placeholder 二级)."""

    __slots__ = ("tree", "path", "level1", "level2", "node", "name", "placeholder", "is_indicator")
    tree: str
    path: tuple[int, ...]
    level1: Indicator
    level2: Indicator
    node: Indicator
    name: str
    placeholder: bool
    is_indicator: bool

    def at(self, column: str = "") -> Location:
        return Location.of(Cell.indicator(self.node.id, column), self.tree, self.path)

    @property
    def title(self) -> str:
        """「年度指标「会议费控制率」」, or where the row sits when it has no name yet."""
        tree = name(TREE_NAMES[self.tree])
        shown = self.node.name.strip()
        if shown:
            return msg("{tree}「{name}」", tree=tree, name=shown)
        if self.node is self.level2:
            return msg("{tree}（{level1}下第{n}个二级指标）", tree=tree, level1=self.level1.name, n=self.path[-1] + 1)
        where = self.level2.name.strip() or self.level1.name
        return msg("{tree}（{where}下第{n}行）", tree=tree, where=where, n=self.path[-1] + 1)


class TreeIndex:
    """Every 二级 and 三级 row of both trees, built in one walk.

    Every row's fields are set here, inline: this runs for every form of a province's summary and
    after every edit in the GUI, and a constructor call per row took a third of the time."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.level2: dict[str, list[Row]] = {}
        self.leaves: dict[str, list[Row]] = {}
        self.indicators: dict[str, list[Row]] = {}
        new, start = Row.__new__, _PLACEHOLDER_START
        for tree in TREES:
            level2: list[Row] = []
            leaves: list[Row] = []
            indicators: list[Row] = []
            for i, l1 in enumerate(form.tree(tree)):
                for j, l2 in enumerate(l1.children):
                    row2 = new(Row)
                    row2.tree, row2.path, row2.level1, row2.level2, row2.node = tree, (i, j), l1, l2, l2
                    text = l2.name
                    row2.name = fold(text)
                    row2.placeholder = above = bool(text) and text[0] in start and is_placeholder(text)
                    row2.is_indicator = False
                    level2.append(row2)
                    for k, l3 in enumerate(l2.children):
                        row = new(Row)
                        row.tree, row.path, row.level1, row.level2, row.node = tree, (i, j, k), l1, l2, l3
                        text, value = l3.name, l3.value
                        row.name = name = fold(text)
                        row.placeholder = placeholder = ((bool(text) and text[0] in start and is_placeholder(text))
                                                         or (bool(value) and value[0] in start and is_placeholder(value)))
                        row.is_indicator = bool(name) and not placeholder and not above
                        leaves.append(row)
                        if row.is_indicator:
                            indicators.append(row)
            self.level2[tree] = level2
            self.leaves[tree] = leaves
            self.indicators[tree] = indicators


_ACTIVE: contextvars.ContextVar[TreeIndex | None] = contextvars.ContextVar("goalform_tree_index", default=None)


@contextlib.contextmanager
def indexed(form: Form) -> Iterator[TreeIndex]:
    """Share one :class:`TreeIndex` of ``form`` among the rules run inside the block."""
    index = TreeIndex(form)
    token = _ACTIVE.set(index)
    try:
        yield index
    finally:
        _ACTIVE.reset(token)


def index_of(form: Form) -> TreeIndex:
    index = _ACTIVE.get()
    return index if index is not None and index.form is form else TreeIndex(form)


def _rows(by_tree: dict[str, list[Row]], trees: tuple[str, ...]) -> list[Row]:
    if len(trees) == 1:
        return by_tree[trees[0]]
    return [r for t in trees for r in by_tree[t]]


def level2_rows(form: Form, trees: tuple[str, ...] = TREES) -> list[Row]:
    return _rows(index_of(form).level2, trees)


def leaf_rows(form: Form, trees: tuple[str, ...] = TREES) -> list[Row]:
    """Every 三级 row, placeholders included."""
    return _rows(index_of(form).leaves, trees)


def indicator_rows(form: Form, trees: tuple[str, ...] = TREES) -> list[Row]:
    """The 三级 rows that are indicators: named, not a 「……」 placeholder, not under a placeholder 二级."""
    return _rows(index_of(form).indicators, trees)
