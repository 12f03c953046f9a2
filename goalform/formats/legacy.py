"""Legacy .doc and .xls files: converted to .docx/.xlsx by LibreOffice when it is installed.

Old office PCs still hold forms saved by Word 2003. Reading the binary formats ourselves is not worth
it; LibreOffice converts them faithfully (tables, merges and all). It runs headless in a private
profile folder, so a running LibreOffice window of the user is left alone, and it is fenced in:

* one temporary folder holds the profile, a copy of the input and the output, and is removed when
  :func:`conversion` ends, however it ends;
* LibreOffice runs in a process group of its own (``soffice`` starts ``oosplash`` starts
  ``soffice.bin``), with an address-space and CPU-time limit (``ulimit`` in the shell that starts it,
  so no ``preexec_fn`` runs in a threaded GUI process) and a wall-clock timeout, after which the whole
  group is killed;
* a watchdog (a small ``sh`` in a session of its own) holds the read end of a pipe whose write end only
  goalform holds: when goalform ends in any way, even ``kill -9``, the pipe closes and the watchdog
  kills the group and removes the folder. On SIGTERM and at exit goalform cleans up itself first.

On Windows the process tree is ended with ``taskkill /T`` on timeout and when the conversion ends.
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from goalform.domain.limits import LEGACY_MEMORY_BYTES, LEGACY_TIMEOUT_SECONDS
from goalform.formats.reading import ReadError

LEGACY_TARGETS = {".doc": "docx", ".xls": "xlsx", ".wps": "docx", ".et": "xlsx"}
TIMEOUT_SECONDS = LEGACY_TIMEOUT_SECONDS

# Where LibreOffice installs itself on Windows when it is not on PATH.
_WINDOWS_FOLDERS = (
    r"C:\Program Files\LibreOffice\program",
    r"C:\Program Files (x86)\LibreOffice\program",
    r"C:\Program Files\LibreOffice 7\program",
    r"C:\Program Files (x86)\LibreOffice 7\program",
)


class LibreOfficeMissing(ReadError):
    """No LibreOffice to convert a legacy file with."""


def is_legacy(path: Path | str) -> bool:
    return Path(path).suffix.lower() in LEGACY_TARGETS


def find_soffice() -> str | None:
    """The LibreOffice command, from GOALFORM_SOFFICE, PATH or the usual install folders; None if absent."""
    override = os.environ.get("GOALFORM_SOFFICE")
    if override:
        return override if Path(override).is_file() else None
    for name in ("soffice", "libreoffice", "soffice.exe"):
        found = shutil.which(name)
        if found:
            return found
    if os.name == "nt":
        roots = [os.environ.get("ProgramFiles", ""), os.environ.get("ProgramFiles(x86)", "")]
        folders = [str(Path(r) / "LibreOffice" / "program") for r in roots if r] + list(_WINDOWS_FOLDERS)
        for folder in folders:
            candidate = Path(folder) / "soffice.exe"
            if candidate.is_file():
                return str(candidate)
    return None


def missing_message(path: Path) -> str:
    target = LEGACY_TARGETS.get(path.suffix.lower(), "docx")
    app = "Word" if target == "docx" else "Excel"
    return (
        f"「{path.name}」是旧版 {path.suffix.lower()} 文件，需要安装 LibreOffice 才能读取。"
        f"也可以在 {app} 中打开它，另存为 .{target} 后再导入。"
    )


@contextmanager
def conversion(path: Path | str, *, timeout: float = TIMEOUT_SECONDS) -> Iterator[Path]:
    """Convert a .doc/.xls to .docx/.xlsx and yield the new file's path, valid inside the ``with``.

    Raises :class:`LibreOfficeMissing` when LibreOffice is not installed and :class:`ReadError` when
    the conversion fails or takes longer than ``timeout`` seconds. LibreOffice and every file it made
    are gone when the ``with`` ends.
    """
    path = Path(path)
    target = LEGACY_TARGETS.get(path.suffix.lower())
    if target is None:
        raise ReadError(f"「{path.name}」不是 .doc 或 .xls 文件")
    if not path.is_file():
        raise ReadError(f"找不到文件：{path}")
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissing(missing_message(path))
    job = _Job()
    try:
        # LibreOffice names its output after the input; copy the input under a plain ASCII name so
        # odd characters in the clerk's file name cannot trip the conversion.
        source = job.folder / ("input" + path.suffix.lower())
        shutil.copyfile(path, source)
        out = job.folder / "out"
        out.mkdir()
        command = [
            soffice,
            f"-env:UserInstallation={(job.folder / 'profile').resolve().as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", target, "--outdir", str(out), str(source),
        ]
        try:
            returncode = job.run(command, timeout)
        except subprocess.TimeoutExpired:
            raise ReadError(f"用 LibreOffice 转换「{path.name}」超时（{int(timeout)} 秒），请另存为 .{target} 后再导入") from None
        except OSError as e:
            raise ReadError(f"无法启动 LibreOffice（{e.strerror or e}），请另存为 .{target} 后再导入") from None
        result = out / f"input.{target}"
        if returncode != 0 or not result.is_file():
            raise ReadError(f"LibreOffice 未能转换「{path.name}」，请在 Office 中另存为 .{target} 后再导入")
        yield result
    finally:
        job.close()


# Conversions running now, ended at exit (a normal exit, SystemExit from a signal handler).
_RUNNING: set["_Job"] = set()
_POSIX = os.name == "posix"

# The watchdog: reads "pg N" (LibreOffice's process group), "gone" (it ended) and "done"; at end of
# input without "done" (goalform died) it kills the group and removes the folder.
_WATCHDOG = ('pg=; while read -r cmd arg; do case "$cmd" in pg) pg=$arg;; gone) pg=;; done) exit 0;; esac; done; '
             '[ -n "$pg" ] && kill -9 "-$pg" 2>/dev/null; rm -rf "$1"')
# The shell that starts LibreOffice under its limits (KiB of address space, CPU seconds).
_LIMITED = 'ulimit -v "$1" 2>/dev/null; ulimit -t "$2" 2>/dev/null; shift 2; exec "$@"'


class _Job:
    """One LibreOffice run: its folder, its process group and its watchdog."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="goalform-lo-"))
        self.proc: subprocess.Popen | None = None
        self.watchdog: subprocess.Popen | None = None
        _RUNNING.add(self)
        if _POSIX:
            try:
                self.watchdog = subprocess.Popen(
                    ["/bin/sh", "-c", _WATCHDOG, "goalform-watchdog", str(self.folder)],
                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    start_new_session=True, text=True)
            except OSError:
                self.watchdog = None  # no /bin/sh: the handlers below still clean up

    def _tell(self, line: str) -> None:
        if self.watchdog is not None and self.watchdog.stdin is not None:
            try:
                self.watchdog.stdin.write(line + "\n")
                self.watchdog.stdin.flush()
            except (OSError, ValueError):
                pass

    def run(self, command: list[str], timeout: float) -> int:
        """Run LibreOffice to the end or to ``timeout`` (then raise TimeoutExpired); the group is ended."""
        if _POSIX:
            command = ["/bin/sh", "-c", _LIMITED, "soffice-limited", str(LEGACY_MEMORY_BYTES // 1024),
                       str(int(timeout) + 5), *command]
        # LibreOffice's own temporary files (lu*.tmp) go into the folder too, so they go with it.
        scratch = self.folder / "tmp"
        scratch.mkdir(exist_ok=True)
        env = {**os.environ, "TMPDIR": str(scratch), "TMP": str(scratch), "TEMP": str(scratch)}
        self.proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
            start_new_session=_POSIX,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0))
        self._tell(f"pg {self.proc.pid}")
        deadline = time.monotonic() + timeout
        while not self._exited():
            if time.monotonic() > deadline:
                self._end()
                raise subprocess.TimeoutExpired(command, timeout)
            time.sleep(0.05)
        returncode = self._end()
        return returncode

    def _exited(self) -> bool:
        """True once LibreOffice's first process has ended; it is not reaped yet, so its process
        group id cannot be reused by another program before the group is killed."""
        assert self.proc is not None
        if _POSIX and hasattr(os, "waitid"):
            try:
                return os.waitid(os.P_PID, self.proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
            except ChildProcessError:
                return True
        return self.proc.poll() is not None

    def _end(self) -> int:
        """Kill whatever is left of LibreOffice's process group, reap it and return its exit code."""
        proc = self.proc
        if proc is None:
            return 0
        if proc.returncode is None:
            if _POSIX:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            else:  # pragma: no cover - Windows
                subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
                proc.kill()
        code = proc.wait()
        self._tell("gone")
        return code

    def close(self) -> None:
        """End LibreOffice, dismiss the watchdog and remove the folder."""
        try:
            self._end()
        finally:
            self._tell("done")
            if self.watchdog is not None:
                try:
                    if self.watchdog.stdin is not None:
                        self.watchdog.stdin.close()
                    self.watchdog.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            shutil.rmtree(self.folder, ignore_errors=True)
            _RUNNING.discard(self)


@atexit.register
def _end_all() -> None:
    for job in list(_RUNNING):
        job.close()


def convert(path: Path | str, out_dir: Path | str, *, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert into ``out_dir`` and return the new file there (the caller removes it)."""
    with conversion(path, timeout=timeout) as converted:
        result = Path(out_dir) / converted.name
        shutil.copyfile(converted, result)
    return result
