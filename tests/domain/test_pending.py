"""Findings that guide: empty required cells are "missing" (待填 while filling in), real mistakes are not."""
from __future__ import annotations

from collections import Counter

from goalform import assets
from goalform.domain.form import Form
from goalform.domain.validation import Missing, Severity, all_rules, shown_while_filling, validate
from goalform.domain.validation.header import phone_ok
from goalform.store.document import Document


def _fresh(version: str = "2026") -> tuple[Form, object]:
    doc = Document.new(assets.template(version), 2026)
    try:
        return doc.load_form(), doc.template
    finally:
        doc.close()


def test_a_fresh_form_has_nothing_but_cells_to_fill_in() -> None:
    form, template = _fresh()
    findings = validate(form, template)
    assert len(findings) > 100
    problems = [f for f in findings if f.severity is not Severity.INFO]
    assert problems and all(f.missing for f in problems), [f.message for f in problems if not f.missing]
    shown = Counter(f.severity for f in shown_while_filling(findings, checked=False))
    assert shown[Severity.ERROR] == 0 and shown[Severity.WARNING] == 0
    assert shown[Severity.PENDING] == len(problems)
    # The explicit check (and `goalform validate`) reports them at their own severity.
    assert shown_while_filling(findings, checked=True) == findings
    assert sum(f.severity is Severity.ERROR for f in findings) > 100


def test_real_mistakes_are_errors_at_once() -> None:
    form, template = _fresh()
    form.phone = "电话待定"
    form.fill_date = "2025-02-30"
    form.funds[("fiscal", "current")] = "一百"
    form.deadline = "28年"
    shown = {f.rule: f for f in shown_while_filling(validate(form, template), checked=False)}
    for rule in ("header.phone", "header.fill_date", "funds.amount", "texts.deadline"):
        assert shown[rule].severity is Severity.ERROR and not shown[rule].missing, rule


def test_a_wrong_choice_is_an_error_an_empty_one_is_missing() -> None:
    form, template = _fresh()
    leaf = form.tree("annual")[0].children[0].children[0]
    leaf.category = "随便"
    leaf.value = "90%"
    findings = [f for f in validate(form, template) if f.location.indicator_id == leaf.id]
    by_rule = {f.rule: f for f in findings}
    assert not by_rule["indicators.category"].missing
    assert by_rule["indicators.basis"].missing
    assert "indicators.value" not in by_rule


def test_missing_messages_are_plain_text_and_rules_declare_them() -> None:
    form, template = _fresh()
    findings = validate(form, template)
    # A Missing never leaks into JSON or the CLI: a plain str (a Text, translatable in the GUI)
    assert all(isinstance(f.message, str) and not isinstance(f.message, Missing) for f in findings)
    assert all(set(f.as_json()) == {"rule", "severity", "location", "message"} for f in findings)
    declared = {s.id for s in all_rules() if s.reports_missing}
    assert {f.rule for f in findings if f.missing} <= declared
    assert isinstance(Missing("x"), str)


def test_the_phone_placeholder_and_its_kin_are_accepted() -> None:
    for good in ("027-12345678", "027-1234567-801", "(027)12345678", "（027）12345678", "0271-2345678",
                 "13812345678", "+86 138 1234 5678", "+86-13812345678", "0086 13812345678", "027-12345678转801",
                 "8600123", "010-12345678、13812345678"):
        assert phone_ok(good), good
    for bad in ("12345", "1234567", "027-0123456", "138123456789", "027-123", "电话"):
        assert not phone_ok(bad), bad
