"""Ctrl+C, SIGTERM and SIGHUP end a command at once, with one line and the shell's exit code.

The command line installs :func:`install` before anything else is imported. The first signal raises
:class:`Interrupted` (a KeyboardInterrupt, so every ``finally`` and ``except BaseException`` cleanup
runs) and is remembered: a signal that arrives while SQLite runs one of our callbacks (the time
budget's progress handler) is turned by SQLite into an "interrupted" error, and the store asks
:func:`check` before calling that error a damaged or too-slow file, so an interrupted read is never
reported as 「已损坏」 or 「用时超过 30 秒」. A second signal during the cleanup ends the process at once.

Exit codes are the shell's 128 + signal: 130 (SIGINT, Ctrl+C), 143 (SIGTERM), 129 (SIGHUP: the
terminal went away; kept distinct so a script can tell a closed terminal from a kill).
"""
from __future__ import annotations

import os
import signal
import sys
from types import TracebackType

_NAMES = ("SIGINT", "SIGTERM", "SIGHUP")
_received = 0  # the first signal received (0: none)
_previous: dict[int, object] = {}


class Interrupted(KeyboardInterrupt):
    """The process was asked to stop by ``signum``; ``str()`` is the one line the CLI prints."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    def __str__(self) -> str:
        if self.signum == getattr(signal, "SIGINT", -1):
            return "已中断（Ctrl+C），操作未完成；已有的文件未改动"
        if self.signum == getattr(signal, "SIGHUP", -1):
            return "终端已关闭（SIGHUP），操作未完成；已有的文件未改动"
        return "收到结束信号，操作未完成；已有的文件未改动"


def received() -> int:
    """The signal that asked this process to stop, or 0."""
    return _received


def check() -> None:
    """Raise Interrupted if a stop signal was received (an error SQLite made of it is not the file's)."""
    if _received:
        raise Interrupted(_received)


def _handler(signum: int, frame: object) -> None:
    global _received
    if _received:  # a second signal while cleaning up after the first: stop now
        os._exit(128 + _received)
    _received = signum
    raise Interrupted(signum)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A stop signal that arrives before the command's own handling (while modules load): one line."""
    if isinstance(value, KeyboardInterrupt):
        code = value.exit_code if isinstance(value, Interrupted) else 130
        text = str(value) if isinstance(value, Interrupted) else str(Interrupted(signal.SIGINT))
        try:
            sys.stderr.write(f"goalform: {text}\n")
            sys.stderr.flush()
            sys.stdout.flush()
        finally:
            os._exit(code)
    sys.__excepthook__(kind, value, tb)


def install() -> None:
    """Handle SIGINT, SIGTERM and SIGHUP as above (main thread only; handlers someone else set are kept).
    Imports nothing beyond the interpreter's own modules: it runs before the rest of goalform loads."""
    for name in _NAMES:
        number = getattr(signal, name, None)
        if number is None:
            continue
        current = signal.getsignal(number)
        if current in (signal.SIG_DFL, signal.default_int_handler):
            try:
                signal.signal(number, _handler)
            except ValueError:  # not the main thread: signals are the main thread's
                return
            _previous[number] = current
    sys.excepthook = _excepthook


def uninstall() -> None:
    """Give the signals back to their defaults (before the GUI starts, and in tests)."""
    global _received
    for number, previous in _previous.items():
        if signal.getsignal(number) is _handler:
            signal.signal(number, previous)  # type: ignore[arg-type]
    _previous.clear()
    if sys.excepthook is _excepthook:
        sys.excepthook = sys.__excepthook__
    _received = 0
