"""Validation: small rules over the domain model, each with an id, a severity and a Chinese message.

Rules live in the modules of this package and register themselves with :func:`rule`; importing the
package loads them all. :func:`validate` runs every rule and returns findings ordered by where they
point in the form, so the GUI and the CLI list them in reading order.
"""
from __future__ import annotations

from goalform.domain.validation.core import (
    Finding,
    Location,
    Missing,
    RuleSpec,
    Severity,
    all_rules,
    rule,
    shown_while_filling,
    validate,
)

# Importing the rule modules registers their rules.
from goalform.domain.validation import budget as _budget  # noqa: F401,E402
from goalform.domain.validation import header as _header  # noqa: F401,E402
from goalform.domain.validation import texts as _texts  # noqa: F401,E402
from goalform.domain.validation import indicators as _indicators  # noqa: F401,E402
from goalform.domain.validation import quality as _quality  # noqa: F401,E402
from goalform.domain.validation import review as _review  # noqa: F401,E402
from goalform.domain.validation import rollover as _rollover  # noqa: F401,E402
from goalform.domain.validation import library as _library  # noqa: F401,E402

__all__ = ["Finding", "Location", "Missing", "RuleSpec", "Severity", "all_rules", "rule", "shown_while_filling",
           "validate"]
