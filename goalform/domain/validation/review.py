"""Review rules: a submitted or approved form that no longer matches its recorded fingerprint."""
from __future__ import annotations

from typing import Iterator

from goalform.domain.fingerprint import fingerprint, short
from goalform.domain.form import Form
from goalform.domain.review import FROZEN
from goalform.domain.template import Template
from goalform.domain.validation.core import Location, Severity, rule


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
        yield (
            Location("review", "status"),
            f"文件在{change.status.label}后被修改：{change.who} 于 {change.when[:16].replace('T', ' ')} "
            f"{change.status.label}时的指纹为 {short(change.fingerprint)}，现在为 {short(now)}",
        )
