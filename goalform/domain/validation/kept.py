"""A form kept with the findings of its last check, so that an edit is revalidated by the rules it can
change (issue 25): the GUI's validation runner holds one per open document.

After the caller has written edited cells into :attr:`KeptCheck.form` (fields, amounts, an indicator's
cells: the document's caches have them), :meth:`KeptCheck.revalidate` runs the rules those cells reach
(:mod:`goalform.domain.validation.scope`) and keeps every other finding; the result is what a full
validation of the form gives, in the same order. Anything it cannot scope (a row inserted, deleted or
moved, review records, the year) is the caller's to check in full: a new KeptCheck.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from goalform.domain.cells import FIELD, FUND, INDICATOR, TEXT, TOTAL, Cell
from goalform.domain.form import Form, Indicator
from goalform.domain.funds import FundsReading
from goalform.domain.template import Template
from goalform.domain.validation.core import Finding
from goalform.domain.validation.library import validate_against
from goalform.domain.validation.rows import Row, TreeIndex
from goalform.domain.validation.scope import AMOUNT_SCOPE, Scope, field_scope, indicator_scope

if TYPE_CHECKING:
    from goalform.domain.library import LibraryIndex

# More indicator rows edited in one run than this (a paste or its undo over several rows): a full check.
# Scopes of several rows add up correctly (the tests check up to any number); one row is what typing
# needs, and a paste of many rows is rare enough to pay a full check.
MAX_ROWS = 1


class KeptCheck:
    """``form`` (owned from now on: the caller writes edits into it), checked in full against
    ``template`` and ``library``."""

    def __init__(self, form: Form, template: Template, library: LibraryIndex | None = None) -> None:
        self.form, self.template, self.library = form, template, library
        self.index = TreeIndex(form)
        self.funds = FundsReading(form, template)
        self.findings: list[Finding] = validate_against(form, template, library, index=self.index, funds=self.funds)
        self._rows: dict[int, Row] | None = None
        self.max_rows = MAX_ROWS

    def row(self, indicator_id: int | None) -> Row | None:
        """The 二级 or 三级 row of the indicator with the store id ``indicator_id`` (None for a 一级)."""
        if self._rows is None:
            index = self.index
            self._rows = {r.node.id: r for rows in (index.level2, index.leaves) for tree in rows
                          for r in rows[tree] if r.node.id is not None}
        return self._rows.get(indicator_id) if indicator_id is not None else None

    def node(self, indicator_id: int | None) -> Indicator | None:
        """The 二级 or 三级 node of the form with that store id, to write an edit into."""
        row = self.row(indicator_id)
        return row.node if row is not None else None

    def scope_of(self, cells: Iterable[Cell]) -> Scope | None:
        """The scope of edits of ``cells``; None when one of them needs a full check."""
        scope, rows = Scope(), set[int | None]()
        for cell in cells:
            if cell.kind in (FUND, TOTAL):
                part = AMOUNT_SCOPE
            elif cell.kind in (FIELD, TEXT):
                part = field_scope(cell.key, self.template)
            elif cell.kind == INDICATOR:
                row = self.row(cell.indicator_id)
                part = indicator_scope(row.tree, row.path, cell.column) if row is not None else None
                rows.add(cell.indicator_id)
            else:
                part = None
            if part is None or len(rows) > self.max_rows:
                return None
            scope = scope | part
        return scope

    def revalidate(self, cells: Iterable[Cell]) -> bool:
        """Check again after edits of ``cells`` (already written into :attr:`form`); False, and nothing
        done, when they need a full check."""
        cells = set(cells)
        scope = self.scope_of(cells)
        if scope is None:
            return False
        for tree, path in scope.rows:
            self.index.refresh(tree, path)
        if any(c.kind != INDICATOR for c in cells):  # amounts (or fields: the amounts were filled in again)
            self.funds = FundsReading(self.form, self.template, since=self.funds)  # parses the changed ones
        self.findings = validate_against(self.form, self.template, self.library, scope=scope, keep=self.findings,
                                         index=self.index, funds=self.funds)
        return True
