"""The review tables of a .goal: 审核意见 (comments) and the status history. SQL only; the rules of
the review (which status may follow which, what a fingerprint is) live in goalform.domain."""
from __future__ import annotations

import sqlite3
from datetime import datetime

from goalform.domain.review import Comment, Review, ReviewError, Status, StatusChange
from goalform.store.database import as_text


def now() -> str:
    """The current local time as ISO 8601 with its offset, to the second (tests patch this)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


_text = as_text  # short local name; the rows below use it a lot


def load_review(conn: sqlite3.Connection) -> Review:
    """Comments in the order they were written and status changes oldest first.

    A status this version does not know (a damaged or hand-edited file) is skipped rather than
    making the whole file unreadable; the fingerprint check still applies to the last known change.
    """
    comments = [
        Comment(int(i), _text(loc), _text(text), _text(author), _text(created))
        for i, loc, text, author, created in conn.execute(
            "SELECT id, location, text, author, created FROM review_comment ORDER BY id"
        )
    ]
    history = []
    for status, who, at, fp, note in conn.execute(
        "SELECT status, who, changed_at, fingerprint, note FROM review_status ORDER BY id"
    ):
        try:
            parsed = Status(_text(status))
        except ValueError:
            continue
        history.append(StatusChange(parsed, _text(who), _text(at), _text(fp), _text(note)))
    return Review(comments, history)


def insert_comment(conn: sqlite3.Connection, location: str, text: str, author: str, created: str,
                   comment_id: int | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO review_comment(id, location, text, author, created) VALUES (?, ?, ?, ?, ?)",
        (comment_id, location, text, author, created),
    )
    return int(cur.lastrowid)


def delete_comment(conn: sqlite3.Connection, comment_id: int) -> Comment:
    row = conn.execute(
        "SELECT id, location, text, author, created FROM review_comment WHERE id = ?", (comment_id,)
    ).fetchone()
    if row is None:
        raise ReviewError(f"审核意见 {comment_id} 不存在（可能已被删除）")
    conn.execute("DELETE FROM review_comment WHERE id = ?", (comment_id,))
    return Comment(int(row[0]), _text(row[1]), _text(row[2]), _text(row[3]), _text(row[4]))


def insert_status(conn: sqlite3.Connection, change: StatusChange) -> None:
    conn.execute(
        "INSERT INTO review_status(status, who, changed_at, fingerprint, note) VALUES (?, ?, ?, ?, ?)",
        (change.status.value, change.who, change.when, change.fingerprint, change.note),
    )
