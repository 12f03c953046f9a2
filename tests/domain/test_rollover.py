"""roll_forward: last year's form moved on by one year, with findings for what is left to check."""
from __future__ import annotations

import copy

from helpers.reference_forms import reference_form, reference_template

from goalform.domain.form import new_form
from goalform.domain.rollover import roll_forward
from goalform.domain.validation import Severity, validate
from goalform import assets


def test_funds_move_into_the_history_columns() -> None:
    old = reference_form("2026")
    t = reference_template("2026")
    new = roll_forward(old, t).form
    assert new.year == 2027 and old.year == 2026  # the old form is untouched
    for line in t.funds_line_keys():
        assert new.fund(line, "prev2") == old.fund(line, "prev1")
        assert new.fund(line, "prev1") == old.fund(line, "current")
        assert new.fund(line, "current") == ""
    assert new.stated_totals == {}


def test_annual_values_move_and_long_term_part_is_kept() -> None:
    old = reference_form("2024")
    t = reference_template("2024")
    new = roll_forward(old, t).form
    for l1_old, l1_new in zip(old.annual, new.annual):
        for l2_old, l2_new in zip(l1_old.children, l1_new.children):
            for a, b in zip(l2_old.children, l2_new.children):
                assert (b.name, b.prev2, b.prev1, b.value, b.basis, b.category) == (
                    a.name, a.prev1, a.value, "", a.basis, a.category)
    assert new.long_term == old.long_term
    assert new.deadline == old.deadline and new.text("long_term_goal") == old.text("long_term_goal")
    assert new.department == old.department and new.filler == old.filler


def test_fill_date_moves_on_and_leap_day_is_kept_valid() -> None:
    t = reference_template("2026")
    old = reference_form("2026")
    assert roll_forward(old, t).form.fill_date == "2026-12-31"
    old.fill_date = "2024-02-29"
    assert roll_forward(old, t).form.fill_date == "2025-02-28"
    old.fill_date = ""
    assert roll_forward(old, t).form.fill_date == ""


def test_findings_tell_what_is_left_to_check() -> None:
    t = reference_template("2024")
    result = roll_forward(reference_form("2024"), t)
    rules = [f.rule for f in result.findings]
    assert rules.count("rollover.funds_actual") == 4  # fiscal, personnel, operation, specific
    assert "rollover.indicator_actual" in rules and "rollover.funds_current" in rules
    assert "rollover.expected_empty" in rules and "rollover.text" in rules
    deadline = [f for f in result.findings if f.rule == "rollover.deadline"]
    assert deadline and deadline[0].severity is Severity.WARNING and "2024年12月" in deadline[0].message
    funds = [f for f in result.findings if f.rule == "rollover.funds_actual"]
    assert funds[0].location.as_text() == "funds/fiscal/prev1"
    assert funds[0].message == "财政拨款的2024年金额「509.41」是结转前的预算数，请改为实际收支数"
    indicator = next(f for f in result.findings if f.rule == "rollover.indicator_actual")
    assert indicator.location.section == "annual" and indicator.location.column == "prev1"
    assert indicator.location.path == (0, 0, 0)
    assert all(f.severity in (Severity.WARNING, Severity.INFO) for f in result.findings)


def test_flags_survive_in_the_notes_and_clear_when_the_value_changes() -> None:
    t = reference_template("2026")
    new = roll_forward(reference_form("2026"), t).form
    assert "[待核对] 资金「财政拨款」上年（2026年）金额「1424」" in new.notes
    pending = [f for f in validate(new, t) if f.rule.startswith("rollover.")]
    assert {f.rule for f in pending} == {"rollover.funds_actual", "rollover.indicator_actual"}
    n_indicators = sum(1 for f in pending if f.rule == "rollover.indicator_actual")
    # The clerk types the actual figures: the warnings go away one by one.
    new.funds[("fiscal", "prev1")] = "1400"
    leaf = next(l3 for l1 in new.annual for l2 in l1.children for l3 in l2.children if l3.prev1)
    leaf.prev1 = "实际值"
    after = [f for f in validate(new, t) if f.rule.startswith("rollover.")]
    assert not any(f.location.as_text() == "funds/fiscal/prev1" for f in after)
    assert sum(1 for f in after if f.rule == "rollover.indicator_actual") == n_indicators - 1


def test_rolling_twice_replaces_the_old_marks_and_keeps_own_notes() -> None:
    t = reference_template("2026")
    form = reference_form("2026")
    form.notes = "自己的备注"
    once = roll_forward(form, t).form
    once.funds[("fiscal", "current")] = "1500"
    twice = roll_forward(once, t).form
    assert twice.year == 2028 and twice.notes.startswith("自己的备注\n\n结转待核对（2027年表结转为2028年表）：")
    assert "上年（2026年）" not in twice.notes  # last year's marks are gone
    assert "上年（2027年）金额「1500」" in twice.notes
    assert twice.fund("fiscal", "prev2") == "1424" and twice.fund("fiscal", "prev1") == "1500"


def test_blank_form_rolls_without_marks() -> None:
    t = assets.template("2026")
    result = roll_forward(new_form(t, 2026), t)
    assert result.form.notes == "" and result.form.year == 2027
    assert not any(f.severity is Severity.WARNING for f in result.findings)


def test_a_form_never_rolled_over_gets_no_rollover_findings() -> None:
    t = reference_template("2024")
    form = reference_form("2024")
    form.notes = "[待核对] 不是合法的标记"
    assert not [f for f in validate(form, t) if f.rule.startswith("rollover.")]
    assert copy.deepcopy(form) == form


def test_a_newer_template_for_the_new_year_is_pointed_out() -> None:
    old_t, new_t = assets.template("2024"), assets.template("2026")
    form = new_form(old_t, 2025)
    rules = [f.rule for f in roll_forward(form, old_t, available=[old_t, new_t]).findings]
    assert "rollover.template" in rules
    form = new_form(old_t, 2024)  # rolled to 2025: the 2026 version does not apply yet
    assert "rollover.template" not in [f.rule for f in roll_forward(form, old_t, available=[old_t, new_t]).findings]
    assert roll_forward(new_form(old_t, 2025), old_t).form.template_id == "2024"
