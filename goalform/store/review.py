"""The review tables of a .goal: 审核意见 (comments) and the status history. SQL only; the rules of
the review (which status may follow which, what a fingerprint is) live in goalform.domain.

Review records are append-only data with an identity (``uid``): a save never drops one that is in
the file it replaces. :func:`merge_records` puts the records of the file on disk and this copy's
own together (the file's first, in their order and with their numbers; then ours that it lacks).
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime

from goalform.domain.review import Comment, Review, ReviewError, Status, StatusChange
from goalform.store.database import as_text


def now() -> str:
    """The current local time as ISO 8601 with its offset, to the second (tests patch this)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def new_uid() -> str:
    """A random 128-bit id, as 32 hex digits (what uuid4().hex gave, without importing uuid)."""
    return os.urandom(16).hex()


_text = as_text  # short local name; the rows below use it a lot


COMMENT_COLUMNS = ("id", "location", "text", "author", "created", "uid")
STATUS_COLUMNS = ("id", "status", "who", "changed_at", "fingerprint", "note", "uid", "changed_from")


def load_review(conn: sqlite3.Connection) -> Review:
    """Comments in the order they were written and status changes oldest first."""
    return review_from_rows(
        conn.execute(f"SELECT {', '.join(COMMENT_COLUMNS)} FROM review_comment ORDER BY id"),
        conn.execute(f"SELECT {', '.join(STATUS_COLUMNS)} FROM review_status ORDER BY id"),
    )


def review_from_rows(comment_rows: Iterable[Sequence], status_rows: Iterable[Sequence]) -> Review:
    """The Review of rows of :data:`COMMENT_COLUMNS` and :data:`STATUS_COLUMNS`, each in id order.

    A status this version does not know (a damaged or hand-edited file) is skipped rather than
    making the whole file unreadable; the fingerprint check still applies to the last known change.
    """
    comments = [
        Comment(int(i), _text(loc), _text(text), _text(author), _text(created), _text(uid))
        for i, loc, text, author, created, uid in comment_rows
    ]
    history = []
    for _, status, who, at, fp, note, uid, changed_from in status_rows:
        try:
            parsed = Status(_text(status))
        except ValueError:
            continue
        history.append(StatusChange(parsed, _text(who), _text(at), _text(fp), _text(note), _text(uid),
                                    _text(changed_from)))
    return Review(comments, history)


def insert_comment(conn: sqlite3.Connection, location: str, text: str, author: str, created: str,
                   uid: str, comment_id: int | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO review_comment(id, location, text, author, created, uid) VALUES (?, ?, ?, ?, ?, ?)",
        (comment_id, location, text, author, created, uid),
    )
    return int(cur.lastrowid)


def delete_comment(conn: sqlite3.Connection, uid: str) -> Comment:
    row = conn.execute(
        "SELECT id, location, text, author, created, uid FROM review_comment WHERE uid = ?", (uid,)
    ).fetchone()
    if row is None:
        raise ReviewError("这条审核意见不存在（可能已被删除）")
    conn.execute("DELETE FROM review_comment WHERE uid = ?", (uid,))
    return Comment(int(row[0]), _text(row[1]), _text(row[2]), _text(row[3]), _text(row[4]), _text(row[5]))


def insert_status(conn: sqlite3.Connection, change: StatusChange) -> None:
    conn.execute(
        "INSERT INTO review_status(status, who, changed_at, fingerprint, note, uid, changed_from) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (change.status.value, change.who, change.when, change.fingerprint, change.note, change.uid,
         change.changed_from),
    )


def merge_records(conn: sqlite3.Connection, disk: Review) -> tuple[int, int]:
    """Make the review tables of ``conn`` the union of ``disk``'s records and its own, inside the
    caller's transaction: the records of ``disk`` first with their numbers, then those of ``conn``
    that ``disk`` lacks, in their order. Returns how many comments and status changes came from disk."""
    ours = load_review(conn)
    disk_comments = {c.uid for c in disk.comments}
    disk_changes = {c.uid for c in disk.history}
    new_comments = sum(1 for c in disk.comments if c.uid not in {o.uid for o in ours.comments})
    new_changes = sum(1 for c in disk.history if c.uid not in {o.uid for o in ours.history})
    conn.execute("DELETE FROM review_comment")
    conn.execute("DELETE FROM review_status")
    for c in disk.comments:
        insert_comment(conn, c.location, c.text, c.author, c.created, c.uid, comment_id=c.id)
    for c in ours.comments:
        if c.uid not in disk_comments:
            insert_comment(conn, c.location, c.text, c.author, c.created, c.uid)
    # Status rows keep no number of their own on disk that anything refers to: re-inserted in order.
    for change in disk.history:
        insert_status(conn, change)
    for change in ours.history:
        if change.uid not in disk_changes:
            insert_status(conn, change)
    return new_comments, new_changes
