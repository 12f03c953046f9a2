"""Where a finding points: the one type the rules, the row index and the GUI share (apart from
the rule registry in :mod:`core`, so that :mod:`rows` can use it without a circle)."""
from __future__ import annotations

from dataclasses import dataclass

# The order of sections in the form; findings are sorted by it.
SECTION_ORDER = ("header", "funds", "texts", "long_term", "annual", "notes", "review")


@dataclass(frozen=True)
class Location:
    """Where a finding points, in terms the GUI can jump to.

    section: one of SECTION_ORDER.
    field:   a header field or text key; a funds line or group key; an indicator column.
    column:  a funds column (current, prev2, prev1).
    path:    an indicator's index path from its 一级 node down.
    indicator_id: the store's id of the indicator, when the form came from a .goal.
    """

    section: str
    field: str = ""
    column: str = ""
    path: tuple[int, ...] = ()
    indicator_id: int | None = None

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
