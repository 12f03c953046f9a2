"""Cleaning up after a goalform that was killed while saving (kill -9, a power cut, a crash).

A save killed half-way leaves, beside the .goal, its lock file (``.NAME.goal.lock``), its temporary
copy (``.NAME.goal.<host>-<pid>-<random>.tmp``) and that copy's ``-journal``. They are harmless (the
.goal itself is the old file or the new one) but clutter a shared folder, so the first time a process
opens or saves anything in a folder, :func:`clean_folder` removes there what is provably left over:

- a temporary copy (and its SQLite side files) named after a process of this computer that has ended;
- a lock file that is ours (our user's, a plain file) and that nobody holds: we take its lock
  ourselves, check it is still the file under that name, and unlink it while holding it (the same
  protocol as every save's release, so a waiter that opened it starts again on a new one).

Nothing of another user, another computer or a running process is touched. Each folder is cleaned
once per process.
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
from pathlib import Path

from goalform.store.locking import TEMP_NAME, host_tag, release_unheld
from goalform.store.processes import pid_alive

_cleaned: set[str] = set()
_guard = threading.Lock()


def clean_folder(folder: Path | str) -> int:
    """Remove what killed saves left in ``folder`` (once per folder per process); returns how many."""
    key = os.path.normcase(os.path.abspath(folder))
    with _guard:
        if key in _cleaned:
            return 0
        _cleaned.add(key)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        name = entry.name
        if not name.startswith("."):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        if name.endswith(".goal.lock") or (name.endswith(".lock") and "~" in name):
            if os.name != "nt" and st.st_uid != os.geteuid():
                continue  # another user's: theirs to clean
            removed += release_unheld(Path(entry.path))
            continue
        m = re.search(TEMP_NAME, name)
        if m is None or m["host"] != host_tag():
            continue
        pid = int(m["pid"])
        if pid == os.getpid() or pid_alive(pid):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def forget() -> None:
    """Clean every folder again when next used (tests)."""
    with _guard:
        _cleaned.clear()
