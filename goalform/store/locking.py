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
import functools
import os
import re
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from goalform.domain.errors import os_error_text
from goalform.paths import resolved, side_name, temp_name, temp_prefix
from goalform.store.errors import FileBusy, SaveError
from goalform.store.processes import pid_alive

LOCK_TIMEOUT = 20.0  # seconds to wait for another goalform's save (a save takes well under a second)
_STALE_AGE = 24 * 3600.0

_held: dict[str, tuple[int, int]] = {}  # lock path -> (fd, depth) held by this process
_held_guard = threading.RLock()


def lock_path(target: Path) -> Path:
    """``.NAME.goal.lock`` beside ``target`` (a long name cut to fit, see goalform.paths.side_name)."""
    return target.with_name(side_name(target.name, ".lock"))


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
        a, b = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
STRANGER_LOCK_AGE = 3600.0  # a lock file we can neither open nor lock, this old, is left over: replaced


def _open_lock(path: Path, name: str) -> int:
    """Open (creating it if missing) the lock file at ``path``, never through a symlink.

    A lock file another user left in a shared folder is theirs (0644): it is opened read-only, which
    is all ``flock`` needs. A symlink or anything else planted under the lock's name is removed (it is
    not a lock any goalform made, and unlinking a link never touches its target); so is a lock file we
    cannot even read once it is older than any save (STRANGER_LOCK_AGE)."""
    failed = f"不能保存「{name}」：无法在它所在的文件夹中建立保存锁"
    for _attempt in range(3):
        flags = _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | flags, 0o644)
        except PermissionError as refused:
            try:
                fd = os.open(path, os.O_RDONLY | flags)
            except PermissionError:
                if not _replace_stale(path):
                    raise SaveError(f"{failed}（另一个用户留下的锁文件 {path.name} 无法读取；"
                                    "如果没有人正在保存这个文件，请删除这个锁文件）") from None
                continue
            except OSError:  # no lock file and no right to create one (a read-only folder)
                if _planted(path):
                    continue
                raise SaveError(f"{failed}（{os_error_text(refused)}）") from None
        except OSError as e:
            if _planted(path):
                continue
            raise SaveError(f"{failed}（{os_error_text(e)}）") from None
        if os.name == "nt" or stat.S_ISREG(os.fstat(fd).st_mode):
            return fd
        os.close(fd)
        if not _planted(path):
            break
    raise SaveError(f"{failed}（{path.name} 不是普通文件，请删除它）")


def _planted(path: Path) -> bool:
    """Remove what sits at the lock's name but is no lock file (a symlink, a FIFO, a device): True if removed."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return False
    with contextlib.suppress(OSError):
        os.unlink(path)
        return True
    return False


def _replace_stale(path: Path) -> bool:
    """Remove a lock file we cannot open when it is older than any save could be: True if removed."""
    try:
        old = time.time() - os.lstat(path).st_mtime > STRANGER_LOCK_AGE
    except OSError:
        return True  # gone meanwhile: try again
    if old:
        with contextlib.suppress(OSError):
            os.unlink(path)
            return True
    return False


def _acquire(path: Path, timeout: float, name: str) -> int:
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        fd = _open_lock(path, name)
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
    target = resolved(target)
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


def release_unheld(path: Path) -> int:
    """Remove the lock file ``path`` if nobody holds its lock (a save killed with kill -9 left it):
    locked by us first and unlinked while locked, as :func:`_release` does. Returns 1 if removed."""
    try:
        fd = os.open(path, os.O_RDWR | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError:
        return 0
    try:
        if not _try_lock(fd):
            os.close(fd)
            return 0
    except (OSError, SaveError):
        os.close(fd)
        return 0
    if os.name != "nt" and not _same_inode(fd, path):
        _unlock(fd)
        os.close(fd)
        return 0
    _release(fd, path)
    return 0 if path.exists() else 1


# -- temporary copies ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def host_tag() -> str:
    """This computer's tag in temporary names (hashlib and socket imported here: reading a form needs
    neither unless a killed save left something to clean)."""
    import hashlib
    import socket

    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


# The host and process in a temporary copy's name (re's own cache compiles it when a leftover is first
# met: most runs never meet one).
TEMP_NAME = r"\.(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?$"


def temp_path(target: Path) -> Path:
    """A temporary name beside ``target`` that says which process on which computer writes it."""
    return target.with_name(temp_name(target.name, f"{host_tag()}-{os.getpid()}-{os.urandom(4).hex()}"))


def remove_stale_temporaries(target: Path) -> None:
    """Drop temporary copies that earlier, interrupted saves of ``target`` left beside it.

    Only copies of processes on this computer that have ended, and copies older than a day (another
    computer's, or from an older goalform): never a copy another save is still writing.
    """
    import glob

    host = host_tag()
    now = time.time()
    for stale in target.parent.glob(f"{glob.escape(temp_prefix(target.name))}*.tmp*"):
        m = re.search(TEMP_NAME, stale.name)
        try:
            old = now - stale.stat().st_mtime > _STALE_AGE
        except OSError:
            continue
        dead = m is not None and m["host"] == host and int(m["pid"]) != os.getpid() and not pid_alive(int(m["pid"]))
        if dead or old:
            with contextlib.suppress(OSError):
                stale.unlink()
