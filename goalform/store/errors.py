"""Typed errors of the store. Expected problems (a bad file, a full disk) carry a Chinese message
that the GUI shows as it is and the CLI prints on one line; anything else is a bug."""
from __future__ import annotations

import sqlite3

from goalform import signals
from goalform.domain.errors import DISK_FULL_ERRNOS, UserError


class StoreError(UserError):
    """An expected problem with a .goal file; ``str(error)`` is a message for the user, in Chinese."""


class NotAGoalFile(StoreError):
    """The file is not a .goal document at all (another program's file, random bytes, empty)."""


class NewerSchema(StoreError):
    """The file was written by a newer goalform whose format this version cannot read."""


class CorruptFile(StoreError):
    """The file looks like a .goal but is truncated, damaged or holds impossible content."""


class ReadOnlyError(StoreError):
    """An edit was attempted on a document opened read-only."""


class SaveError(StoreError):
    """Writing the .goal failed (disk full, no permission); the old file is untouched."""


class ChangedOnDisk(SaveError):
    """The form's content in the .goal was changed by someone else after it was opened, and this
    document changed it too; saving would overwrite that change. Says what changed on disk."""

    def __init__(self, message: str, *, disk_changes: str = "", comments: int = 0,
                 statuses: list | None = None) -> None:
        super().__init__(message)
        self.disk_changes = disk_changes  # the places named, e.g. 「联系电话」
        self.comments = comments  # new 审核意见 in the file
        self.statuses = list(statuses or [])  # new status changes in the file (StatusChange)


class WorkingCopyFull(StoreError):
    """An edit could not be written to the working copy: the data folder's disk is full or failing."""


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` means the disk is full or cannot be written (the user's to fix, not a bug)."""
    if isinstance(error, OSError):
        return error.errno in DISK_FULL_ERRNOS
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        return "full" in text or "disk i/o" in text
    return False


class FileBusy(StoreError):
    """The file is locked or being written by another program; trying again later may work."""


class TooLarge(StoreError):
    """The file, a table or a cell is past the limits of goalform.domain.limits."""


def sqlite_error_text(error: sqlite3.Error) -> str:
    """A Chinese phrase for the SQLite errors a user can meet (full disk, locked file, I/O). An error
    that a stop signal caused raises goalform.signals.Interrupted instead."""
    signals.check()
    text = str(error).lower()
    if "full" in text:
        return "磁盘已满"
    if "locked" in text or "busy" in text:
        return "文件被其他程序锁定"
    if "disk i/o" in text:
        return "读写磁盘时出错（磁盘或网络可能有问题）"
    if "readonly" in text or "read-only" in text:
        return "文件或文件夹是只读的"
    if "unable to open" in text:
        return "无法打开文件（找不到、没有权限或被占用）"
    if "too big" in text:
        return "内容过大"
    if "not a database" in text:
        return "不是有效的数据库文件"
    if "malformed" in text or "corrupt" in text:
        return "数据库文件已损坏"
    if "no such table" in text or "no such column" in text:
        return "缺少数据表或列"
    if "out of memory" in text:
        return "内存不足"
    if "interrupted" in text:
        return "操作被中断"
    return f"数据库出错（SQLite：{' '.join(str(error).split())[:120]}）"
