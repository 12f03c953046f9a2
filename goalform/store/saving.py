"""Saving a .goal atomically: a complete copy beside the target, renamed over it under the save lock
(:mod:`goalform.store.locking`) and SQLite's own lock on the old file, so that a crash leaves the old
file or the new one and no other program's journal can be applied to the new one later.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path
from typing import Callable, Iterator

from goalform.domain.errors import os_error_text
from goalform.paths import PathProblem, write_target
from goalform.store import database
from goalform.store.database import SQLITE_MAGIC, harden, sqlite_uri
from goalform.store.errors import FileBusy, SaveError, sqlite_error_text
from goalform.store.leftovers import clean_folder
from goalform.store.locking import remove_stale_temporaries, save_lock, temp_path
from goalform.store.workspace import file_stamp


def save_target(path: Path) -> Path:
    """Where saving to ``path`` writes: through a symbolic link to its target; refused when that is
    a folder, a FIFO or device, or a read-only file (replacing it would silently undo its protection),
    a symlink loop, or a name longer than the file system takes (goalform.paths.write_target)."""
    try:
        return write_target(path)
    except PathProblem as e:
        if e.kind == "read_only":
            raise SaveError(f"不能保存：文件「{Path(path).name}」是只读的（原文件未改动；可用“另存为”保存到其他文件）") from None
        if e.kind == "not_plain":
            raise SaveError(f"不能保存到 {path}：它{e.detail}") from None
        raise SaveError(f"不能保存到 {path}：{e.reason}") from None


def write_atomically(conn: sqlite3.Connection, target: Path,
                     check: Callable[[], None] | None = None) -> tuple[int, int] | None:
    """Write the database behind ``conn`` to ``target`` so that a crash leaves the old file or the new one.

    The copy is made complete beside the target (VACUUM INTO also compacts it), switched to a
    rollback journal so that the file stands alone, given the old file's permissions and flushed to
    disk. Then, under the save lock (:mod:`goalform.store.locking`) and SQLite's own lock on the old
    file (:func:`_sqlite_guard`), ``check()`` runs (it raises to refuse, e.g. ChangedOnDisk) and the
    copy is renamed over the target. Returns the file's stamp (workspace.file_stamp) taken under the
    lock, so that a save by someone else right after ours is never mistaken for ours.
    """
    shown = Path(target)
    target = save_target(shown)
    clean_folder(target.parent)
    tmp = temp_path(target)
    try:
        conn.execute("VACUUM INTO ?", (str(tmp),))
        out = sqlite3.connect(tmp, isolation_level=None)
        try:
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
        fd = os.open(tmp, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        with save_lock(target):
            if check is not None:
                check()
            with _sqlite_guard(target) as recovered:
                if check is not None and not recovered:
                    check()  # again, now that no SQLite program can write it either
                os.replace(tmp, target)
                stamp = file_stamp(target)
        _fsync_dir(target.parent)
        remove_stale_temporaries(target)
    except sqlite3.Error as e:
        raise SaveError(f"保存到 {shown} 失败：{sqlite_error_text(e)}（原文件未改动）") from None
    except OSError as e:
        raise SaveError(f"保存到 {shown} 失败：{os_error_text(e)}（原文件未改动）") from None
    finally:
        for suffix in ("", "-journal"):
            _remove_quietly(Path(str(tmp) + suffix))
    return stamp


_SIDE_FILES = ("-journal", "-wal", "-shm")


@contextlib.contextmanager
def _sqlite_guard(target: Path) -> Iterator[bool]:
    """Keep other SQLite programs out of ``target`` while it is replaced, and leave no stale journal.

    A SQLite database at ``target`` is opened read-write and a write transaction begun: SQLite rolls
    back a hot journal a crashed writer left (its own recovery rules), a WAL file is checkpointed and
    the database switched to a rollback journal (which fails while another program has it open), and
    then the RESERVED lock keeps any other writer from starting. Leftover ``-journal``/``-wal``/``-shm``
    files are then nobody's and are removed, so none of them can be applied to the new file later.
    On Windows a file open in another program cannot be replaced at all, so the connection is closed
    before the rename (which then fails if anyone else has the file open). Yields whether SQLite's
    recovery (a rollback, a checkpoint) changed the file, which then no longer looks as it was read.
    """
    name = target.name
    guard: sqlite3.Connection | None = None
    before = file_stamp(target)
    if _is_sqlite(target):
        try:
            guard = sqlite3.connect(sqlite_uri(target.resolve()), uri=True, isolation_level=None,
                                    timeout=database.BUSY_TIMEOUT)  # read at the call: tests shorten it
            harden(guard)
            if _header_byte(target, 18) == 2:
                guard.execute("PRAGMA journal_mode = DELETE")
            guard.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            if guard is not None:
                guard.close()
                guard = None
            text = str(e).lower()
            if "locked" in text or "busy" in text:
                raise FileBusy(f"「{name}」正被其他程序使用（已锁定），不能保存（原文件未改动），请稍后再试") from None
            # Not a usable database (damaged, or not SQLite after all): nobody's SQLite can be writing it.
    try:
        for suffix in _SIDE_FILES:
            _remove_quietly(Path(str(target) + suffix))
        if guard is not None and os.name == "nt":  # pragma: no cover - exercised on Windows only
            guard.close()
            guard = None
        yield file_stamp(target) != before
    finally:
        if guard is not None:
            with contextlib.suppress(sqlite3.Error):
                guard.execute("ROLLBACK")
            guard.close()


def _header_byte(path: Path, offset: int) -> int:
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            b = f.read(1)
    except OSError:
        return 0
    return b[0] if b else 0


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; its rename is durable enough on NTFS.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
