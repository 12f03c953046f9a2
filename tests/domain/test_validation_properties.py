"""Property tests: validate() copes with any form a clerk or an import can produce."""
from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from helpers.valid_forms import number_indicators

from goalform import assets
from goalform.domain.fingerprint import fingerprint
from goalform.domain.form import Indicator, new_form, walk
from goalform.domain.validation import Severity, validate

# Text as clerks and converted documents produce it: CJK, digits, %, comparators, placeholders,
# spaces of every kind and the odd control character.
ALPHABET = st.sampled_from(list("率数≥≤<>=%％0123456789.-…。，、无有效提升年月 \u3000\t\n\x07[]_:") + ["计划标准", "基本型", "……"])
TEXT = st.lists(ALPHABET, max_size=8).map("".join)


@st.composite
def forms(draw):
    template = assets.template(draw(st.sampled_from(["2024", "2026"])))
    form = new_form(template, draw(st.integers(min_value=2000, max_value=2100)))
    form.department, form.filler, form.phone, form.deadline, form.notes = (draw(TEXT) for _ in range(5))
    form.texts = {t.key: draw(TEXT) for t in template.texts}
    for g in template.funds:
        for line in g.lines:
            for column in ("current", "prev2", "prev1"):
                form.funds[(line.key, column)] = draw(TEXT)
        form.stated_totals[(g.key, "current")] = draw(TEXT)
    for tree in ("long_term", "annual"):
        for l1 in form.tree(tree):
            if draw(st.booleans()):
                l1.children = [
                    Indicator(level=2, name=draw(TEXT), children=[
                        Indicator(level=3, name=draw(TEXT), value=draw(TEXT), basis=draw(TEXT),
                                  category=draw(TEXT), prev2=draw(TEXT), prev1=draw(TEXT))
                        for _ in range(draw(st.integers(0, 3)))
                    ])
                    for _ in range(draw(st.integers(0, 3)))
                ]
    return number_indicators(form), template


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms())
def test_validate_never_fails_and_points_at_real_places(case) -> None:
    form, template = case
    before = fingerprint(form)
    findings = validate(form, template)
    assert fingerprint(form) == before  # validation never changes the form
    ids = {}
    for tree in ("long_term", "annual"):
        for path, node in walk(form.tree(tree)):
            ids[(tree, path)] = node.id
    for f in findings:
        assert f.message and isinstance(f.severity, Severity)
        loc = f.location
        if loc.path:
            assert (loc.section, loc.path) in ids, f
            assert loc.indicator_id in (None, ids[(loc.section, loc.path)]), f
    assert validate(copy.deepcopy(form), template) == findings  # deterministic
