"""One line per form for a reviewer's overview of a pile of submissions (``goalform summarize``).

Pure: takes a form, its template and its findings; the batch reading lives in
:mod:`goalform.store.summary_reader`, the spreadsheet in :mod:`goalform.formats.summary_xlsx`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from goalform.domain.fingerprint import fingerprint
from goalform.domain.form import Form
from goalform.domain.funds import group_total, line_amount
from goalform.domain.review import FROZEN, Status
from goalform.domain.targets import QuantifiedShare, indicator_figures
from goalform.domain.template import Template
from goalform.domain.validation import Finding, Severity, validate


@dataclass(frozen=True)
class FormSummary:
    path: str
    department: str
    template_id: str
    template_name: str
    year: int
    funds: dict[str, Decimal | None]  # funds line key -> 当年金额
    totals: dict[tuple[str, str], Decimal | None]  # (group key, column) -> derived 合计
    annual_counts: dict[str, int]  # 一级 name -> number of annual 三级 indicators
    long_term_count: int
    annual_count: int
    quantified: QuantifiedShare  # both trees
    errors: int
    warnings: int
    status: Status
    status_who: str = ""
    status_when: str = ""
    fingerprint: str = ""
    recorded_fingerprint: str = ""  # recorded with the last status change
    modified_after_status: bool = False
    approved_changed: bool = False  # 已通过 with content other than the submitted (Review.approved_over_changes)
    # Amount cells whose text is not an amount (``300元``, ``12,5``), named 「财政拨款（2026年）：300元」:
    # they are left out of the figures and totals above, which are then incomplete.
    unreadable_amounts: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = field(default=(), compare=False, repr=False)


SUMMED_COLUMNS = ("current", "prev1")  # the funds columns the summary adds up


def unreadable_amounts(form: Form, template: Template) -> tuple[str, ...]:
    """The amount cells the summary adds up whose text is not an amount, named with their text."""
    years = {"current": form.year, "prev1": template.history_years(form.year)[1]}
    out = []
    for group in template.funds:
        for line in group.lines:
            for column in SUMMED_COLUMNS:
                text = form.fund(line.key, column)
                if text.strip() and line_amount(form, template, line.key, column) is None:
                    out.append(f"{line.label.replace(chr(10), '')}（{years[column]}年）：{text.strip()[:20]}")
    return tuple(out)


def summarize_form(form: Form, template: Template, path: str = "", findings: list[Finding] | None = None) -> FormSummary:
    """The summary line of ``form``; validates it unless ``findings`` are given."""
    if findings is None:
        findings = validate(form, template)
    review = form.review
    change = review.last_change if review is not None else None
    fp = fingerprint(form)
    annual, annual_share = indicator_figures(form, "annual")
    long_term, long_term_share = indicator_figures(form, "long_term")
    return FormSummary(
        path=path,
        department=form.department.strip(),
        template_id=template.id,
        template_name=template.name,
        year=form.year,
        funds={line.key: line_amount(form, template, line.key, "current") for g in template.funds for line in g.lines},
        totals={(g.key, c): group_total(form, template, g, c) for g in template.funds for c in ("current", "prev1")},
        annual_counts=annual,
        long_term_count=sum(long_term.values()),
        annual_count=sum(annual.values()),
        quantified=QuantifiedShare(long_term_share.quantified + annual_share.quantified,
                                   long_term_share.total + annual_share.total),  # quantified_share(form)
        errors=sum(1 for f in findings if f.severity is Severity.ERROR),
        warnings=sum(1 for f in findings if f.severity is Severity.WARNING),
        status=change.status if change else Status.DRAFT,
        status_who=change.who if change else "",
        status_when=change.when if change else "",
        fingerprint=fp,
        recorded_fingerprint=change.fingerprint if change else "",
        modified_after_status=bool(change and change.status in FROZEN and change.fingerprint
                                   and change.fingerprint != fp),
        approved_changed=review is not None and review.approved_over_changes is not None,
        unreadable_amounts=unreadable_amounts(form, template),
        findings=tuple(findings),
    )
