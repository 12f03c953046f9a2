"""The one root of the errors a user is shown, and the Chinese words for what the system refused.

Every expected problem (a file that is not a form, a full disk, a review step that makes no sense,
a template that contradicts itself, a bad command line) is a :class:`UserError`, whose ``str()`` is
one Chinese message. The GUI shows it in a message box (``goalform.ui.user_errors``), the CLI prints
it on one line and exits with 2 (``goalform.cli``); anything else is a bug. An ``OSError`` from the
system is expected too: :func:`describe_os_error` says it in Chinese.

Defined in the lowest layer so that every layer (domain, store, formats, the CLI) derives from it.
"""
from __future__ import annotations

import errno


class UserError(Exception):
    """An expected problem; ``str(error)`` is a message for the user, in Chinese."""


DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def os_error_text(error: OSError) -> str:
    """What went wrong, in Chinese (never Python's English 「[Errno 28] No space left on device」)."""
    code = error.errno
    if code in DISK_FULL:
        return "磁盘已满"
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return "没有写入权限，或文件正被其他程序（如 Word、Excel）打开"
    if code == errno.EROFS:
        return "磁盘是只读的"
    if code == errno.ENAMETOOLONG:
        return "文件名太长"
    if code in (errno.ENOENT, errno.ENOTDIR):
        return "文件夹不存在"
    if code == errno.EIO:
        return "磁盘读写出错"
    if code is None:  # an OSError raised with a message of ours
        return str(error)
    return f"系统错误 {code}（{error.strerror or error}）"


def describe_os_error(error: OSError) -> str:
    """An OSError as one Chinese line: what went wrong, and with which file."""
    where = error.filename if error.filename is not None else ""
    return f"{os_error_text(error)}：{where}" if where else os_error_text(error)


def user_message(error: BaseException) -> str:
    """The one line a user reads for an expected error (a UserError or an OSError)."""
    return describe_os_error(error) if isinstance(error, OSError) else str(error)
