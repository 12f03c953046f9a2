"""The one scheme that names the widget showing a field of the form, written and read here only.

The tabs name their widgets with it (``field_KEY`` for a header field or the deadline, ``text_KEY``
for a text section or 备注, ``fund_LINE_COLUMN`` for an amount, ``total_GROUP_COLUMN`` for a 合计),
and the reviewer's tools read it back to know what a widget shows, or which widget shows a comment's
target. Keys may hold underscores; funds columns (current, prev2, prev1) never do.
"""
from __future__ import annotations

from dataclasses import dataclass

from goalform.domain.review import field_target, fund_target, parse_target

KINDS = ("field", "text", "fund", "total")


@dataclass(frozen=True)
class FieldName:
    kind: str  # one of KINDS
    key: str  # a field or text key, a funds line or group key
    column: str = ""  # the funds column of an amount or a 合计

    def target(self) -> str:
        """The review target (:mod:`goalform.domain.review`) of what this widget shows."""
        if self.kind in ("field", "text"):
            return field_target(self.key)
        return fund_target(self.key, self.column)


def field_widget(key: str) -> str:
    return f"field_{key}"


def text_widget(key: str) -> str:
    return f"text_{key}"


def fund_widget(line: str, column: str) -> str:
    return f"fund_{line}_{column}"


def total_widget(group: str, column: str) -> str:
    return f"total_{group}_{column}"


def parse(object_name: str) -> FieldName | None:
    """What a widget's object name says it shows; None for any other widget."""
    kind, _, rest = object_name.partition("_")
    if kind not in KINDS or not rest:
        return None
    if kind in ("field", "text"):
        return FieldName(kind, rest)
    key, _, column = rest.rpartition("_")
    return FieldName(kind, key, column) if key and column else None


def widgets_of_target(target: str) -> list[str]:
    """The object names that may show a review target (fields: as a field or as a text section)."""
    t = parse_target(target)
    if t.kind == "field":
        return [field_widget(t.key), text_widget(t.key)]
    if t.kind == "fund":
        return [fund_widget(t.key, t.column), total_widget(t.key, t.column)]
    return []
