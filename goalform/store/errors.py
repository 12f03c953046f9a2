"""Typed errors of the store. Expected problems (a bad file, a full disk) carry a Chinese message
that the GUI shows as it is and the CLI prints on one line; anything else is a bug."""
from __future__ import annotations

import errno
import sqlite3

from goalform.domain.errors import UserError


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
    """The .goal was changed by someone else after it was opened; saving would overwrite that change."""


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` means the disk is full or cannot be written (the user's to fix, not a bug)."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        return "full" in text or "disk i/o" in text
    return False


class FileBusy(StoreError):
    """The file is locked or being written by another program; trying again later may work."""


class TooLarge(StoreError):
    """The file, a table or a cell is past the limits of goalform.domain.limits."""


# Errno -> what it means for the user. Windows reports sharing and lock violations as winerror 32/33.
_ERRNO_TEXT: dict[int, str] = {
    errno.ENOSPC: "磁盘已满",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.ENOENT: "找不到文件或文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EBUSY: "文件正被其他程序使用",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "读写磁盘时出错（磁盘或网络可能有问题）",
    errno.EEXIST: "文件已存在",
    errno.EMFILE: "打开的文件太多",
    errno.ELOOP: "快捷方式（符号链接）循环",
    errno.EXDEV: "不能跨磁盘移动文件",
}
for _name, _text in (("EDQUOT", "磁盘配额已用完"), ("ETXTBSY", "文件正被其他程序使用"),
                     ("ENOTSUP", "文件系统不支持此操作"), ("ESTALE", "网络文件已失效，请重新打开文件夹")):
    if hasattr(errno, _name):
        _ERRNO_TEXT[getattr(errno, _name)] = _text
_WINERROR_TEXT = {32: "文件正被其他程序使用", 33: "文件的一部分被其他程序锁定", 112: "磁盘已满", 5: "没有权限"}


def os_error_text(error: OSError) -> str:
    """A Chinese phrase for an OS error (磁盘已满, 没有权限 ...), instead of '[Errno 28] No space left'."""
    winerror = getattr(error, "winerror", None)
    if winerror in _WINERROR_TEXT:
        return _WINERROR_TEXT[winerror]
    if error.errno in _ERRNO_TEXT:
        return _ERRNO_TEXT[error.errno]
    return f"系统错误：{error.strerror or error}"


def sqlite_error_text(error: sqlite3.Error) -> str:
    """A Chinese phrase for the SQLite errors a user can meet (full disk, locked file, I/O)."""
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
    return f"SQLite 错误：{error}"
