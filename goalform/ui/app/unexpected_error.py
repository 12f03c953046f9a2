"""What the user sees when goalform hits an error nobody planned for: a message, not silence.

A Python exception in a Qt slot is only printed to stderr, which a GUI program started from the
Windows Start menu does not have: the click would seem to do nothing and the form might look edited
when it is not. Here such an error is written to a log file in the user data folder and shown in a
message box with the details to copy for IT. Every edit is already in the working copy, so the
message can truthfully say that the work typed so far is kept.
"""
from __future__ import annotations

import datetime
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

import goalform
from goalform.store.errors import is_disk_full
from goalform.store.workspace import data_dir
from goalform.ui import telling
from goalform.ui.telling import Choice, Icon, Role

_showing = False  # one box at a time: an error raised while the box is up goes to the log only


def tr(text: str) -> str:
    return QCoreApplication.translate("UnexpectedError", text)


def install() -> None:
    """Route uncaught exceptions (in slots, timers and event handlers) to :func:`report`."""
    sys.excepthook = report


def log_folder() -> Path:
    return data_dir() / "logs"


def write_log(details: str) -> Path | None:
    """Keep the details in the user data folder; None when even that cannot be written."""
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"error-{datetime.datetime.now():%Y%m%d-%H%M%S-%f}.log"
        path.write_text(details, encoding="utf-8")
        return path
    except OSError:
        return None


def message_for(error: BaseException) -> str:
    """What to tell the user, in their terms: a full disk is theirs to fix, anything else is ours."""
    if is_disk_full(error):
        return tr("磁盘空间不足或无法写入，刚才的修改没有记下。\n请腾出磁盘空间后重试；"
                  "也可以用「另存为」把表格保存到其他磁盘。")
    return tr("goalform 遇到了一个意外错误，刚才的操作可能没有完成。\n"
              "之前输入的内容都保存在工作副本中：如果程序随后关闭，下次启动时会提示恢复。")


def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: log the error and show it; Ctrl+C in a terminal still stops the program."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    trace = "".join(traceback.format_exception(kind, error, tb))
    details = (f"goalform {goalform.__version__} · Python {platform.python_version()} · {platform.platform()}\n"
               f"{datetime.datetime.now().isoformat(timespec='seconds')}\n\n{trace}")
    if sys.__stderr__ is not None:
        print(trace, file=sys.__stderr__, flush=True)
    log = write_log(details)
    global _showing
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        choice = telling.choose(QApplication.activeWindow(), Icon.Critical, tr("程序出错"), message_for(error),
                        [Choice(tr("复制详细信息"), Role.ActionRole), Choice(tr("继续"), Role.AcceptRole)],
                        standard=None, default=1, details=details,
                        informative=tr("详细信息已记录在：%1").replace("%1", str(log)) if log is not None else "")
        if choice == 0:
            QApplication.clipboard().setText(details)
    finally:
        _showing = False
