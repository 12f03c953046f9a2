"""Which rules an edit can change the findings of, so that the editor revalidates only those (issue 25).

This is data: for each kind of cell a clerk edits, the rules that read it and how far each must look
again.

- ``WHOLE``: the rule runs again over the whole form. Its findings anywhere may change: it compares
  rows with each other (duplicates, the two trees matched by name), counts them (a 一级 without 三级,
  the quantified share), or reads the form as one (the fingerprint behind ``review.modified``).
- ``ROW``: the rule runs again on the edited rows only (an edited 二级 with the 三级 under it); its
  findings at the other rows of the trees are kept, its findings outside the trees (header, texts,
  amounts) are all made again. Such a rule reads nothing of a row but the row, its 一级 and 二级, the
  template and the form's year: a row's findings are the same whatever the other rows hold.

Rules named nowhere here for a cell never read it: their findings are kept (a rule named nowhere at
all, a new one, runs again on every edit). ``review.modified`` is
named for every cell because the fingerprint covers every cell. An edit of anything else (rows
inserted, deleted or moved, a pasted block of rows, review records, the year, a new library) runs
every rule. ``tests/domain/test_validation_scope.py`` edits many forms in many ways and checks that
the scoped findings equal a full validation's, in the same order: a rule that reads a cell but is
missing here (or marked ROW while it compares rows) fails it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from goalform.domain.form import TREES
from goalform.domain.template import Template
from goalform.domain.values import FrozenValue

ROW, WHOLE = "row", "whole"
Reach = Mapping[str, str]  # rule id -> ROW or WHOLE

_FINGERPRINT: Reach = {"review.modified": WHOLE}  # the fingerprint covers every cell
_MARKUP: Reach = {"texts.markup": ROW}  # markup left in any cell: outside the trees it always looks again

# Typing in the 资金情况 table (the amounts and a printed 合计 dropped with them).
AMOUNTS: Reach = {
    "funds.amount": WHOLE, "funds.total": WHOLE, "funds.balance": WHOLE,  # the amounts themselves
    "quality.funds_change": WHOLE, "rollover.funds_actual": WHOLE,  # amounts against last year's
    **_MARKUP, **_FINGERPRINT,
}
AMOUNT_RULES: frozenset[str] = frozenset(AMOUNTS)

# A header field, the 长期目标 deadline or the notes, by key; a text section of the template: TEXT.
FIELDS: Mapping[str, Reach] = {
    "department": {"header.required": WHOLE, **_MARKUP, **_FINGERPRINT},
    "filler": {"header.required": WHOLE, **_MARKUP, **_FINGERPRINT},
    "phone": {"header.required": WHOLE, "header.phone": WHOLE, **_MARKUP, **_FINGERPRINT},
    "fill_date": {"header.required": WHOLE, "header.fill_date": WHOLE, **_MARKUP, **_FINGERPRINT},
    "deadline": {"texts.deadline": WHOLE, **_MARKUP, **_FINGERPRINT},
    # The rollover marks live in the notes.
    "notes": {"rollover.funds_actual": WHOLE, "rollover.indicator_actual": WHOLE, **_MARKUP, **_FINGERPRINT},
}
TEXT: Reach = {"texts.required": WHOLE, **_MARKUP, **_FINGERPRINT}

# Whether a 三级 is an indicator at all: its name (blank, 「……」), its value (「……」) and its 二级's
# name (「……」). Every rule over the indicators depends on that, so a name or a value reaches them all.
_MEMBERSHIP: Reach = {
    "indicators.level3": WHOLE,  # counts the 三级 of each 一级
    "indicators.duplicate": WHOLE,  # compares the names under one 二级
    "indicators.basis_mismatch": WHOLE,  # a basis against the explanations of the indicators present
    "quality.tree_match": WHOLE,  # each tree's names against the other's
    "quality.quantified_share": WHOLE,  # one figure over every indicator
    "indicators.placeholder": ROW, "indicators.name": ROW, "indicators.value": ROW, "indicators.basis": ROW,
    "indicators.category": ROW, "indicators.history": ROW, "quality.qualitative": ROW,
    "quality.rate_range": ROW, "quality.regression": ROW, "library.placement": ROW,
    **_MARKUP, **_FINGERPRINT,
}

# An indicator's cell (a 二级's or a 三级's), by column.
INDICATOR_COLUMNS: Mapping[str, Reach] = {
    "name": {**_MEMBERSHIP, "indicators.empty_level2": ROW,  # a 二级 named, with no 三级 under it
             "rollover.indicator_actual": WHOLE},  # marks name their indicator by its path of names
    "value": _MEMBERSHIP,  # 「无」 also spares the basis and the category; rates, regression, quantified
    "basis": {"indicators.basis": ROW, "indicators.basis_mismatch": WHOLE, **_MARKUP, **_FINGERPRINT},
    "category": {"indicators.category": ROW, **_MARKUP, **_FINGERPRINT},
    "prev2": {"indicators.history": ROW, "quality.rate_range": ROW, **_MARKUP, **_FINGERPRINT},
    "prev1": {"indicators.history": ROW, "quality.rate_range": ROW, "quality.regression": ROW,
              "rollover.indicator_actual": WHOLE, **_MARKUP, **_FINGERPRINT},
}

# Rules that read no cell a clerk edits (only the review records).
NO_CELLS: frozenset[str] = frozenset({"review.approved_changed"})

# Every rule this module has placed. A rule it does not know (a new one) runs again on every edit.
KNOWN: frozenset[str] = AMOUNT_RULES | NO_CELLS | frozenset(
    r for reach in (TEXT, *FIELDS.values(), *INDICATOR_COLUMNS.values()) for r in reach)

RowPath = tuple[str, tuple[int, ...]]  # (tree, index path of a 二级 or 三级)


class Scope(FrozenValue):
    """What one revalidation runs: ``whole`` rules over the whole form, ``row`` rules on the rows at or
    below ``rows`` only (keeping their findings elsewhere in the trees); every other rule's findings
    are kept."""

    whole: frozenset[str]
    row: frozenset[str]
    rows: frozenset[RowPath]

    def __init__(self, whole: frozenset[str] = frozenset(), row: frozenset[str] = frozenset(),
                 rows: frozenset[RowPath] = frozenset()) -> None:
        self.__dict__.update(whole=whole, row=row, rows=rows)

    def __or__(self, other: Scope) -> Scope:
        """Both edits' scopes: a rule WHOLE for one is WHOLE; a ROW rule looks at the rows of both
        (looking again at more rows than needed is always right)."""
        whole = self.whole | other.whole
        return Scope(whole, (self.row | other.row) - whole, self.rows | other.rows)

    def runs_whole(self, rule: str) -> bool:
        """True when ``rule`` runs again over the whole form (also a rule not placed here: :data:`KNOWN`)."""
        return rule in self.whole or rule not in KNOWN

    def remakes(self, rule: str, section: str, path: tuple[int, ...]) -> bool:
        """True when this run makes a finding of ``rule`` at (``section``, ``path``) again (so the last
        run's is dropped); False when the last run's finding stays."""
        if self.runs_whole(rule):
            return True
        if rule not in self.row:
            return False
        if section not in TREES:
            return True  # a ROW rule looks again at everything outside the trees
        return any(section == tree and path[:len(p)] == p for tree, p in self.rows)


def of_reach(reach: Reach, rows: Iterable[RowPath] = ()) -> Scope:
    """The scope of an edit whose rules are ``reach``, at ``rows`` (for an indicator's cell)."""
    return Scope(frozenset(r for r, how in reach.items() if how == WHOLE),
                 frozenset(r for r, how in reach.items() if how == ROW), frozenset(rows))


AMOUNT_SCOPE = of_reach(AMOUNTS)


def field_scope(key: str, template: Template) -> Scope | None:
    """The scope of an edit of the field or text section ``key``; None for a key not known here."""
    reach = FIELDS.get(key) or (TEXT if any(t.key == key for t in template.texts) else None)
    return of_reach(reach) if reach is not None else None


def indicator_scope(tree: str, path: tuple[int, ...], column: str) -> Scope | None:
    """The scope of an edit of ``column`` of the 二级 or 三级 at ``path`` in ``tree``; None for a column
    not known here."""
    reach = INDICATOR_COLUMNS.get(column)
    return of_reach(reach, [(tree, path)]) if reach is not None and len(path) >= 2 else None
