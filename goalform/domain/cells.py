"""The one address of a place in the form, and every spelling of it.

A :class:`Cell` is a header field or text section, a funds amount, a group's 合计, an indicator's
cell or the whole form. Each hop that names such a place spells the address its own way, and every
spelling is made (and read back) here only:

==================  ==========================  =====================================
hop                 funds amount                合计 of a group
==================  ==========================  =====================================
comment target      ``fund:LINE:COL``           ``fund:GROUP:COL`` (stored in files)
widget objectName   ``fund_LINE_COL``           ``total_GROUP_COL``
layout grid key     ``("fund", LINE, COL)``     ``("total", GROUP, COL)``
``fund`` table row  line ``LINE``, col ``COL``  line ``total:GROUP`` (a printed 合计)
finding Location    ``funds/LINE/COL``          ``funds/GROUP/COL``
==================  ==========================  =====================================

A header field and a text section are one namespace of single-valued fields (``field:KEY`` as a
comment target, ``("field", KEY)`` / ``("text", KEY)`` in the grid) shown by two kinds of widget
(``field_KEY``, ``text_KEY``); a finding's Location puts it in its section (``header/phone``,
``texts/tasks``, ``texts/deadline``, ``notes/notes``: :func:`goalform.domain.sections.field_section`).
An indicator's cell is ``indicator:ID[:COL]`` by its store id, which survives moves and undo
(the layout grid, drawn from a form that may have no ids, keys it by tree and index path instead).
The comment target is the coarsest spelling: it names a text section as a field and a 合计 as the
funds cell of its group (:meth:`Cell.as_target`), because that is what files have always stored.
"""
from __future__ import annotations

from goalform.domain.errors import UserError
from goalform.domain.values import FrozenValue

FORM, FIELD, TEXT, FUND, TOTAL, INDICATOR = "form", "field", "text", "fund", "total", "indicator"
KINDS: tuple[str, ...] = (FORM, FIELD, TEXT, FUND, TOTAL, INDICATOR)
WIDGET_KINDS: tuple[str, ...] = (FIELD, TEXT, FUND, TOTAL)  # the kinds a widget of its own shows
_STORED_TOTAL = "total:"  # the prefix of a printed 合计's line in the ``fund`` table


class CellError(UserError, ValueError):
    """A text that is no cell address; ``str()`` says what is wrong, in Chinese."""


class Cell(FrozenValue):
    """Where a place is in the form. Build it with the class methods, not the constructor."""

    kind: str  # one of KINDS
    key: str  # a field or text key, a funds line key, a funds group key
    column: str  # a funds column (current, prev2, prev1) or an indicator column ('' = the row)
    indicator_id: int | None

    def __init__(self, kind: str, key: str = "", column: str = "", indicator_id: int | None = None) -> None:
        self.__dict__.update(kind=kind, key=key, column=column, indicator_id=indicator_id)

    # -- making one ------------------------------------------------------------------------------
    @classmethod
    def form(cls) -> Cell:
        return cls(FORM)

    @classmethod
    def field(cls, key: str) -> Cell:
        """A header field, the deadline, 备注 or a text section (as a comment names them)."""
        return cls(FIELD, key)

    @classmethod
    def text(cls, key: str) -> Cell:
        """A text section or 备注, as the widget that edits the text shows it."""
        return cls(TEXT, key)

    @classmethod
    def fund(cls, line: str, column: str) -> Cell:
        return cls(FUND, line, column)

    @classmethod
    def total(cls, group: str, column: str) -> Cell:
        return cls(TOTAL, group, column)

    @classmethod
    def indicator(cls, indicator_id: int | None, column: str = "") -> Cell:
        """An indicator's cell in ``column``, or its row (''). An indicator of a form that did not come
        from a .goal has no id yet: a comment cannot point at it (its target is the whole form)."""
        return cls(INDICATOR, column=column, indicator_id=indicator_id)

    def as_target(self) -> Cell:
        """This place as a comment target names it: a text section is a field, a 合计 the funds cell of
        its group."""
        if self.kind == TEXT:
            return Cell.field(self.key)
        if self.kind == TOTAL:
            return Cell.fund(self.key, self.column)
        return self

    # -- the comment target: the text stored in .goal files ---------------------------------------
    def to_text(self) -> str:
        """``form``, ``field:KEY``, ``fund:LINE:COL`` or ``indicator:ID[:COL]``; never changes (files keep it)."""
        cell = self.as_target()
        if cell.kind == FIELD:
            return f"field:{cell.key}"
        if cell.kind == FUND:
            return f"fund:{cell.key}:{cell.column}"
        if cell.kind == INDICATOR and cell.indicator_id is not None:
            return f"indicator:{cell.indicator_id}" + (f":{cell.column}" if cell.column else "")
        return FORM

    @classmethod
    def parse(cls, text: str) -> Cell:
        """The cell a comment target names; :class:`CellError` for a text that names none."""
        if text == FORM:
            return cls.form()
        kind, _, rest = text.partition(":")
        if kind == FIELD and rest:
            return cls.field(rest)
        if kind == FUND and rest:
            line, _, column = rest.partition(":")
            return cls.fund(line, column)
        if kind == INDICATOR and rest:
            number, _, column = rest.partition(":")
            if number.isdigit() and number.isascii():
                return cls.indicator(int(number), column)
            raise CellError(f"位置「{text}」中的指标编号「{number}」不是数字")
        if kind in (FIELD, FUND, INDICATOR):
            raise CellError(f"位置「{text}」不完整（应写作 field:KEY、fund:LINE:COL 或 indicator:ID[:COL]）")
        raise CellError(f"未知的位置「{text}」（应为 form、field:KEY、fund:LINE:COL 或 indicator:ID[:COL]）")

    @classmethod
    def parse_stored(cls, text: str) -> Cell:
        """A comment's stored target, read as files always were: text that names no cell is the whole form."""
        try:
            return cls.parse(text)
        except CellError:
            return cls.form()

    # -- widgets -----------------------------------------------------------------------------
    def widget_name(self) -> str:
        """The objectName of the widget showing this cell: ``field_KEY``, ``text_KEY``, ``fund_LINE_COL``,
        ``total_GROUP_COL``. Keys may hold underscores; funds columns never do."""
        if self.kind in (FIELD, TEXT):
            return f"{self.kind}_{self.key}"
        if self.kind in (FUND, TOTAL):
            return f"{self.kind}_{self.key}_{self.column}"
        raise ValueError(f"a {self.kind} cell has no widget of its own")

    def widget_names(self) -> list[str]:
        """The objectNames of every widget that may show this comment target (a field as a field or as a
        text section; a funds cell as an amount or as a 合计); none for an indicator or the form."""
        cell = self.as_target()
        if cell.kind == FIELD:
            return [cell.widget_name(), Cell.text(cell.key).widget_name()]
        if cell.kind == FUND:
            return [cell.widget_name(), Cell.total(cell.key, cell.column).widget_name()]
        return []

    @classmethod
    def from_widget_name(cls, name: str) -> Cell | None:
        """What a widget's objectName says it shows; None for any other widget."""
        kind, _, rest = name.partition("_")
        if kind not in WIDGET_KINDS or not rest:
            return None
        if kind in (FIELD, TEXT):
            return cls(kind, rest)
        key, _, column = rest.rpartition("_")
        return cls(kind, key, column) if key and column else None

    # -- the layout grid (goalform.formats.layout) ---------------------------------------------------
    def grid_key(self) -> tuple[str, ...]:
        """The key of the grid cell holding this cell: ``("fund", LINE, COL)``, ``("total", GROUP, COL)``,
        ``("field", KEY)``, ``("text", KEY)``."""
        if self.kind in (FIELD, TEXT):
            return (self.kind, self.key)
        if self.kind in (FUND, TOTAL):
            return (self.kind, self.key, self.column)
        raise ValueError(f"a {self.kind} cell has no key of its own in the layout grid")

    # -- the store's ``fund`` table ------------------------------------------------------------------
    def stored_line(self) -> str:
        """The ``line`` of this amount's ``fund`` row: the line key, or ``total:GROUP`` for a printed 合计."""
        if self.kind == FUND:
            return self.key
        if self.kind == TOTAL:
            return _STORED_TOTAL + self.key
        raise ValueError(f"a {self.kind} cell is not kept in the fund table")

    @classmethod
    def from_stored(cls, line: str, column: str) -> Cell:
        """The amount a ``fund`` row holds: a funds line's, or a printed 合计 (line ``total:GROUP``)."""
        if line.startswith(_STORED_TOTAL):
            return cls.total(line[len(_STORED_TOTAL):], column)
        return cls.fund(line, column)
