"""Reading a received .goal without leaving anything beside it.

SQLite reads a WAL-mode database only through a ``-shm`` index it creates beside the file (and it
would checkpoint a ``-wal`` into the file when the last reader closes). goalform never changes a file
it reads, nor puts files beside it: such a file is read through a private copy (with its ``-wal``).
goalform itself always saves with a rollback journal, so this is only for files from elsewhere.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def readable_copy(path: Path) -> Iterator[Path]:
    """``path`` itself, or for a WAL-mode file (header bytes 18-19 = 2) a private copy of it and its
    ``-wal``: SQLite reads a WAL database only through a ``-shm`` index that it creates beside the
    file, and a received file must never get one (nor have its ``-wal`` checkpointed into it)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        header = os.read(fd, 20)
    finally:
        os.close(fd)
    if 2 not in header[18:20]:
        yield path
        return
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="goalform-wal-"))
    try:
        copy = folder / "copy.goal"
        shutil.copyfile(path, copy)
        with contextlib.suppress(FileNotFoundError):
            if not os.path.islink(str(path) + "-wal"):
                shutil.copyfile(str(path) + "-wal", str(copy) + "-wal")
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)
