"""The review records of an open document: its 审核意见 and its status history (提交, 退回, 通过), read
through one cache and written one transaction at a time, with the rules of what may be recorded (a
comment saved to the file is evidence and stays; 通过 of a form changed after its 提交 says so).

:class:`goalform.store.document.Document` is the front and holds one; it hands in what the records
need of it: its connection, whether it takes review records, the fingerprint of its content now, the
review as the file last held it, and whom to tell of a change. The SQL is :mod:`goalform.store.review`.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

from goalform.domain.review import (
    FROZEN,
    ChangedSinceSubmission,
    Comment,
    Review,
    ReviewError,
    Status,
    StatusChange,
    check_note,
    check_transition,
)
from goalform.domain.review_text import changed_after_submission
from goalform.store import review as review_store
from goalform.store.database import transaction


class ReviewRecords:
    """The 审核意见 and status history of one document (see the module's docstring)."""

    def __init__(self, conn: Callable[[], sqlite3.Connection], *, may_record: Callable[[], None],
                 fingerprint: Callable[[], str], saved_review: Callable[[], Review | None],
                 changed: Callable[[], None]) -> None:
        self._conn = conn
        self._may_record = may_record  # raises ReadOnlyError when the document takes no review records
        self._fingerprint = fingerprint
        self._saved_review = saved_review
        self._changed = changed
        self._review: Review | None = None

    def review(self) -> Review:
        """The 审核意见 and the status history stored in the file."""
        if self._review is None:
            self._review = review_store.load_review(self._conn())
        return self._review

    def comments(self) -> list[Comment]:
        return list(self.review().comments)

    def add_comment(self, location: str, text: str, author: str) -> Comment:
        """Attach a 审核意见 to ``location`` (the text of a :class:`goalform.domain.cells.Cell`)."""
        if not text.strip():
            raise ReviewError("审核意见不能为空")
        if not author.strip():
            raise ReviewError("请填写审核人")
        self._may_record()
        created, uid = review_store.now(), review_store.new_uid()
        with transaction(self._conn()):
            new_id = review_store.insert_comment(self._conn(), location, text.strip(), author.strip(), created, uid)
        self._recorded()
        return Comment(new_id, location, text.strip(), author.strip(), created, uid)

    def is_saved_comment(self, comment: Comment) -> bool:
        """True when ``comment`` is in the file already: evidence, which is never deleted."""
        base = self._saved_review()
        return base is not None and any(c.uid == comment.uid for c in base.comments)

    def remove_comment(self, comment: Comment) -> Comment:
        """Delete a 审核意见 not yet saved to the file (a saved one is evidence and stays; a correction is
        a new comment); return it so that :meth:`restore_comment` can put it back (undo)."""
        self._may_record()
        if self.is_saved_comment(comment):
            raise ReviewError("已保存到文件中的审核意见不能删除（可以再添加一条意见更正它）")
        with transaction(self._conn()):
            removed = review_store.delete_comment(self._conn(), comment.uid)
        self._recorded()
        return removed

    def restore_comment(self, comment: Comment) -> Comment:
        """Put back a comment :meth:`remove_comment` removed (same uid, author and time); its number may differ."""
        self._may_record()
        with transaction(self._conn()):
            taken = self._conn().execute("SELECT 1 FROM review_comment WHERE id = ?", (comment.id,)).fetchone()
            new_id = review_store.insert_comment(self._conn(), comment.location, comment.text, comment.author,
                                                 comment.created, comment.uid, None if taken else comment.id)
        self._recorded()
        return Comment(new_id, comment.location, comment.text, comment.author, comment.created, comment.uid)

    def review_status(self) -> Status:
        """草稿 until someone submits; then the latest recorded status."""
        return self.review().status

    def set_status(self, status: Status, who: str, note: str = "", *, accept_changes: bool = False) -> StatusChange:
        """Move the form to ``status`` (raises ReviewError for a move that makes no sense), recording who,
        when, the note and the fingerprint of the form as it is now.

        通过 of a form whose content is no longer the content of its last 提交 raises
        :class:`ChangedSinceSubmission` unless ``accept_changes`` (the record then keeps the submitted
        fingerprint in ``changed_from``, so the approval says it covers a changed form)."""
        if not who.strip():
            raise ReviewError("请填写姓名")
        check_transition(self.review_status(), status)
        check_note(status, note)
        self._may_record()
        now_fp = self._fingerprint()
        changed_from = self.check_approval(accept_changes) if status is Status.APPROVED else ""
        change = StatusChange(status, who.strip(), review_store.now(), now_fp, note.strip(),
                              review_store.new_uid(), changed_from)
        with transaction(self._conn()):
            review_store.insert_status(self._conn(), change)
        self._recorded()
        return change

    def check_approval(self, accept_changes: bool = False) -> str:
        """Before 通过: raise :class:`ChangedSinceSubmission` when the content is not the content of the
        last 提交, unless ``accept_changes``; return the submitted fingerprint the approval departs
        from ('' when it is the submitted content)."""
        now_fp = self._fingerprint()
        submission = self.review().last_submission
        if submission is None or not submission.fingerprint or submission.fingerprint == now_fp:
            return ""
        if not accept_changes:
            raise ChangedSinceSubmission(changed_after_submission(submission, now_fp))
        return submission.fingerprint

    def submit(self, who: str, note: str = "") -> StatusChange:
        """提交: record the form's fingerprint so a reviewer can tell whether it changes afterwards."""
        return self.set_status(Status.SUBMITTED, who, note)

    def modified_since_status(self) -> bool:
        """True when the form is 已提交/已通过 and its content no longer has the recorded fingerprint."""
        change = self.review().last_change
        if change is None or change.status not in FROZEN or not change.fingerprint:
            return False
        return self._fingerprint() != change.fingerprint

    def forget(self) -> None:
        """The review tables were replaced under the cache (a save took in what the file held)."""
        self._review = None

    def _recorded(self) -> None:
        self._review = None
        self._changed()
