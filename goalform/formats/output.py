"""Where an export or a summary lands: the target is checked, the file is written complete beside it
and only then put in its place, so a failure (a full disk, a killed process, a writer bug) never
destroys or truncates the file that was there.

Every file goalform writes for the user outside a ``.goal`` goes through :func:`write_replacing`:
the target is refused at once when it is a folder, a FIFO or device, or read-only; a symlink is
followed and its target replaced (the link stays a link); the new file is written to a temporary
name in the same folder (created with the user's umask, or with the mode of the file it replaces),
flushed to disk, checked (size and format signature), and renamed over the target. The ``.goal``
save has its own equivalent in ``store/saving.py`` (``write_atomically``), which also has to
handle SQLite's files.
"""
from __future__ import annotations

import io
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from goalform.domain.errors import UserError, os_error_text
from goalform.paths import PathProblem, refuse_inputs, temp_name, temp_prefix, write_target

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import BinaryIO

STALE_SECONDS = 3600  # a temporary file this old beside the target is left over from a killed export


class ExportError(UserError):
    """An export that cannot be written; ``str(error)`` is a message for the user, in Chinese."""


def _why(error: OSError) -> str:
    """What went wrong; for a refused write, the usual cause (on Windows) too."""
    text = os_error_text(error)
    return text + "（文件可能正在 Word 或 Excel 中打开）" if isinstance(error, PermissionError) else text


def check_target(path: str | Path, failed: str = "无法导出到", inputs: Iterable[str | Path] = ()) -> Path:
    """The file that writing to ``path`` would replace (symlinks followed), or ExportError at once
    when it cannot or must not be replaced: goalform.paths.write_target's checks, and none of
    ``inputs`` (the files the output is made from) may be that file. ``failed`` begins the messages."""
    given = Path(path)
    try:
        target = write_target(given)
        refuse_inputs(target, inputs)
    except PathProblem as e:
        if e.kind == "read_only":
            raise ExportError(f"{failed}「{given}」：这是只读文件（请另选文件名，或先取消它的只读属性）") from None
        raise ExportError(f"{failed}「{given}」：{e.reason}") from None
    return target


def write_replacing(path: str | Path, write: Callable[[BinaryIO], object],
                    verify: Callable[[Path], bool] | None = None, failed: str = "无法导出到",
                    inputs: Iterable[str | Path] = ()) -> Path:
    """Write a new file at ``path`` with ``write(stream)`` without ever leaving a partial one there.

    ``write`` runs first, into memory, so that whatever it refuses (ExportError) or fails on is
    refused before a byte reaches the disk; the bytes are then written to a temporary file beside the
    target, flushed to disk, checked (``verify(tmp_path)``, e.g. the format's signature) and renamed
    over the target. Returns the path written (a symlink's target). Any failure raises ExportError,
    with the previous file unchanged and the temporary file removed; its message begins with ``failed``.
    ``inputs``: the files the output is made from, none of which it may replace (check_target).
    """
    given = Path(path)
    target = check_target(given, failed, inputs)
    buffer = io.BytesIO()
    write(buffer)
    data = buffer.getbuffer()
    try:
        old_mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        old_mode = None
    tmp = target.with_name(temp_name(target.name, os.urandom(4).hex()))
    kept = "，原有文件未改动" if old_mode is not None else ""
    try:
        with _removed_on_failure(tmp):
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            with os.fdopen(fd, "wb") as stream:
                if old_mode is not None:
                    os.chmod(tmp, old_mode)
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if not data or os.path.getsize(tmp) != len(data) or (verify is not None and not verify(tmp)):
                raise ExportError(f"{failed}「{given}」：写出的文件不完整{kept}")
            os.replace(tmp, target)
    except ExportError:
        raise
    except OSError as e:
        raise ExportError(f"{failed}「{given}」：{_why(e)}{kept}") from None
    finally:
        data.release()
    _fsync_folder(target.parent)
    _remove_stale(target)
    return target


@contextmanager
def _removed_on_failure(tmp: Path) -> Iterator[None]:
    """Remove ``tmp`` when the block fails, including when the process is asked to stop (SIGTERM)
    while writing: the default SIGTERM ends Python without running ``finally`` blocks, so unless someone
    (the CLI) handles it already, it raises SystemExit here."""
    previous = None
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGTERM") \
            and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:  # the CLI's own handling (goalform.signals) does as well
        def stop(signum: int, frame: object) -> None:
            raise SystemExit(128 + signum)

        previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder for fsync)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale(target: Path) -> None:
    """Drop temporary files that a killed export of the same target left beside it. Only old ones:
    a recent one may belong to another export of this file that is still running."""
    prefix = temp_prefix(target.name)
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(prefix) and name.endswith(".tmp") and len(name) == len(prefix) + 12:
            try:
                if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)
            except OSError:
                pass


def is_zip(path: Path) -> bool:
    """A complete zip package (.docx, .xlsx): its central directory, written last, can be read."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return bool(z.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def is_pdf(path: Path) -> bool:
    """A complete PDF: it starts with %PDF and its trailer's startxref points at the xref table."""
    import re

    with open(path, "rb") as f:
        if f.read(5) != b"%PDF-":
            return False
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - 1024))
        tail = f.read()
        found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", tail)
        if not found or int(found.group(1)) >= size:
            return False
        f.seek(int(found.group(1)))
        return f.read(4) == b"xref"
