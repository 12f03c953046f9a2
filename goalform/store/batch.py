"""Reading many .goal files for a reviewer's overview: every file is either summarised or listed
with the reason it could not be read; none is skipped silently.

Qt-free so the CLI (``goalform summarize``) and the GUI (a folder, in a worker thread with a
progress bar and a cancel button) share it.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from goalform.domain.summary import FormSummary, summarize_form
from goalform.domain.template import TemplateError
from goalform.paths import PathProblem, resolved
from goalform.store.document import read_form
from goalform.store.errors import StoreError

SUFFIX = ".goal"


@dataclass(frozen=True)
class Unreadable:
    path: str
    reason: str  # in Chinese, for the reviewer


@dataclass
class BatchResult:
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

    def add(p: Path) -> None:
        key = resolved(p)
        if key not in seen:
            seen.add(key)
            found.append(p)

    for raw in paths:
        p = Path(raw)
        try:
            resolved(p)
        except PathProblem as e:  # a symlink loop: said, not a traceback
            problems.append(Unreadable(str(p), e.reason))
            continue
        if p.is_dir():
            for child in sorted(p.rglob("*"), key=lambda c: str(c.relative_to(p)).casefold()):
                if any(part.startswith(".") for part in child.relative_to(p).parts):
                    continue
                try:
                    key = resolved(child)
                except PathProblem as e:  # a symlink loop inside the folder
                    problems.append(Unreadable(str(child), e.reason))
                    continue
                if not child.is_file():
                    continue
                if child.suffix.lower() == SUFFIX:
                    add(child)
                elif child.name.lower() not in _JUNK and key not in seen:
                    seen.add(key)
                    problems.append(Unreadable(str(child), "不是 goalform 文件（.goal），未汇总；如是 Word/Excel 表，请先导入"))
        elif p.exists():
            add(p)
        else:
            problems.append(Unreadable(str(p), "找不到文件或文件夹"))
    return found, problems


def summarize_paths(
    paths: Iterable[Path | str],
    *,
    exclude: Iterable[Path | str] = (),
    progress: Callable[[int, int, Path], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """Read and summarise every .goal under ``paths`` (see :func:`collect_paths`).

    ``progress(done, total, path)`` is called before each file; when ``cancelled()`` turns true the
    files read so far are returned with ``cancelled`` set.
    """
    files, missing = collect_paths(paths, exclude=exclude)
    result = BatchResult(unreadable=list(missing))
    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        if progress is not None:
            progress(i, len(files), path)
        try:
            form, template = read_form(path)
            result.summaries.append(summarize_form(form, template, str(path)))
        except (StoreError, TemplateError) as e:
            result.unreadable.append(Unreadable(str(path), str(e)))
        except Exception as e:  # noqa: BLE001 - one damaged file must not stop a pile of 1,000
            result.unreadable.append(Unreadable(str(path), f"读取时出错：{type(e).__name__}: {e}"))
    return result
