"""Reading many .goal files for a reviewer's overview: every file is either summarised or listed
with the reason it could not be read; none is skipped silently.

Qt-free so the CLI (``goalform summarize``) and the GUI (a folder, in a worker thread with a
progress bar and a cancel button) share it. A pile of files is spread over the cores: worker
processes each read, validate and fingerprint a file (:func:`summarize_file`), and the results come
back in the order of the files, so the summary is the one a single process writes.
"""
from __future__ import annotations

import contextlib
import os
import stat
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from goalform.domain.summary import FormSummary, summarize_form
from goalform.domain.template import TemplateError
from goalform.paths import PathProblem, resolved
from goalform.store import worker_pool
from goalform.store.quick_read import read_form
from goalform.store.errors import StoreError

SUFFIX = ".goal"


@dataclass(frozen=True)
class Unreadable:
    path: str
    reason: str  # in Chinese, for the reviewer


@dataclass
class SummaryRead:
    summaries: list[FormSummary] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    cancelled: bool = False

    @property
    def total(self) -> int:
        return len(self.summaries) + len(self.unreadable)


# Files a folder may hold that are nobody's submission.
_JUNK = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


def collect_paths(paths: Iterable[Path | str], *, exclude: Iterable[Path | str] = ()) -> tuple[list[Path], list[Unreadable]]:
    """The files to read: files as given, folders searched (with subfolders) for *.goal, in name
    order, each file once. A path that does not exist is reported, not dropped, and so is any other
    file in a searched folder (a submission sent as Word or Excel must not go unnoticed), except
    hidden files, system files and ``exclude`` (e.g. the summary being written)."""
    found: list[Path] = []
    problems: list[Unreadable] = []
    seen: set[Path] = set()
    for e in exclude:
        with contextlib.suppress(PathProblem):
            seen.add(resolved(e))

    def add(p: Path, key: Path) -> None:
        if key not in seen:
            seen.add(key)
            found.append(p)

    for raw in paths:
        p = Path(raw)
        try:
            root = resolved(p)
        except PathProblem as e:  # a symlink loop: said, not a traceback
            problems.append(Unreadable(str(p), e.reason))
            continue
        if p.is_dir():
            children = [(c.relative_to(p), c) for c in p.rglob("*")]
            children.sort(key=lambda rc: str(rc[0]).casefold())
            for rel, child in children:
                if any(part.startswith(".") for part in rel.parts):
                    continue
                try:
                    key, is_file = _identity(child, root, rel)
                except PathProblem as e:  # a symlink loop inside the folder
                    problems.append(Unreadable(str(child), e.reason))
                    continue
                if not is_file:
                    continue
                if child.suffix.lower() == SUFFIX:
                    add(child, key)
                elif child.name.lower() not in _JUNK and key not in seen:
                    seen.add(key)
                    problems.append(Unreadable(str(child), "不是 goalform 文件（.goal），未汇总；如是 Word/Excel 表，请先导入"))
        elif p.exists():
            add(p, root)
        else:
            problems.append(Unreadable(str(p), "找不到文件或文件夹"))
    return found, problems


def _identity(child: Path, root: Path, rel: Path) -> tuple[Path, bool]:
    """``resolved(child)`` and whether it is a file, for ``child`` = the folder ``root`` resolves to,
    then ``rel`` as the folder search found it. The search does not enter linked folders, so on
    POSIX a child that is no link itself resolves to ``root / rel`` (one lstat instead of resolving
    it component by component); a link, or any path on Windows (junctions), is resolved."""
    if os.name == "posix":
        try:
            st = os.lstat(child)
        except OSError:
            return root / rel, False
        if not stat.S_ISLNK(st.st_mode):
            return root / rel, stat.S_ISREG(st.st_mode)
    return resolved(child), child.is_file()


# Processes pay off from this many files on (starting one costs about as much as reading 100 files).
PARALLEL_FROM = 200
_CHUNK = 8  # files a worker takes at a time


def summarize_file(path: Path) -> FormSummary | Unreadable:
    """Read, validate and fingerprint one file (in a worker process, or in this one)."""
    try:
        form, template = read_form(path)
        return summarize_form(form, template, str(path))
    except (StoreError, TemplateError) as e:
        return Unreadable(str(path), str(e))
    except Exception as e:  # noqa: BLE001 - one damaged file must not stop a pile of 1,000
        return Unreadable(str(path), f"读取时出错：{type(e).__name__}: {e}")


def _workers(files: int) -> int:
    return 1 if files < PARALLEL_FROM else max(1, min(worker_pool.cores(), 8))


_CANCELLED = object()  # what _summaries yields when a cancel came while it waited for a worker
_POLL = 0.1  # seconds between looks at ``cancelled()`` while waiting for a worker


def _summarize_chunk(paths: list[Path]) -> list[FormSummary | Unreadable]:
    return [summarize_file(path) for path in paths]


def _summaries(files: list[Path], cancelled: Callable[[], bool] | None) -> Iterator[FormSummary | Unreadable | object]:
    """summarize_file of every file, in order: in worker processes when there are many files and
    cores (:mod:`goalform.store.worker_pool`); in this process when there are few, or when the
    processes cannot be started or die. While it waits for a worker (which may wait up to 5 s for a
    file another program locks) a cancel ends the wait: it yields :data:`_CANCELLED` and stops."""
    done = 0
    workers = _workers(len(files))
    pool = worker_pool.start_pool(workers) if workers > 1 else None
    if pool is not None:
        finished = False
        try:
            with worker_pool.signals_held():  # the workers start as their first files are handed out
                chunks = [pool.submit(_summarize_chunk, files[i:i + _CHUNK]) for i in range(0, len(files), _CHUNK)]
            for chunk in chunks:
                while True:
                    try:
                        results = chunk.result(timeout=_POLL)
                        break
                    except FutureTimeout:
                        if cancelled is not None and cancelled():
                            yield _CANCELLED
                            return
                for result in results:
                    done += 1
                    yield result
            finished = True
        except (BrokenProcessPool, OSError):
            pass  # the rest in this process
        finally:
            if not finished:  # cancelled, Ctrl+C, or broken: not a moment for a file another program locks
                worker_pool.stop(pool)
            pool.shutdown(wait=True, cancel_futures=True)
    for path in files[done:]:
        yield summarize_file(path)


def summarize_paths(
    paths: Iterable[Path | str],
    *,
    exclude: Iterable[Path | str] = (),
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SummaryRead:
    """Read and summarise every .goal under ``paths`` (see :func:`collect_paths`).

    ``progress(done, total, path)`` is called before each file is taken into the result; when
    ``cancelled()`` turns true the files read so far are returned with ``cancelled`` set.
    """
    files, missing = collect_paths(paths, exclude=exclude)
    result = SummaryRead(unreadable=list(missing))
    results = _summaries(files, cancelled)
    try:
        for i, path in enumerate(files):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            if progress is not None:
                progress(i, len(files), path)
            one = next(results)
            if one is _CANCELLED:
                result.cancelled = True
                break
            if isinstance(one, Unreadable):
                result.unreadable.append(one)
            else:
                result.summaries.append(one)
    finally:
        results.close()
    return result
