"""Which rules an edit can change the findings of, so that the editor revalidates only those.

Typing in an amount changes what the rules reading the amounts say, and nothing else: the
validation runner then runs :data:`AMOUNT_RULES` on the form it already holds (with the new amounts)
and keeps the other rules' findings. ``tests/domain/test_validation_scope.py`` changes amounts of
many forms and checks that no rule outside this set says anything new, so a new rule that reads
amounts cannot be forgotten here.
"""
from __future__ import annotations

AMOUNT_RULES: frozenset[str] = frozenset({
    "funds.amount", "funds.total", "funds.balance",  # the amounts themselves
    "quality.funds_change", "rollover.funds_actual",  # amounts against last year's
    "texts.markup",  # markup left in any cell, amounts included
    "review.modified",  # the fingerprint covers every cell
})
