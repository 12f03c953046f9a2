"""An amount edit revalidates only the rules that read amounts (issue 25): the result is exactly what
a full validation gives, for many forms and many amounts (so a rule reading amounts cannot be left out
of AMOUNT_RULES)."""
from __future__ import annotations

import copy
import itertools

import pytest
from helpers.valid_forms import valid_form

from goalform import assets
from goalform.domain.review import Review, Status, StatusChange
from goalform.domain.rollover import roll_forward
from goalform.domain.fingerprint import fingerprint
from goalform.domain.validation import validate
from goalform.domain.validation.scope import AMOUNT_RULES

AMOUNTS = ["", "0", "12.5", "500", "1,000", "３００万元", "-3", "1.234", "abc", "500元", "99999999999", "<br>5", "5\x01",
           "1e3", " 7 "]


def _forms():
    for version in ("2024", "2026"):
        form, template = valid_form(version)
        yield f"valid {version}", form, template
        yield f"blank {version}", _blank(template), template
        rolled = roll_forward(form, template).form
        yield f"rolled over {version}", rolled, template
        submitted = copy.deepcopy(form)
        submitted.review = Review([], [StatusChange(Status.SUBMITTED, "张三", "2026-01-01T00:00:00+08:00",
                                                    fingerprint(form), "")])
        yield f"submitted {version}", submitted, template


def _blank(template):  # noqa: ANN001, ANN202
    from goalform.domain.form import new_form

    return new_form(template)


@pytest.mark.parametrize("name, form, template", list(_forms()), ids=lambda v: v if isinstance(v, str) else "")
def test_amount_edits_change_only_the_amount_rules(name, form, template) -> None:  # noqa: ANN001
    cells = [(line.key, column) for g in template.funds for line in g.lines for column in ("current", "prev1", "prev2")]
    before = validate(form, template)
    for (line, column), text in zip(itertools.cycle(cells[::3] + cells[1::3]), AMOUNTS * 3):
        form.funds[(line, column)] = text
        if text == "12.5":
            form.stated_totals[(template.funds[0].key, column)] = "999"
        elif text == "0":
            form.stated_totals.clear()
        full = validate(form, template)
        assert validate(form, template, only=AMOUNT_RULES, keep=before) == full, (line, column, text)
        before = full
