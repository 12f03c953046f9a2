"""Validation: small rules over the domain model, each with an id, a severity and a Chinese message.

Rules live in the modules of this package and register themselves with :func:`rule`. They are loaded
when rules are first asked for (:func:`validate`, :func:`all_rules`, ``validate_against``), not when
the package is imported: whoever only shows findings (the window's first frame) does not pay for them.
:func:`validate` runs every rule and returns findings ordered by where they point in the form, so the
GUI and the CLI list them in reading order.
"""
from __future__ import annotations

from goalform.domain.validation import core as _core
from goalform.domain.validation.core import (
    Finding,
    Location,
    Missing,
    RuleSpec,
    Severity,
    all_rules,
    gate_count,
    gate_errors,
    rule,
    shown_while_filling,
    validate,
)


def _load_rules() -> list[str]:
    """Import the rule modules (importing one registers its rules); their names, in the order the
    rules run and are listed, whichever was imported first."""
    from goalform.domain.validation import budget, header, texts, indicators, quality, review, rollover, library

    return [m.__name__ for m in (budget, header, texts, indicators, quality, review, rollover, library)]


_core.load_rules = _load_rules  # core asks for them before the first rule runs or is listed

__all__ = ["Finding", "Location", "Missing", "RuleSpec", "Severity", "all_rules", "gate_count", "gate_errors", "rule",
           "shown_while_filling", "validate"]
