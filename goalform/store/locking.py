"""Saving safely against other savers: a lock beside the .goal and temporary files that name their owner.

Every goalform process that replaces a .goal first takes an OS lock on ``.NAME.goal.lock`` beside it
(``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows). The OS drops the lock when its holder
dies, even by kill -9, so a crash never leaves a file locked. Under the lock the saver checks that
nobody changed the file since it was read and renames its complete copy over it: the check and the
rename are one step for every goalform. The CLI's read-modify-write commands hold the lock from
reading to saving (:func:`save_lock` is re-entrant within a process).

The lock file is removed by whoever releases it last; a waiter that finds its lock file unlinked
starts again (the classic lock-then-verify loop), so two processes never lock two different files.

Temporary copies are named ``.NAME.goal.<host>-<pid>-<random>.tmp``: a saver removes only those of
processes on this computer that are no longer running, or any older than a day, never another
process's copy in flight.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Iterator

from goalform.domain.errors import os_error_text
from goalform.store.errors import FileBusy, SaveError
from goalform.store.workspace import pid_alive

LOCK_TIMEOUT = 20.0  # seconds to wait for another goalform's save (a save takes well under a second)
_STALE_AGE = 24 * 3600.0

_held: dict[str, tuple[int, int]] = {}  # lock path -> (fd, depth) held by this process
_held_guard = threading.RLock()


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError as e:  # ENOLCK, EOPNOTSUPP: a network folder without locks. Not safe: refuse, not guess.
        raise SaveError("不能保存：这个文件夹（可能是网络文件夹）不支持文件锁，无法保证不与其他人的保存冲突；"
                        f"请另存到本机磁盘（{os_error_text(e)}）") from None


def _unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _same_inode(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _acquire(path: Path, timeout: float, name: str) -> int:
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as e:
            raise SaveError(f"不能保存「{name}」：无法在它所在的文件夹中建立保存锁（{os_error_text(e)}）") from None
        try:
            if _try_lock(fd):
                if os.name == "nt" or _same_inode(fd, path):
                    return fd
                _unlock(fd)  # the holder before us removed this lock file: lock the new one
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if time.monotonic() > deadline:
            raise FileBusy(f"另一个 goalform 正在保存「{name}」，请稍后再试（文件未改动）")
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


@contextlib.contextmanager
def save_lock(target: Path | str, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the save lock of ``target`` (re-entrant within this process)."""
    target = Path(os.path.realpath(target))
    path = lock_path(target)
    key = os.path.normcase(str(path))
    with _held_guard:
        if key in _held:
            fd, depth = _held[key]
            _held[key] = (fd, depth + 1)
        else:
            _held[key] = (_acquire(path, timeout, target.name), 1)
    try:
        yield
    finally:
        with _held_guard:
            fd, depth = _held[key]
            if depth > 1:
                _held[key] = (fd, depth - 1)
            else:
                del _held[key]
                _release(fd, path)


def _release(fd: int, path: Path) -> None:
    """Unlock and remove the lock file. POSIX: unlink while locked (a waiter then sees a new inode);
    Windows cannot delete an open file, so close first and delete only if nobody else has it open."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        _unlock(fd)
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        return
    with contextlib.suppress(OSError):
        os.unlink(path)
    _unlock(fd)
    os.close(fd)


# -- temporary copies ---------------------------------------------------------------------------
def _host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


_TEMP = re.compile(r"\.(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?$")


def temp_path(target: Path) -> Path:
    """A temporary name beside ``target`` that says which process on which computer writes it."""
    return target.with_name(f".{target.name}.{_host_tag()}-{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")


def remove_stale_temporaries(target: Path) -> None:
    """Drop temporary copies that earlier, interrupted saves of ``target`` left beside it.

    Only copies of processes on this computer that have ended, and copies older than a day (another
    computer's, or from an older goalform): never a copy another save is still writing.
    """
    import glob

    host = _host_tag()
    now = time.time()
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp*"):
        m = _TEMP.search(stale.name)
        try:
            old = now - stale.stat().st_mtime > _STALE_AGE
        except OSError:
            continue
        dead = m is not None and m["host"] == host and int(m["pid"]) != os.getpid() and not pid_alive(int(m["pid"]))
        if dead or old:
            with contextlib.suppress(OSError):
                stale.unlink()
