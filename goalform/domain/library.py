"""The indicator library as data: entries, search, grouping, and where an entry goes in a form.

A library entry is a recommended 三级 indicator under its 一级 and 二级, with an explanation, a
reference value and where it came from (built in, a finance bureau's sheet, or the user's own
forms). Search works on precomputed keys: the store computes each entry's pinyin when it writes the
entry (``LibraryEntry.pinyin``), so this module stays pure Python without the pinyin dictionaries and
a keystroke costs one pass of substring tests over the entries.
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from goalform.domain.folding import fold
from goalform.domain.form import TREES, Form, Indicator
from goalform.domain.limits import MAX_LEARNED_CHARS, MAX_LEARNED_PER_FORM
from goalform.domain.targets import is_placeholder, is_placeholder_row, real_leaves
from goalform.domain.template import Template

# Where an entry came from; the order is the precedence when two sources hold the same indicator.
SOURCE_BUREAU = "bureau"
SOURCE_BUILTIN = "builtin"
SOURCE_MINE = "mine"
SOURCE_RANK = {SOURCE_BUREAU: 0, SOURCE_BUILTIN: 1, SOURCE_MINE: 2}

# The columns of a library sheet (import and export), in order.
SHEET_COLUMNS: tuple[str, ...] = ("一级指标", "二级指标", "三级指标", "指标解释", "参考值")

_SPACE = re.compile(r"\s+")
_LETTERS = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1 << 16)  # a library repeats its 一级 and 二级 names thousands of times
def name_key(text: str) -> str:
    """What two indicator names are compared by: the one folding (:func:`goalform.domain.folding.fold`:
    NFKC, no whitespace), case-folded."""
    return fold(text).casefold()


@dataclass(frozen=True)
class LibraryEntry:
    """One indicator of the library. ``level1`` is the 一级's name (运行成本), as bureaus write it."""

    level1: str
    level2: str
    name: str
    explanation: str = ""
    reference: str = ""
    source: str = SOURCE_BUILTIN  # SOURCE_BUREAU | SOURCE_BUILTIN | SOURCE_MINE
    source_label: str = ""  # the bureau's file name, the form's department ...
    id: int | None = field(default=None, compare=False)
    # Lower-case pinyin keys, computed by the store: "<name initials> <name> <二级 initials> <二级>".
    pinyin: str = field(default="", compare=False)

    @property
    def content(self) -> tuple[str, str, str, str, str]:
        """The five cells of the entry's row in a library sheet."""
        return (self.level1, self.level2, self.name, self.explanation, self.reference)

    @property
    def placement(self) -> tuple[str, str]:
        return (name_key(self.level1), name_key(self.level2))


class LibraryIndex:
    """The entries a user sees (one per indicator and placement, the best source kept) and their look-ups.

    Built once when the library is loaded; :meth:`search` then runs on every keystroke.
    """

    def __init__(self, entries: Iterable[LibraryEntry]) -> None:
        best: dict[tuple[str, str, str], LibraryEntry] = {}
        for entry in entries:
            if not entry.name.strip():
                continue
            key = (name_key(entry.level1), name_key(entry.level2), name_key(entry.name))
            held = best.get(key)
            if held is None or SOURCE_RANK.get(entry.source, 9) < SOURCE_RANK.get(held.source, 9):
                best[key] = entry
        self.entries: tuple[LibraryEntry, ...] = tuple(best.values())
        keys = list(best)  # (一级, 二级, name) as name_key says them, in the order of the entries
        self._placements = [(k1, k2) for k1, k2, _ in keys]
        self._text = ["\n".join((name, k2, k1)) for k1, k2, name in keys]
        self._pinyin = [e.pinyin for e in self.entries]
        self._order_key: tuple[str, ...] | None = None  # the 一级 order the display order below was made for
        self._display: list[int] = []  # entry positions in grouped display order
        self._group_of: list[int] = []  # entry position -> its (一级, 二级) group number
        self._group_names: list[tuple[str, str]] = []
        self._by_name: dict[str, list[LibraryEntry]] = {}
        for (_, _, name), entry in zip(keys, self.entries):
            self._by_name.setdefault(name, []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: str) -> list[LibraryEntry]:
        """The entries matching every word of ``query``, in library order.

        A word matches the name, 二级 or 一级 as text; a word of Latin letters also matches the pinyin
        of the name or the 二级, by initials (``ysz``) or spelled out (``yusuan``).
        """
        return [self.entries[i] for i in self.matches(query)]

    def matches(self, query: str) -> list[int]:
        """:meth:`search` as positions in :attr:`entries`."""
        words = [name_key(w) for w in query.split()]
        words = [w for w in words if w]
        hits: list[int] | range = range(len(self.entries))
        text, pinyin = self._text, self._pinyin
        for word in words:
            if _LETTERS.fullmatch(word):
                hits = [i for i in hits if word in pinyin[i] or word in text[i]]
            else:
                hits = [i for i in hits if word in text[i]]
        return list(hits)

    def grouped(self, positions: Sequence[int], level1_order: Sequence[str] = ()) -> list["Group"]:
        """:func:`group_entries` of the entries at ``positions``; the grouping itself is worked out once
        per index, so regrouping on every keystroke is one pass over the display order."""
        self._prepare_order(tuple(level1_order))
        wanted = bytearray(len(self.entries))
        for i in positions:
            wanted[i] = 1
        out: list[Group] = []
        group_of, entries = self._group_of, self.entries
        for number, members in itertools.groupby((i for i in self._display if wanted[i]), key=group_of.__getitem__):
            level1, level2 = self._group_names[number]
            if not out or out[-1].level1 != level1:
                out.append(Group(level1))
            out[-1].level2.append((level2, [entries[i] for i in members]))
        return out

    def _prepare_order(self, level1_order: tuple[str, ...]) -> None:
        if self._order_key == level1_order:
            return
        groups = _group(list(zip(self._placements, self.entries)), level1_order)
        position = {id(e): i for i, e in enumerate(self.entries)}
        self._display, self._group_of, self._group_names = [], [0] * len(self.entries), []
        for group in groups:
            for level2, items in group.level2:
                number = len(self._group_names)
                self._group_names.append((group.level1, level2))
                for entry in items:
                    i = position[id(entry)]
                    self._display.append(i)
                    self._group_of[i] = number
        self._order_key = level1_order

    def find(self, name: str) -> list[LibraryEntry]:
        """The entries named ``name`` (compared by :func:`name_key`), wherever they are placed."""
        return list(self._by_name.get(name_key(name), ()))

    def authoritative(self) -> "LibraryIndex":
        """Only the built-in and bureau entries: what validation holds a form against."""
        return LibraryIndex(e for e in self.entries if e.source != SOURCE_MINE)


# -- grouping for display ------------------------------------------------------------------------
@dataclass
class Group:
    """A 一级 with its 二级 groups, each with its entries, for the library pane."""

    level1: str
    level2: list[tuple[str, list[LibraryEntry]]] = field(default_factory=list)


def group_entries(entries: Sequence[LibraryEntry], level1_order: Sequence[str] = ()) -> list[Group]:
    """``entries`` by 一级 (in ``level1_order`` first, others after) and 二级 (in order of appearance)."""
    return _group([(entry.placement, entry) for entry in entries], level1_order)


def _group(keyed: Sequence[tuple[tuple[str, str], LibraryEntry]], level1_order: Sequence[str]) -> list[Group]:
    groups: dict[str, Group] = {}
    seconds: dict[tuple[str, str], list[LibraryEntry]] = {}
    for k2, entry in keyed:
        k1 = k2[0]
        group = groups.get(k1)
        if group is None:
            group = groups[k1] = Group(entry.level1)
        bucket = seconds.get(k2)
        if bucket is None:
            bucket = seconds[k2] = []
            group.level2.append((entry.level2, bucket))
        bucket.append(entry)
    rank = {name_key(name): i for i, name in enumerate(level1_order)}
    return sorted(groups.values(), key=lambda g: rank.get(name_key(g.level1), len(rank)))


def used_names(form: Form) -> set[str]:
    """The name_key of each 三级 indicators a form already has (both trees)."""
    return {name_key(leaf.name) for tree in TREES for leaf in real_leaves(form, tree)}


# -- inserting into a form ---------------------------------------------------------------------
def level1_index(template: Template, level1: str) -> int | None:
    """The position of the template's 一级 called ``level1`` (by name, label or key), or None."""
    key = name_key(level1)
    for i, item in enumerate(template.level1):
        if key in (name_key(item.name), name_key(item.label), item.key):
            return i
    return None


def leaf_values(entry: LibraryEntry, template: Template) -> dict[str, str]:
    """The columns a new 三级 gets from ``entry``: the reference value as 指标值, and the explanation
    as 指标值确定依据 when the template keeps free text there (the 2024 form); a template whose
    依据 is a list of choices (2026) has no place for it."""
    values = {"name": entry.name.strip()}
    if entry.reference.strip():
        values["value"] = entry.reference.strip()
    if entry.explanation.strip() and not template.basis.is_choice:
        values["basis"] = entry.explanation.strip()
    return values


@dataclass(frozen=True)
class PlannedRow:
    """One row to add. ``parent`` is a node id of the form, or the ``ref`` of a 二级 added earlier in the plan."""

    level: int  # 2 or 3
    parent: int | str
    row: int
    values: Mapping[str, str]
    ref: str = ""


@dataclass
class InsertPlan:
    rows: list[PlannedRow] = field(default_factory=list)
    skipped: list[tuple[LibraryEntry, str]] = field(default_factory=list)  # entry, reason (Chinese)

    @property
    def added(self) -> int:
        return sum(1 for r in self.rows if r.level == 3)


def _end_before_placeholders(children: Sequence[Indicator]) -> int:
    """Where new rows go: after the last real row, before trailing 「……」 rows the template left."""
    end = len(children)
    while end > 0 and (is_placeholder(children[end - 1].name) or
                       (children[end - 1].level == 3 and is_placeholder_row(children[end - 1]))):
        end -= 1
    return end


def plan_insert(roots: Sequence[Indicator], entries: Iterable[LibraryEntry], template: Template) -> InsertPlan:
    """Where each entry goes in a tree (``roots``: its 一级 nodes, with ids): under its 一级 and 二级,
    adding the 二级 when the tree has none of that name (once, however many entries need it).
    Entries whose 一级 the template lacks, or that the 二级 already holds, are skipped with the reason."""
    plan = InsertPlan()
    new_level2: dict[tuple[int, str], str] = {}  # (一级 position, 二级 key) -> ref
    added_in: dict[int | str, int] = {}  # parent -> rows added so far
    names_in: dict[int | str, set[str]] = {}  # parent -> names it holds (and will)
    for entry in entries:
        i = level1_index(template, entry.level1)
        if i is None or i >= len(roots):
            plan.skipped.append((entry, f"本表没有一级指标「{entry.level1}」"))
            continue
        l1 = roots[i]
        assert l1.id is not None, "plan_insert needs a tree loaded from a document"
        k2 = name_key(entry.level2)
        if not k2:
            plan.skipped.append((entry, "没有二级指标"))
            continue
        parent: int | str | None = None
        for l2 in l1.children:
            if name_key(l2.name) == k2 and l2.id is not None:
                parent = l2.id
                if parent not in names_in:
                    names_in[parent] = {name_key(c.name) for c in l2.children}
                break
        if parent is None:
            ref = new_level2.get((i, k2))
            if ref is None:
                ref = new_level2[(i, k2)] = f"new:{len(new_level2)}"
                row = _end_before_placeholders(l1.children) + added_in.get(l1.id, 0)
                added_in[l1.id] = added_in.get(l1.id, 0) + 1
                plan.rows.append(PlannedRow(2, l1.id, row, {"name": entry.level2.strip()}, ref))
                names_in[ref] = set()
            parent = ref
        key = name_key(entry.name)
        if key in names_in[parent]:
            plan.skipped.append((entry, f"「{entry.level2}」下已有此指标"))
            continue
        names_in[parent].add(key)
        if isinstance(parent, str):
            row = added_in.get(parent, 0)
        else:
            l2 = next(c for c in l1.children if c.id == parent)
            row = _end_before_placeholders(l2.children) + added_in.get(parent, 0)
        added_in[parent] = added_in.get(parent, 0) + 1
        plan.rows.append(PlannedRow(3, parent, row, leaf_values(entry, template)))
    return plan


# -- learning from forms -------------------------------------------------------------------------
def learnable(form: Form, template: Template, index: LibraryIndex, label: str = "") -> list[LibraryEntry]:
    """The 三级 indicators of ``form`` that the library does not know by name yet, as «我的表» entries
    (the form's 指标值 as reference; its 依据 as explanation where the template keeps text there).

    Bounded, since any form a user opens is learned from: at most MAX_LEARNED_PER_FORM entries, none
    whose name or 二级 is longer than MAX_LEARNED_CHARS (that is a text, not an indicator's name), and
    explanation and reference cut to MAX_LEARNED_CHARS (the form keeps them whole)."""
    found: dict[str, LibraryEntry] = {}
    for tree in TREES:
        for l1 in form.tree(tree):
            for l2 in l1.children:
                if is_placeholder(l2.name) or not l2.name.strip() or len(l2.name) > MAX_LEARNED_CHARS:
                    continue
                for leaf in l2.children:
                    if len(found) >= MAX_LEARNED_PER_FORM:
                        return list(found.values())
                    if len(leaf.name) > MAX_LEARNED_CHARS:
                        continue
                    key = name_key(leaf.name)
                    if not key or is_placeholder_row(leaf) or key in found or index.find(leaf.name):
                        continue
                    found[key] = LibraryEntry(
                        level1=l1.name, level2=l2.name.strip(), name=leaf.name.strip(),
                        explanation="" if template.basis.is_choice else _cut(leaf.basis.strip()),
                        reference=_cut(leaf.value.strip()), source=SOURCE_MINE, source_label=label,
                    )
    return list(found.values())


def _cut(text: str) -> str:
    return text if len(text) <= MAX_LEARNED_CHARS else text[:MAX_LEARNED_CHARS - 1] + "…"


# -- reading a library sheet -------------------------------------------------------------------
HEADER_ALIASES: Mapping[str, tuple[str, ...]] = {
    "一级指标": ("一级指标", "一级"),
    "二级指标": ("二级指标", "二级"),
    "三级指标": ("三级指标", "三级", "指标名称"),
    "指标解释": ("指标解释", "指标说明", "指标内涵", "指标解释说明", "解释", "说明"),
    "参考值": ("参考值", "参考指标值", "指标参考值", "指标值", "参考标准"),
}
REQUIRED_COLUMNS: tuple[str, ...] = ("一级指标", "二级指标", "三级指标")


def header_columns(cells: Sequence[str]) -> dict[str, int] | None:
    """The column of each known header in a row, or None when the row is not the header row."""
    found: dict[str, int] = {}
    for c, text in enumerate(cells):
        key = name_key(text).rstrip(":：")
        for column, aliases in HEADER_ALIASES.items():
            if column not in found and key in aliases:
                found[column] = c
                break
    return found if all(c in found for c in REQUIRED_COLUMNS) else None


@dataclass(frozen=True)
class SheetProblem:
    """A row of a library sheet that could not become an entry: 1-based row number, its text, why."""

    row: int
    text: str
    reason: str

    def describe(self) -> str:
        """One line; a long row is shown by its start and its length (a cell may hold 100,000 characters)."""
        text = self.text if len(self.text) <= 200 else f"{self.text[:200]}…（共 {len(self.text):,} 字）"
        return f"第 {self.row} 行「{text}」：{self.reason}"


def entries_from_rows(rows: Sequence[tuple[int, Sequence[str]]], columns: Mapping[str, int], *,
                      source: str = SOURCE_BUREAU, label: str = "",
                      level1_names: Sequence[str] = ()) -> tuple[list[LibraryEntry], list[SheetProblem]]:
    """Entries from the data rows of a sheet (1-based row number, cells). A blank 一级 or 二级
    continues the one above (merged cells, or a sheet that writes a group's name once); blank rows
    are skipped; a row without a 三级, or with nothing above to continue, is reported, and so is one
    whose 一级 is none of ``level1_names`` (when given: the 一级 the form has), since it could never
    be inserted."""
    known = {name_key(n) for n in level1_names}
    def cell(cells: Sequence[str], column: str) -> str:
        c = columns.get(column)
        return cells[c].strip() if c is not None and c < len(cells) else ""

    entries: list[LibraryEntry] = []
    problems: list[SheetProblem] = []
    level1 = level2 = ""
    for number, cells in rows:
        if not any(str(c).strip() for c in cells):
            continue
        text = " ".join(str(c).strip() for c in cells if str(c).strip())
        # 一级 names are short Chinese words that sheets break into lines ("运行\n成本"): no spaces count.
        l1 = _SPACE.sub("", cell(cells, "一级指标"))
        l2, name = cell(cells, "二级指标"), cell(cells, "三级指标")
        if l1 and l1 != level1:
            level1, level2 = l1, ""
        if l2:
            level2 = l2
        if not name:
            if not (l1 or l2):  # a row with only an explanation or a note
                problems.append(SheetProblem(number, text, "没有三级指标"))
            continue
        if not level1:
            problems.append(SheetProblem(number, text, "不知道属于哪个一级指标"))
            continue
        if not level2:
            problems.append(SheetProblem(number, text, "不知道属于哪个二级指标"))
            continue
        if known and name_key(level1) not in known:
            problems.append(SheetProblem(number, text, f"「{level1}」不是表中的一级指标（{'、'.join(level1_names)}）"))
            continue
        entries.append(LibraryEntry(level1, level2, name, cell(cells, "指标解释"), cell(cells, "参考值"),
                                    source=source, source_label=label))
    return entries, problems
