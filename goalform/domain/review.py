"""The review of a submitted form: 审核意见 (comments) and the status with its history.

A form moves 草稿 → 已提交 → 已退回 / 已通过; a returned form is submitted again, an approved one can
still be returned. Every status change records who made it, when, a note and the fingerprint of the
form at that moment (:mod:`goalform.domain.fingerprint`), so a reviewer can tell whether the file
was changed after it was submitted. Pure data: the store keeps it, the clock is the caller's.
"""
from __future__ import annotations

from enum import Enum

from goalform.domain.cells import Cell
from goalform.domain.errors import UserError
from goalform.domain.values import FrozenValue, Value


class ReviewError(UserError, ValueError):
    """A review action that makes no sense (e.g. approving a draft); ``str()`` is a Chinese message."""


class ChangedSinceSubmission(ReviewError):
    """通过 of a form whose content is not the content that was submitted, without saying so."""


class Status(str, Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def from_text(cls, text: str) -> "Status":
        """A status from its code (``submitted``) or its Chinese label (``已提交``)."""
        for status in cls:
            if text in (status.value, status.label):
                return status
        raise ReviewError(f"未知的审核状态「{text}」（可用：{'、'.join(s.label for s in cls)}）")


_LABELS = {Status.DRAFT: "草稿", Status.SUBMITTED: "已提交", Status.RETURNED: "已退回", Status.APPROVED: "已通过"}

# Which status may follow which. Re-submitting a submitted form is allowed (the clerk fixed
# something before the reviewer looked); an approved form can still be returned.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED}),
    Status.SUBMITTED: frozenset({Status.SUBMITTED, Status.RETURNED, Status.APPROVED}),
    Status.RETURNED: frozenset({Status.SUBMITTED}),
    Status.APPROVED: frozenset({Status.RETURNED}),
}

# Statuses under which the form is expected to stay as it was submitted.
FROZEN: frozenset[Status] = frozenset({Status.SUBMITTED, Status.APPROVED})


# Statuses that must say why: a returned form goes back to the clerk, who needs to know what to fix.
NEEDS_REASON: frozenset[Status] = frozenset({Status.RETURNED})


def check_note(status: Status, note: str) -> None:
    """Raise :class:`ReviewError` when ``status`` needs a reason and ``note`` gives none (blanks count as none)."""
    if status in NEEDS_REASON and not note.strip():
        raise ReviewError(f"{_VERBS[status]}时必须写明原因")


_VERBS = {Status.SUBMITTED: "提交", Status.RETURNED: "退回", Status.APPROVED: "通过", Status.DRAFT: "改为草稿"}


def check_transition(old: Status, new: Status) -> None:
    """Raise :class:`ReviewError` unless a form in status ``old`` may move to ``new``."""
    if new not in TRANSITIONS[old]:
        allowed = "、".join(s.label for s in sorted(TRANSITIONS[old], key=list(Status).index))
        raise ReviewError(f"状态为「{old.label}」的表不能改为「{new.label}」（只能改为：{allowed}）")


class Comment(FrozenValue):
    """A 审核意见 attached to a target (``location`` is :meth:`Cell.to_text`)."""

    id: int  # its number in this file (renumbered when records from another save are merged in)
    location: str
    text: str
    author: str
    created: str  # ISO 8601 with the offset of the writer's clock, e.g. 2026-03-01T09:30:00+08:00
    uid: str  # its identity everywhere (a random hex id): what merging saves compare

    def __init__(self, id: int, location: str, text: str, author: str, created: str, uid: str = "") -> None:
        self.__dict__.update(id=id, location=location, text=text, author=author, created=created, uid=uid)


class StatusChange(FrozenValue):
    status: Status
    who: str
    when: str  # ISO 8601, as Comment.created
    fingerprint: str  # of the form at the time of the change
    note: str
    uid: str  # its identity everywhere, as Comment.uid
    # For 通过 of a form whose content differs from its last submission: the submitted fingerprint
    # (the reviewer said explicitly that the approval covers the changed form); '' otherwise.
    changed_from: str

    def __init__(self, status: Status, who: str, when: str, fingerprint: str, note: str = "", uid: str = "",
                 changed_from: str = "") -> None:
        self.__dict__.update(status=status, who=who, when=when, fingerprint=fingerprint, note=note, uid=uid,
                             changed_from=changed_from)


class Review(Value):
    """Everything review-related a .goal carries."""

    comments: list[Comment]
    history: list[StatusChange]  # oldest first

    def __init__(self, comments: list[Comment] | None = None, history: list[StatusChange] | None = None) -> None:
        self.comments = [] if comments is None else comments
        self.history = [] if history is None else history

    @property
    def status(self) -> Status:
        return self.history[-1].status if self.history else Status.DRAFT

    @property
    def last_change(self) -> StatusChange | None:
        return self.history[-1] if self.history else None

    @property
    def last_submission(self) -> StatusChange | None:
        for change in reversed(self.history):
            if change.status is Status.SUBMITTED:
                return change
        return None

    def submission_before(self, index: int) -> StatusChange | None:
        """The last 提交 before ``history[index]``."""
        for change in reversed(self.history[:index]):
            if change.status is Status.SUBMITTED:
                return change
        return None

    @property
    def approved_over_changes(self) -> tuple[StatusChange, StatusChange] | None:
        """(submission, approval) when the form is 已通过 and the content approved is not the content
        submitted (a change after 提交, approved with --accept-changes or by an older goalform)."""
        approval = self.last_change
        if approval is None or approval.status is not Status.APPROVED or not approval.fingerprint:
            return None
        submission = self.submission_before(len(self.history) - 1)
        if submission is None or not submission.fingerprint:
            return None
        # Compared with the submission before it in the file (records merged from another save may
        # have put a later 提交 of the same content there): changed_from alone says only what the
        # approver saw.
        return (submission, approval) if submission.fingerprint != approval.fingerprint else None

    def comments_at(self, location: str) -> list[Comment]:
        return [c for c in self.comments if c.location == location]

    def by_location(self) -> dict[str, list[Comment]]:
        """Comments grouped by their exact location, in the order they were written (for markers)."""
        groups: dict[str, list[Comment]] = {}
        for c in self.comments:
            groups.setdefault(c.location, []).append(c)
        return groups

    def by_indicator(self) -> dict[int, list[Comment]]:
        """Comments on indicators by indicator id, whatever column they name (a row's marker)."""
        groups: dict[int, list[Comment]] = {}
        for c in self.comments:
            target = Cell.parse_stored(c.location)
            if target.indicator_id is not None:
                groups.setdefault(target.indicator_id, []).append(c)
        return groups


# A comment's location is the text of its target (:meth:`goalform.domain.cells.Cell.to_text`): header
# fields and texts by key, funds cells by line and column, indicators by their store id (ids survive
# moves and undo), or the whole form.
FORM_TARGET = Cell.form().to_text()
