"""Where a finding points: the one type the rules, the row index and the GUI share (apart from
the rule registry in :mod:`core`, so that :mod:`rows` can use it without a circle)."""
from __future__ import annotations

from goalform.domain.cells import FIELD, FUND, INDICATOR, TEXT, TOTAL, Cell
from goalform.domain.form import TREES
from goalform.domain.sections import FUNDS, HEADER, NOTES, SECTION_ORDER, TEXTS, field_section
from goalform.domain.values import FrozenValue

__all__ = ["SECTION_ORDER", "Location"]


class Location(FrozenValue):
    """Where a finding points, in terms the GUI can jump to.

    section: one of SECTION_ORDER (:mod:`goalform.domain.sections`).
    field:   a header field or text key (or ``deadline`` in a tree's section); a funds line or group key.
    column:  a funds column (current, prev2, prev1); an indicator's column ('' for its row).
    path:    an indicator's index path from its 一级 node down.
    indicator_id: the store's id of the indicator, when the form came from a .goal.

    A cell's location is made from its :class:`Cell` (:meth:`of`): a field's, a text's, the deadline's,
    the notes', a funds amount's, a 合计's, an indicator cell's. Only places that are no cell are
    built by hand: a whole section (a tree's shares) and the review's status.
    """

    section: str
    field: str
    column: str
    path: tuple[int, ...]
    indicator_id: int | None

    def __init__(self, section: str, field: str = "", column: str = "", path: tuple[int, ...] = (),
                 indicator_id: int | None = None) -> None:
        self.__dict__.update(section=section, field=field, column=column, path=path, indicator_id=indicator_id)

    @classmethod
    def of(cls, cell: Cell, tree: str = "", path: tuple[int, ...] = ()) -> Location:
        """Where ``cell`` is: a field or text in its section (:func:`field_section`: ``header/phone``,
        ``texts/tasks``, ``texts/deadline``, ``notes/notes``); a funds amount or 合计 in ``funds``; an
        indicator's cell in its ``tree`` at ``path``."""
        if cell.kind in (FIELD, TEXT):
            return cls(field_section(cell.key), cell.key)
        if cell.kind in (FUND, TOTAL):
            return cls(FUNDS, cell.key, cell.column)
        if cell.kind == INDICATOR and tree in TREES:
            return cls(tree, column=cell.column, path=path, indicator_id=cell.indicator_id)
        raise ValueError(f"no finding location for {cell} (tree {tree!r})")

    @property
    def cell(self) -> Cell:
        """The comment target of this place: a field, a funds cell, an indicator with an id, or the form."""
        if self.section in (HEADER, TEXTS, NOTES) and self.field:
            return Cell.field(self.field)
        if self.section == FUNDS and self.field and self.column:
            return Cell.fund(self.field, self.column)
        if self.section in TREES and self.indicator_id is not None and not self.field:
            return Cell.indicator(self.indicator_id, self.column)
        return Cell.form()

    def as_text(self) -> str:
        """A compact, stable spelling for JSON and the CLI, e.g. ``funds/fiscal/current``."""
        parts = [self.section]
        if self.path:
            parts.append(".".join(str(i + 1) for i in self.path))
        if self.field:
            parts.append(self.field)
        if self.column:
            parts.append(self.column)
        return "/".join(parts)
