"""Worker processes for reading a pile of files (:mod:`goalform.store.summary_reader`): how they start,
what a stop signal does to them, and that none outlives the process that started it.

- **Start**: ``fork`` where the system has it (Linux) and this process runs one thread only (the
  command line): a worker then starts in milliseconds with every module already loaded. Otherwise
  (a GUI thread calls, Qt has threads of its own; Windows; macOS) ``spawn``: a fresh interpreter that
  imports what it needs, as forking a process with other threads can deadlock the child.
- **Stop signals**: Ctrl+C in a terminal reaches every process of the group. The workers ignore
  SIGINT and take SIGTERM and SIGHUP as the system does (they end, silently); the process that
  started them stops at once, with its own one line (:mod:`goalform.signals`), and ends them
  (:func:`stop`: a worker may be waiting for a locked file), as it does on a cancel.
  They are started with those signals blocked, so that one arriving while a worker starts up (a
  spawned one imports for a while) is neither a traceback on the terminal nor lost for the parent.
- **Orphans**: a worker whose parent dies (kill -9, a crash) ends at once instead of waiting forever
  for work that will not come.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Iterator

_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def start_method() -> str:
    """``fork`` when it is safe here (see the module docstring), else ``spawn``."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return "spawn"
    try:
        threads = len(os.listdir("/proc/self/task"))  # every thread, Qt's and SQLite's included
    except OSError:
        return "spawn"
    return "fork" if threads == 1 else "spawn"


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def start_pool(workers: int) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes (started as their first work is submitted: see
    :func:`signals_held`), or None when this system cannot start processes."""
    try:
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(start_method()),
                                   initializer=worker_start)
    except (OSError, ValueError, NotImplementedError):
        return None


def stop(pool: ProcessPoolExecutor) -> None:
    """End the workers of ``pool`` now, whatever they are reading: the result is no longer wanted
    (a cancel, Ctrl+C), and a worker may be waiting up to BUSY_TIMEOUT for a file another program
    holds locked, or reading a huge one for MAX_GOAL_CHECK_SECONDS."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError):
            process.terminate()


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold the stop signals in this thread while workers are started (they inherit the mask); one
    that arrives meanwhile is delivered to this process when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def worker_start() -> None:
    """The start of every worker: the signals as the module docstring says, and the watch on its parent."""
    for signum in _STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN if signum == signal.SIGINT else signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    parent = multiprocessing.parent_process()
    if parent is not None and parent.sentinel is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), name="goalform-parent-watch", daemon=True).start()


def _end_with(sentinel: int) -> None:
    """End this worker as soon as its parent has ended."""
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(0)
