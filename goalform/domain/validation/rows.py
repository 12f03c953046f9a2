"""Walking the indicator trees for rules: every row with its location and a name people recognise.

The GUI revalidates after every edit of forms with a thousand indicators, so the trees are walked
at most once per :func:`validate` call: :func:`indexed` shares one :class:`TreeIndex` (rows with their
cleaned names, placeholder and quantified flags), made when a rule first asks, among the rules of the
run, and likewise one reading of the amounts (:func:`funds_of`). The GUI keeps both between runs and
reads again only the rows an edit changed (:meth:`TreeIndex.refresh`); a rule run again on some rows only
sees a :meth:`TreeIndex.only` view. Outside ``validate`` (a rule run on its own, in tests) the index is
built on demand.
"""
from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Collection, Iterator

from goalform.domain.cells import Cell
from goalform.domain.folding import fold
from goalform.domain.form import TREES, Form, Indicator
from goalform.domain.funds import FundsReading
from goalform.domain.messages import msg, name
from goalform.domain.names import TREE_NAMES
from goalform.domain.targets import is_placeholder, is_quantified
from goalform.domain.template import Template
from goalform.domain.validation.location import Location

# A placeholder starts with one of these (is_placeholder, the full test, runs only then).
_PLACEHOLDER_START = frozenset("…⋯.。．· \u3000\t")


class Row:
    """A 二级 or 三级 row of a tree, with its 一级 (and 二级 for a 三级) and its index path; made by
    :class:`TreeIndex`.

    ``name``: the node's name without spaces, full-width folded. ``placeholder``: a 「……」 row (its
    name, or for a 三级 its value, is a placeholder). ``is_indicator``: a 三级 that is an indicator
    (named, not a placeholder, not under a placeholder 二级). ``quantified``: its value states a number
    (read once here for every rule that asks)."""

    __slots__ = ("tree", "path", "level1", "level2", "node", "name", "placeholder", "is_indicator", "quantified")
    tree: str
    path: tuple[int, ...]
    level1: Indicator
    level2: Indicator
    node: Indicator
    name: str
    placeholder: bool
    is_indicator: bool
    quantified: bool  # a 三级 whose value states a number (goalform.domain.targets.is_quantified)

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
        new, start, quantified = Row.__new__, _PLACEHOLDER_START, is_quantified
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
                    row2.is_indicator = row2.quantified = False
                    level2.append(row2)
                    for k, l3 in enumerate(l2.children):
                        row = new(Row)
                        row.tree, row.path, row.level1, row.level2, row.node = tree, (i, j, k), l1, l2, l3
                        text, value = l3.name, l3.value
                        row.name = name = fold(text)
                        row.placeholder = placeholder = ((bool(text) and text[0] in start and is_placeholder(text))
                                                         or (bool(value) and value[0] in start and is_placeholder(value)))
                        row.is_indicator = bool(name) and not placeholder and not above
                        row.quantified = quantified(value)
                        leaves.append(row)
                        if row.is_indicator:
                            indicators.append(row)
            self.level2[tree] = level2
            self.leaves[tree] = leaves
            self.indicators[tree] = indicators
        self._by_path: dict[tuple[str, tuple[int, ...]], Row] | None = None  # row_at's map, when first asked

    # -- keeping an index while the form is edited (goalform.domain.validation.kept) -----------------
    def row_at(self, tree: str, path: tuple[int, ...]) -> Row | None:
        """The 二级 or 三级 row at ``path`` in ``tree``."""
        if self._by_path is None:
            self._by_path = {(r.tree, r.path): r for rows in (self.level2, self.leaves) for t in TREES for r in rows[t]}
        return self._by_path.get((tree, path))

    def refresh(self, tree: str, path: tuple[int, ...]) -> None:
        """The cells of the row at ``path`` (a 二级 or a 三级) were changed in place: read it again, and
        for a 二级 the 三级 under it (whether they are indicators follows its name)."""
        row = self.row_at(tree, path)
        if row is None:
            raise KeyError((tree, path))
        if len(path) == 2:
            _read(row, False)
            for k in range(len(row.node.children)):
                leaf = self.row_at(tree, path + (k,))
                assert leaf is not None
                _read(leaf, row.placeholder)
        else:
            above = self.row_at(tree, path[:2])
            assert above is not None
            _read(row, above.placeholder)
        self.indicators[tree] = [r for r in self.leaves[tree] if r.is_indicator]

    def only(self, rows: Collection[tuple[str, tuple[int, ...]]]) -> TreeIndex:
        """This index with only the rows at or below ``rows`` ((tree, path) of a 二级 or 三级), in tree order:
        what a rule that looks at rows one by one sees when it runs again on those rows only."""
        view = TreeIndex.__new__(TreeIndex)
        view.form, view._by_path = self.form, None
        picked: set[tuple[str, tuple[int, ...]]] = set()
        for tree, path in rows:
            row = self.row_at(tree, path)
            if row is not None:
                picked.add((tree, path))
                if len(path) == 2:
                    picked.update((tree, path + (k,)) for k in range(len(row.node.children)))
        for name in ("level2", "leaves", "indicators"):
            whole: dict[str, list[Row]] = getattr(self, name)
            setattr(view, name, {t: [r for r in whole[t] if (t, r.path) in picked] if picked else [] for t in TREES})
        return view


def _read(row: Row, above: bool) -> None:
    """Set ``row``'s name, placeholder and indicator flags from its node (as the walk of TreeIndex does);
    ``above``: its 二级 is a placeholder (for a 三级)."""
    text, start = row.node.name, _PLACEHOLDER_START
    row.name = fold(text)
    if len(row.path) == 2:
        row.placeholder, row.is_indicator = bool(text) and text[0] in start and is_placeholder(text), False
        return
    value = row.node.value
    row.quantified = is_quantified(value)
    row.placeholder = ((bool(text) and text[0] in start and is_placeholder(text))
                       or (bool(value) and value[0] in start and is_placeholder(value)))
    row.is_indicator = bool(row.name) and not row.placeholder and not above


class _Shared:
    """What the rules of one run share: the tree index and the amounts read (:func:`funds_of`), each made
    when a rule first asks (a run of amount rules walks no tree), or the one the caller keeps."""

    __slots__ = ("form", "index", "funds")

    def __init__(self, form: Form, index: TreeIndex | None, funds: FundsReading | None = None) -> None:
        self.form, self.index, self.funds = form, index, funds

    def get(self) -> TreeIndex:
        if self.index is None:
            self.index = TreeIndex(self.form)
        return self.index

    def only(self, rows: Collection[tuple[str, tuple[int, ...]]]) -> TreeIndex:
        """:meth:`TreeIndex.only` of the shared index (no rows: no walk of the trees)."""
        return self.get().only(rows) if rows else _empty(self.form)


def _empty(form: Form) -> TreeIndex:
    view = TreeIndex.__new__(TreeIndex)
    view.form, view._by_path = form, None
    view.level2, view.leaves, view.indicators = ({t: [] for t in TREES} for _ in range(3))
    return view


_ACTIVE: contextvars.ContextVar[_Shared | None] = contextvars.ContextVar("goalform_tree_index", default=None)


@contextlib.contextmanager
def indexed(form: Form, index: TreeIndex | None = None, funds: FundsReading | None = None) -> Iterator[_Shared]:
    """Share one :class:`TreeIndex` of ``form`` (``index``, or one made when first asked for) and one
    reading of its amounts (``funds``, likewise) among the rules run inside the block."""
    shared = _Shared(form, index, funds)
    token = _ACTIVE.set(shared)
    try:
        yield shared
    finally:
        _ACTIVE.reset(token)


def funds_of(form: Form, template: Template) -> FundsReading:
    """The amounts of ``form``, each read once by the amount parser for every rule of the run."""
    shared = _ACTIVE.get()
    if shared is None or shared.form is not form:
        return FundsReading(form, template)
    if shared.funds is None or shared.funds.template is not template:
        shared.funds = FundsReading(form, template)
    return shared.funds


def index_of(form: Form) -> TreeIndex:
    shared = _ACTIVE.get()
    return shared.get() if shared is not None and shared.form is form else TreeIndex(form)


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
