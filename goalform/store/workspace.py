"""Working copies: where open documents live while they are edited.

Every edit goes straight into a working copy in the user data folder, so a crash loses nothing.
Beside each working copy a small JSON sidecar says which .goal it belongs to, which process has
it open and whether it holds unsaved edits. At the next start, working copies whose process is gone
and that hold unsaved edits are offered back (:meth:`Workspace.orphans`).
"""
from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from pathlib import Path

import appdirs

from goalform.domain.values import Value
from goalform.store.processes import pid_alive, process_start

APP_NAME = "goalform"


def data_dir() -> Path:
    """The user data folder; GOALFORM_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("GOALFORM_DATA_DIR")
    if override:
        return Path(override)
    return Path(appdirs.user_data_dir(APP_NAME, False))


class WorkingCopy(Value):
    path: Path  # the SQLite file being edited
    origin: Path | None  # the .goal it was opened from / will be saved to
    pid: int
    dirty: bool
    modified: float  # time of the last edit (epoch seconds)
    template_id: str
    department: str
    # (mtime_ns, size) of the origin when it was opened or last saved: a save that finds the
    # origin different would overwrite someone else's change (see Document.save).
    origin_stamp: tuple[int, int] | None
    started: str  # process_start(pid) of the process that has it open
    review_only: bool  # a file opened read-only that takes review records (Document.open_for_review)

    def __init__(self, path: Path, origin: Path | None, pid: int, dirty: bool, modified: float, template_id: str = "",
                 department: str = "", origin_stamp: tuple[int, int] | None = None, started: str = "",
                 review_only: bool = False) -> None:
        self.path, self.origin, self.pid, self.dirty, self.modified = path, origin, pid, dirty, modified
        self.template_id, self.department, self.origin_stamp = template_id, department, origin_stamp
        self.started, self.review_only = started, review_only

    def owner_running(self) -> bool:
        """Whether the goalform that has this working copy open is still running."""
        if not pid_alive(self.pid):
            return False
        if not self.started or self.pid == os.getpid():
            return True
        now = process_start(self.pid)
        return not now or now == self.started  # another program under a reused pid: the owner is gone

    @property
    def sidecar(self) -> Path:
        return self.path.with_suffix(".json")

    def write_sidecar(self) -> None:
        data = {
            "origin": str(self.origin) if self.origin else None,
            "pid": self.pid,
            "dirty": self.dirty,
            "modified": self.modified,
            "template_id": self.template_id,
            "department": self.department,
            "origin_stamp": list(self.origin_stamp) if self.origin_stamp else None,
            "started": self.started,
            "review_only": self.review_only,
        }
        tmp = self.sidecar.with_suffix(".json.tmp")
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.sidecar)
        except BaseException:  # a full data folder: no half-written .json.tmp left for good
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def remove(self) -> None:
        for p in (self.path, self.sidecar, Path(str(self.path) + "-wal"), Path(str(self.path) + "-shm"),
                  Path(str(self.path) + "-journal"), self.sidecar.with_suffix(".json.tmp")):
            with contextlib.suppress(OSError):
                p.unlink()


_own: tuple[int, str] = (0, "")


def _own_start() -> str:
    """process_start() of this process, read once (per pid: a forked child is another process)."""
    global _own
    if _own[0] != os.getpid():
        _own = (os.getpid(), process_start(os.getpid()))
    return _own[1]


def file_stamp(path: Path) -> tuple[int, int] | None:
    """What tells us a file was rewritten: its modification time and size (None when it is missing)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _stamp_from_json(value: object) -> tuple[int, int] | None:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    return None


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links and case-insensitive names where the OS has them)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


class Workspace:
    """The folder of working copies."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else data_dir() / "working"

    def create(self, origin: Path | None) -> WorkingCopy:
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"{os.urandom(16).hex()}.goal"  # (a random name, as uuid4().hex gave)
        wc = WorkingCopy(path=path, origin=Path(origin) if origin else None, pid=os.getpid(), dirty=False,
                         modified=time.time(), started=_own_start())
        wc.write_sidecar()
        return wc

    def adopt(self, wc: WorkingCopy) -> WorkingCopy:
        """Take over a recovered working copy in this process."""
        wc.pid = os.getpid()
        wc.started = _own_start()
        wc.write_sidecar()
        return wc

    def holders(self, origin: Path) -> list[WorkingCopy]:
        """Working copies of ``origin`` open in other running goalform processes.

        Two windows editing one file would each save over the other's work, so the GUI asks
        before opening a file that is listed here.
        """
        found: list[WorkingCopy] = []
        for wc in self._sidecars():
            if wc.pid != os.getpid() and wc.origin is not None and wc.owner_running() and same_file(wc.origin, origin):
                found.append(wc)
        return found

    def _sidecars(self) -> list[WorkingCopy]:
        found: list[WorkingCopy] = []
        if not self.root.is_dir():
            return found
        for sidecar in self.root.glob("*.json"):
            try:
                if not stat.S_ISREG(os.lstat(sidecar).st_mode):  # a FIFO would block the start for ever
                    continue
                data = json.loads(sidecar.read_text(encoding="utf-8"))
                found.append(WorkingCopy(
                    path=sidecar.with_suffix(".goal"),
                    origin=Path(data["origin"]) if data.get("origin") else None,
                    pid=int(data.get("pid", 0)),
                    dirty=bool(data.get("dirty")),
                    modified=float(data.get("modified", 0)),
                    template_id=str(data.get("template_id", "")),
                    department=str(data.get("department", "")),
                    origin_stamp=_stamp_from_json(data.get("origin_stamp")),
                    started=str(data.get("started") or ""),
                    review_only=data.get("review_only") is True,
                ))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return found

    def orphans(self, *, tidy_temp: bool = True) -> list[WorkingCopy]:
        """Working copies left by a process that died with unsaved edits; newest first.

        Clean ones left behind (nothing to recover) are removed on the way, and so are old
        ``goalform-*.goal`` snapshots in the temp folder (:func:`remove_stale_snapshots`) unless
        ``tidy_temp`` is False (the GUI's start: a large temp folder is listed after the first frame).
        """
        if tidy_temp:
            remove_stale_snapshots()  # read-only snapshots an older goalform left in the temp folder
        found: list[WorkingCopy] = []
        for wc in self._sidecars():
            if wc.owner_running():
                continue
            if not wc.path.exists() or not wc.dirty:
                wc.remove()
                continue
            found.append(wc)
        found.sort(key=lambda w: w.modified, reverse=True)
        return found


def remove_stale_snapshots(max_age: float = 600.0) -> int:
    """Remove ``goalform-*.goal`` read-only snapshots that goalform before 2026-12 left in the temp folder.

    Read-only documents now live in memory, so only older versions (or one killed while reading) left
    these. One older than ``max_age`` seconds is nobody's: those versions read a snapshot in milliseconds
    or held it open (which on Windows makes the deletion fail harmlessly). Returns how many were removed.
    """
    import tempfile

    removed = 0
    now = time.time()
    for path in Path(tempfile.gettempdir()).glob("goalform-*.goal*"):
        try:
            if path.is_file() and now - path.stat().st_mtime > max_age:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed
