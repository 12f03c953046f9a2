"""The indicator table of a .goal: the trees' rows as stored, read through one cached index.

The index (every row by id, the ids of each parent's children in order, each row's place among its
siblings) is built from one query and kept right by every write made here, or dropped when a write
changes the shape of a tree; the GUI's tree model asks it for rows, parents and children on every
paint, so none of those may run SQL. :class:`goalform.store.document.Document` is the front: it
checks that the document may be written, calls the table, and tells its listeners.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

from goalform.domain.form import INDICATOR_COLUMNS, TREES, Indicator, IndicatorCells
from goalform.domain.values import FrozenValue
from goalform.store.database import as_text as _text
from goalform.store.database import transaction
from goalform.store.errors import StoreError

Children = dict[tuple[str, int | None], list[int]]  # (tree, parent id or None for 一级) -> child ids in order


class IndicatorRecord(IndicatorCells, FrozenValue):
    """One row of an indicator tree as stored. (A FrozenValue, not a dataclass: this module is loaded at
    every start of the window, where making a dataclass costs a millisecond: goalform.domain.values.)"""

    id: int
    tree: str
    parent_id: int | None
    level: int
    position: int
    key: str
    name: str
    value: str
    basis: str
    category: str
    prev2: str
    prev1: str

    def __init__(self, *, id: int, tree: str, parent_id: int | None, level: int, position: int,  # noqa: A002
                 key: str, name: str, value: str, basis: str, category: str, prev2: str, prev1: str) -> None:
        self.__dict__.update(id=id, tree=tree, parent_id=parent_id, level=level, position=position, key=key,
                             name=name, value=value, basis=basis, category=category, prev2=prev2, prev1=prev1)

    def with_cell(self, column: str, value: str) -> IndicatorRecord:
        """This row with one cell changed."""
        return IndicatorRecord(**{**{name: getattr(self, name) for name in self._fields}, column: value})


class Subtree(FrozenValue):
    """A removed indicator with everything below it, enough to put it back exactly (undo)."""

    records: tuple[IndicatorRecord, ...]  # the root first, then its descendants

    def __init__(self, records: tuple[IndicatorRecord, ...]) -> None:
        self.__dict__["records"] = records


_SELECT = "SELECT id, tree, parent_id, level, position, key, name, value, basis, category, prev2, prev1 FROM indicator"


def _record(row: tuple) -> IndicatorRecord:
    return IndicatorRecord(
        id=int(row[0]), tree=_text(row[1]), parent_id=None if row[2] is None else int(row[2]),
        level=int(row[3]), position=int(row[4]),
        key=_text(row[5]), name=_text(row[6]), value=_text(row[7]), basis=_text(row[8]),
        category=_text(row[9]), prev2=_text(row[10]), prev1=_text(row[11]),
    )


class IndicatorTable:
    """The rows of both trees of one document, on its connection."""

    def __init__(self, conn: Callable[[], sqlite3.Connection]) -> None:
        self._conn = conn  # the document's connection, asked each time (closing the document drops it)
        self._nodes: dict[int, IndicatorRecord] | None = None
        self._children: Children | None = None
        self._rows: dict[int, int] = {}

    def forget(self) -> None:
        """Drop the index: the table was rewritten (a new form, a structural change)."""
        self._nodes = self._children = None

    def index(self) -> tuple[dict[int, IndicatorRecord], Children]:
        if self._nodes is None or self._children is None:
            nodes: dict[int, IndicatorRecord] = {}
            children: Children = {}
            for row in self._conn().execute(_SELECT + " ORDER BY tree, parent_id, position, id"):
                rec = _record(row)
                nodes[rec.id] = rec
            for rec in nodes.values():
                # Trust only well-formed links: a level-n node hangs under a level-(n-1) node of its tree.
                if rec.level == 1:
                    children.setdefault((rec.tree, None), []).append(rec.id)
                else:
                    parent = nodes.get(rec.parent_id) if rec.parent_id is not None else None
                    if parent is not None and parent.tree == rec.tree and parent.level == rec.level - 1:
                        children.setdefault((rec.tree, rec.parent_id), []).append(rec.id)
            for ids in children.values():
                ids.sort(key=lambda i: (nodes[i].position, i))
            self._nodes, self._children = nodes, children
            # Row of every linked node among its siblings: the GUI's tree model asks for it on
            # every parent() call, so it must not scan the sibling list.
            self._rows = {i: row for ids in children.values() for row, i in enumerate(ids)}
        return self._nodes, self._children

    # -- reading -------------------------------------------------------------------------------------
    def roots(self, tree: str) -> list[int]:
        return list(self.index()[1].get((tree, None), []))

    def children(self, parent_id: int) -> list[int]:
        node = self.node(parent_id)
        return list(self.index()[1].get((node.tree, parent_id), []))

    def node(self, indicator_id: int) -> IndicatorRecord:
        try:
            return self.index()[0][indicator_id]
        except KeyError:
            raise KeyError(f"no indicator {indicator_id}") from None

    def row_of(self, indicator_id: int) -> int:
        self.node(indicator_id)  # KeyError for an unknown id
        try:
            return self._rows[indicator_id]
        except KeyError:
            raise ValueError(f"indicator {indicator_id} is not linked into its tree") from None

    def trees(self) -> dict[str, list[Indicator]]:
        """Both trees as domain objects (the nodes carry their ids)."""
        nodes, children = self.index()

        def build(i: int) -> Indicator:
            r = nodes[i]
            return Indicator(
                level=r.level, name=r.name, key=r.key, value=r.value, basis=r.basis, category=r.category,
                prev2=r.prev2, prev1=r.prev1, id=r.id,
                children=[build(c) for c in children.get((r.tree, r.id), [])],
            )

        return {tree: [build(i) for i in children.get((tree, None), [])] for tree in TREES}

    # -- writing (each one transaction; the document checks first that it may write) ----------------
    def check_set(self, indicator_id: int, column: str) -> None:
        if column not in INDICATOR_COLUMNS:
            raise KeyError(column)
        if self.node(indicator_id).level == 1 and column == "name":
            raise StoreError("一级指标由模板固定，不能修改")

    def set(self, indicator_id: int, column: str, value: str) -> None:
        self.check_set(indicator_id, column)
        rec = self.node(indicator_id)
        with transaction(self._conn()):
            self._conn().execute(f"UPDATE indicator SET {column} = ? WHERE id = ?", (value, indicator_id))
        self.index()[0][indicator_id] = rec.with_cell(column, value)

    def check_insert(self, parent_id: int, rows: list[dict[str, str]]) -> None:
        """Refuse (before anything is written) rows that cannot go under ``parent_id``."""
        if self.node(parent_id).level >= 3:
            raise StoreError("三级指标下不能再添加指标")
        unknown = {k for values in rows for k in values} - set(INDICATOR_COLUMNS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))

    def insert(self, parent_id: int, row: int, rows: list[dict[str, str]]) -> list[int]:
        """Insert children of ``parent_id`` from ``row`` on; their ids. The index is to be forgotten."""
        parent = self.node(parent_id)
        siblings = self.children(parent_id)
        row = max(0, min(row, len(siblings)))
        conn, new_ids = self._conn(), []
        with transaction(conn):
            self._renumber(siblings[:row] + [None] * len(rows) + siblings[row:])
            for k, values in enumerate(rows):
                cols = ["tree", "parent_id", "level", "position"] + list(values)
                cur = conn.execute(
                    f"INSERT INTO indicator({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [parent.tree, parent_id, parent.level + 1, row + k, *values.values()],
                )
                new_ids.append(int(cur.lastrowid))
        return new_ids

    def subtrees(self, ids: list[int]) -> list[Subtree]:
        """What removing ``ids`` would take away (refused for a 一级 row)."""
        removed = []
        for indicator_id in ids:
            rec = self.node(indicator_id)
            if rec.level == 1:
                raise StoreError("一级指标由模板固定，不能删除")
            records = [rec]
            stack = [indicator_id]
            while stack:
                for child in self.children(stack.pop()):
                    records.append(self.node(child))
                    stack.append(child)
            removed.append(Subtree(tuple(records)))
        return removed

    def remove(self, ids: list[int]) -> None:
        gone = set(ids)
        parents = {(self.node(i).tree, self.node(i).parent_id) for i in ids}
        conn = self._conn()
        with transaction(conn):
            conn.executemany("DELETE FROM indicator WHERE id = ?", [(i,) for i in ids])
            for key in parents:
                self._renumber([i for i in self.index()[1].get(key, []) if i not in gone])

    def restore(self, subtrees: list[Subtree]) -> None:
        root = subtrees[0].records[0]
        siblings = list(self.index()[1].get((root.tree, root.parent_id), []))
        row = max(0, min(root.position, len(siblings)))
        conn = self._conn()
        with transaction(conn):
            self._renumber(siblings[:row] + [None] * len(subtrees) + siblings[row:])
            for k, subtree in enumerate(subtrees):
                top = subtree.records[0]
                for rec in subtree.records:
                    conn.execute(
                        "INSERT INTO indicator(id, tree, parent_id, level, position, key, name, value, basis,"
                        " category, prev2, prev1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (rec.id, rec.tree, rec.parent_id, rec.level, row + k if rec is top else rec.position,
                         rec.key, rec.name, rec.value, rec.basis, rec.category, rec.prev2, rec.prev1),
                    )

    def check_move(self, indicator_id: int) -> None:
        if self.node(indicator_id).level == 1:
            raise StoreError("一级指标由模板固定，不能移动")

    def move(self, indicator_id: int, new_row: int) -> None:
        rec = self.node(indicator_id)
        siblings = [i for i in self.index()[1].get((rec.tree, rec.parent_id), []) if i != indicator_id]
        new_row = max(0, min(new_row, len(siblings)))
        siblings.insert(new_row, indicator_id)
        with transaction(self._conn()):
            self._renumber(siblings)

    def _renumber(self, ids: list[int | None]) -> None:
        """Give ``ids`` positions 0..n-1 (None marks a slot being filled by the caller)."""
        nodes = self.index()[0]
        for position, i in enumerate(ids):
            if i is not None and nodes[i].position != position:
                self._conn().execute("UPDATE indicator SET position = ? WHERE id = ?", (position, i))
