"""FundsReading: a form's amounts read once; one made from the last parses only the cells that changed,
and its totals and shares are those of the plain helpers (issue 25: parse each value once)."""
from __future__ import annotations

import itertools

import pytest
from helpers.valid_forms import valid_form

from goalform.domain import funds as funds_module
from goalform.domain.amounts import parse_amount
from goalform.domain.funds import FundsReading, group_total, line_amount, summarize_funds
from goalform.domain.template import COLUMNS

TEXTS = ["", "0", "12.5", "1,000", "３００万元", "-3", "1.234", "abc", "500元", " 7 "]


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(funds_module, "parse_amount", lambda text, decimals=2: texts.append(text) or parse_amount(text, decimals))
    return texts


@pytest.mark.parametrize("version", ["2024", "2026"])
def test_a_reading_from_the_last_parses_only_what_changed(version, parsed) -> None:
    form, template = valid_form(version)
    form.stated_totals[(template.funds[0].key, "current")] = "999"
    reading = FundsReading(form, template)
    assert len(parsed) == len(form.funds) + len(form.stated_totals)  # each cell once
    lines = [(line.key, column) for g in template.funds for line in g.lines for column in COLUMNS]
    for (line, column), text in zip(itertools.cycle(lines), TEXTS * 2):
        form.funds[(line, column)] = text
        parsed.clear()
        reading = FundsReading(form, template, since=reading)
        assert parsed in ([], [text])  # the changed cell only (none when its text is the one it had)
        fresh = FundsReading(form, template)
        for key in lines:
            assert reading.parsed(*key) == fresh.parsed(*key) == parse_amount(form.fund(*key), template.amount_decimals)
            assert reading.amount(*key) == line_amount(form, template, *key)
        for group in template.funds:
            assert reading.stated(group.key, "current") == parse_amount(
                form.stated_totals.get((group.key, "current"), ""), template.amount_decimals)
            for column in COLUMNS:
                assert reading.total(group, column) == group_total(form, template, group, column)
        assert summarize_funds(form, template, reading) == summarize_funds(form, template)


def test_a_reading_of_another_template_is_not_reused(parsed) -> None:
    form, template = valid_form("2026")
    other_form, other = valid_form("2024")
    reading = FundsReading(other_form, other)
    parsed.clear()
    FundsReading(form, template, since=reading)
    assert len(parsed) == len(form.funds)
