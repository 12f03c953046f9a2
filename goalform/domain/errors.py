"""The one root of the errors a user is shown, and the Chinese words for what the system refused.

Every expected problem (a file that is not a form, a full disk, a review step that makes no sense,
a template that contradicts itself, a bad command line) is a :class:`UserError`, whose ``str()`` is
one Chinese message. The GUI shows it in a message box (``goalform.ui.telling``), the CLI prints
it on one line and exits with 2 (``goalform.cli``); anything else is a bug. An ``OSError`` from the
system is expected too: :func:`describe_os_error` says it in Chinese.

Defined in the lowest layer so that every layer (domain, store, formats, the CLI) derives from it.
"""
from __future__ import annotations

import errno
import os
import stat


class UserError(Exception):
    """An expected problem; ``str(error)`` is a message for the user, in Chinese."""


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
for _name, _meaning in (("EDQUOT", "磁盘配额已用完"), ("ETXTBSY", "文件正被其他程序使用"),
                        ("ENOTSUP", "文件系统不支持此操作"), ("ESTALE", "网络文件已失效，请重新打开文件夹")):
    if hasattr(errno, _name):
        _ERRNO_TEXT[getattr(errno, _name)] = _meaning
_WINERROR_TEXT = {32: "文件正被其他程序使用", 33: "文件的一部分被其他程序锁定", 112: "磁盘已满", 5: "没有权限"}


# What a full disk (or a used-up quota) is called by the OS: the user's to fix, not a bug.
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


def not_plain(st: os.stat_result) -> str:
    """What a path is when it is not a plain file ('' when it is one), for 「这…」/「它…」 messages.

    Opening, saving and exporting all refuse folders, FIFOs and devices with these words; the caller
    does the stat (this layer does no I/O)."""
    if stat.S_ISDIR(st.st_mode):
        return "是一个文件夹"
    if not stat.S_ISREG(st.st_mode):
        return "不是普通文件（是管道、设备或其他特殊文件）"
    return ""


def os_error_text(error: OSError) -> str:
    """A Chinese phrase for an OS error (磁盘已满, 没有权限 ...), instead of '[Errno 28] No space left'.
    The one table of them: the store, the exporters, the GUI and the CLI all say OS errors this way."""
    winerror = getattr(error, "winerror", None)
    if winerror in _WINERROR_TEXT:
        return _WINERROR_TEXT[winerror]
    if error.errno in _ERRNO_TEXT:
        return _ERRNO_TEXT[error.errno]
    if error.errno is None and error.args:  # an OSError raised with a message of ours
        return str(error)
    return f"系统错误：{error.strerror or error}"


def describe_os_error(error: OSError) -> str:
    """An OSError as one Chinese line: what went wrong, and with which file."""
    where = error.filename if error.filename is not None else ""
    return f"{os_error_text(error)}：{where}" if where else os_error_text(error)


def user_message(error: BaseException) -> str:
    """The one line a user reads for an expected error (a UserError or an OSError)."""
    return describe_os_error(error) if isinstance(error, OSError) else str(error)
