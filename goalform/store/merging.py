"""What a save takes in from the file it replaces, so that between a clerk and a reviewer nothing is lost.

Review records (审核意见, status changes) are append-only data with an identity: every save writes
the union of the records in the file on disk and its own (:func:`goalform.store.review.merge_records`).
The form's content is one value: a save keeps its own content, unless

- the document is review-only (a reviewer's read-only copy): it writes its review records onto the
  content that is in the file now, never the figures it opened with;
- only the file changed the content since this document read it: the file's content is taken
  (nothing to overwrite, nothing to ask);
- both changed it: :class:`ChangedOnDisk` names what changed on disk, and only an explicit
  ``overwrite_changes`` writes this document's content over it (the records still merge).

Everything here runs under the save lock, between reading the file and renaming the new copy over it.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from goalform.domain.form import Form
from goalform.domain.values import Value
from goalform.domain.review import Review, Status, StatusChange
from goalform.store.database import transaction
from goalform.store.errors import ChangedOnDisk
from goalform.store.review import merge_records
from goalform.store.schema import TABLE_COLUMNS

if TYPE_CHECKING:
    from goalform.domain.template import Template

CONTENT_TABLES = ("field", "fund", "indicator")


class SaveOutcome(Value):
    """What a save took in from the file on disk (all zero/empty when it took nothing)."""

    comments_from_disk: int
    statuses_from_disk: list[StatusChange]
    content_from_disk: bool  # the form now holds the content of the file (someone else's edit)

    def __init__(self, comments_from_disk: int = 0, statuses_from_disk: list[StatusChange] | None = None,
                 content_from_disk: bool = False) -> None:
        self.comments_from_disk = comments_from_disk
        self.statuses_from_disk = [] if statuses_from_disk is None else statuses_from_disk
        self.content_from_disk = content_from_disk

    @property
    def took_anything(self) -> bool:
        return bool(self.comments_from_disk or self.statuses_from_disk or self.content_from_disk)


def changes_named(base: Form | None, disk: Form, template: Template, limit: int = 6) -> str:
    """The places whose content differs between ``base`` and ``disk``, named: 「联系电话、财政拨款（2026年金额）等 8 处」."""
    from goalform.domain.diff import diff_forms  # only when both sides changed: not on every open

    if base is None:
        return "表格内容"
    wheres: list[str] = []
    for d in diff_forms(base, disk, template, template):
        where = d.where or d.message
        if where not in wheres:
            wheres.append(where)
    if not wheres:
        return "表格内容（细微改动）"
    shown = "、".join(wheres[:limit])
    return f"{shown}等 {len(wheres)} 处" if len(wheres) > limit else shown


def news_text(content: str, comments: int, statuses: list[StatusChange]) -> str:
    """「改动了联系电话；新增 2 条审核意见；新的状态「已提交」（张三）」: what changed on disk, in words."""
    parts = []
    if content:
        parts.append(f"改动了{content}")
    if comments:
        parts.append(f"新增 {comments} 条审核意见")
    if statuses:
        last = statuses[-1]
        parts.append(f"新的状态「{last.status.label}」（{last.who}，{last.when[:16].replace('T', ' ')}）")
    return "；".join(parts) or "没有内容上的改动"


def refuse_both_changed(name: str, content: str, disk_review: Review, ours: Review) -> ChangedOnDisk:
    return _changed_on_disk(name, content, disk_review, ours,
                            "这里也改动了表格内容。覆盖保存会用这里的内容替换那些表格内容（审核意见和状态记录两边都会保留）；"
                            "另存为可以两份都保留（原文件未改动）")


def refuse_stale_approval(name: str, content: str, disk_review: Review, ours: Review) -> ChangedOnDisk:
    """An approval made here on content the file no longer has: the reviewer approved what they saw."""
    return _changed_on_disk(name, content, disk_review, ours,
                            "而这里的「通过」是对打开时的内容作出的。覆盖保存会把通过记录写入现在的文件（文件会显示通过后被修改）；"
                            "另存为可以把打开时的内容和审核记录一起保存（原文件未改动）")


def _changed_on_disk(name: str, content: str, disk_review: Review, ours: Review, what_here: str) -> ChangedOnDisk:
    """The refusal of a save over a file changed since it was opened: what changed there, then ``what_here``."""
    comments, statuses = new_records(disk_review, ours)
    return ChangedOnDisk(
        f"「{name}」在打开之后被其他程序或另一个 goalform 窗口修改过（{news_text(content, comments, statuses)}），{what_here}",
        disk_changes=content, comments=comments, statuses=statuses)


def stale_approvals(disk_review: Review, ours: Review, disk_fingerprint: str) -> list[StatusChange]:
    """Approvals of ours, not yet in the file, made on content other than the file's."""
    have = {c.uid for c in disk_review.history}
    return [c for c in ours.history
            if c.uid not in have and c.status is Status.APPROVED and c.fingerprint != disk_fingerprint]


def new_records(disk: Review, ours: Review) -> tuple[int, list[StatusChange]]:
    """How many comments and which status changes ``disk`` has that ``ours`` lacks."""
    have_c = {c.uid for c in ours.comments}
    have_s = {c.uid for c in ours.history}
    return (sum(1 for c in disk.comments if c.uid not in have_c),
            [c for c in disk.history if c.uid not in have_s])


def take_in(conn: sqlite3.Connection, disk: sqlite3.Connection | None, disk_review: Review, *,
            content: bool) -> None:
    """In one transaction of ``conn``: the union of the review records, and with ``content`` the
    form's content of ``disk`` in place of its own."""
    with transaction(conn):
        if content and disk is not None:
            for table in CONTENT_TABLES:
                conn.execute(f"DELETE FROM {table}")
            for table in CONTENT_TABLES:
                columns = ", ".join(TABLE_COLUMNS[table])
                # Parents before children (a restored parent may have a higher id than its children).
                order = " ORDER BY level, id" if table == "indicator" else ""
                rows = disk.execute(f"SELECT {columns} FROM {table}{order}").fetchall()
                marks = ", ".join("?" for _ in TABLE_COLUMNS[table])
                conn.executemany(f"INSERT INTO {table}({columns}) VALUES ({marks})", rows)
        merge_records(conn, disk_review)
