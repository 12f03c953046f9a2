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
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import appdirs

APP_NAME = "goalform"


def data_dir() -> Path:
    """The user data folder; GOALFORM_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("GOALFORM_DATA_DIR")
    if override:
        return Path(override)
    return Path(appdirs.user_data_dir(APP_NAME, False))


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
        STILL_ACTIVE = 259
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class WorkingCopy:
    path: Path  # the SQLite file being edited
    origin: Path | None  # the .goal it was opened from / will be saved to
    pid: int
    dirty: bool
    modified: float  # time of the last edit (epoch seconds)
    template_id: str = ""
    department: str = ""

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
        }
        tmp = self.sidecar.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.sidecar)

    def remove(self) -> None:
        for p in (self.path, self.sidecar, Path(str(self.path) + "-wal"), Path(str(self.path) + "-shm"),
                  Path(str(self.path) + "-journal")):
            with contextlib.suppress(OSError):
                p.unlink()


class Workspace:
    """The folder of working copies."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else data_dir() / "working"

    def create(self, origin: Path | None) -> WorkingCopy:
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"{uuid.uuid4().hex}.goal"
        wc = WorkingCopy(path=path, origin=Path(origin) if origin else None, pid=os.getpid(), dirty=False,
                         modified=time.time())
        wc.write_sidecar()
        return wc

    def adopt(self, wc: WorkingCopy) -> WorkingCopy:
        """Take over a recovered working copy in this process."""
        wc.pid = os.getpid()
        wc.write_sidecar()
        return wc

    def orphans(self) -> list[WorkingCopy]:
        """Working copies left by a process that died with unsaved edits; newest first.

        Clean ones left behind (nothing to recover) are removed on the way.
        """
        found: list[WorkingCopy] = []
        if not self.root.is_dir():
            return found
        for sidecar in self.root.glob("*.json"):
            try:
                data = json.loads(sidecar.read_text(encoding="utf-8"))
                wc = WorkingCopy(
                    path=sidecar.with_suffix(".goal"),
                    origin=Path(data["origin"]) if data.get("origin") else None,
                    pid=int(data.get("pid", 0)),
                    dirty=bool(data.get("dirty")),
                    modified=float(data.get("modified", 0)),
                    template_id=str(data.get("template_id", "")),
                    department=str(data.get("department", "")),
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if pid_alive(wc.pid):
                continue
            if not wc.path.exists() or not wc.dirty:
                wc.remove()
                continue
            found.append(wc)
        found.sort(key=lambda w: w.modified, reverse=True)
        return found
