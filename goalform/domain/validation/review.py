"""Review rules: a submitted or approved form that no longer matches its recorded fingerprint, and an
approval that covers content other than the submitted. Their sentences are the ones every surface
says (``goalform review``/``show``, the GUI: :func:`goalform.domain.review_text.review_alerts`)."""
from __future__ import annotations

from collections.abc import Iterator

from goalform.domain.fingerprint import fingerprint, short
from goalform.domain.form import Form
from goalform.domain.messages import Text, msg
from goalform.domain.review import FROZEN, StatusChange
from goalform.domain.sections import REVIEW
from goalform.domain.template import Template
from goalform.domain.validation.core import Location, Severity, rule


def _when(change: StatusChange) -> str:
    return change.when[:16].replace("T", " ")


def modified_text(change: StatusChange, now: str) -> Text:
    return msg("文件在{status}后被修改：{who} 于 {when} {status}时的指纹为 {recorded}，现在为 {now}",
               status=change.status.label, who=change.who, when=_when(change), recorded=short(change.fingerprint),
               now=short(now))


def approved_changed_text(submission: StatusChange, approval: StatusChange) -> Text:
    if approval.changed_from:
        return msg("通过的内容与提交的不同（提交后被修改）：{submitter} 于 {submitted} 提交的指纹为 {before}，"
                   "{approver} 于 {approved} 通过的指纹为 {after}（通过时已确认接受提交后的修改）",
                   submitter=submission.who, submitted=_when(submission), before=short(submission.fingerprint),
                   approver=approval.who, approved=_when(approval), after=short(approval.fingerprint))
    return msg("通过的内容与提交的不同（提交后被修改）：{submitter} 于 {submitted} 提交的指纹为 {before}，"
               "{approver} 于 {approved} 通过的指纹为 {after}（通过时未注明接受修改）",
               submitter=submission.who, submitted=_when(submission), before=short(submission.fingerprint),
               approver=approval.who, approved=_when(approval), after=short(approval.fingerprint))


@rule("review.modified", Severity.ERROR, "文件在提交后被修改")
def modified_after_submission(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """While a form is 已提交 or 已通过, its content must still have the fingerprint recorded with
    that status; otherwise someone changed the file afterwards. (Only computed for such forms.)"""
    review = form.review
    change = review.last_change if review is not None else None
    if change is None or change.status not in FROZEN or not change.fingerprint:
        return
    now = fingerprint(form)
    if now != change.fingerprint:
        yield Location(REVIEW, "status"), modified_text(change, now)


@rule("review.approved_changed", Severity.WARNING, "通过的内容与提交的不同")
def approved_content_differs(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """An 已通过 form whose approved content is not the content that was submitted: it was changed
    after 提交 (and the approval accepted that, or came from a goalform that did not check). Said
    for as long as the form is 已通过 on that approval, so that it never looks like a clean one."""
    review = form.review
    pair = review.approved_over_changes if review is not None else None
    if pair is not None:
        yield Location(REVIEW, "status"), approved_changed_text(*pair)
