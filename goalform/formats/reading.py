"""What reading a document gives: the form's table as rows of cell texts and the paragraphs around it
(:class:`TableContent`, handed by each document reader to the grid reader), or :class:`ReadError`."""
from __future__ import annotations

from dataclasses import dataclass, field

from goalform.domain.errors import UserError


@dataclass
class TableContent:
    """A document's form table in formdump's shape, plus what surrounds it, in reading order.

    ``rows``: a cell that spans columns appears once, a cell that continues a vertical merge appears
    empty, a cell's paragraphs are joined with newlines.
    """

    before: list[str] = field(default_factory=list)  # paragraphs (or one-cell rows) above the table
    rows: list[list[str]] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # paragraphs below it
    other_tables: list[list[list[str]]] = field(default_factory=list)  # further tables, same shape


class ReadError(UserError):
    """A document cannot be read at all; the message is for the user (Chinese)."""
