"""A finance bureau's indicator library as an Excel sheet: read it, and write ours in the same layout.

The sheet has one row per 三级 indicator under the headers 一级指标 / 二级指标 / 三级指标 / 指标解释 /
参考值, found by name anywhere in the first rows (a title above them, columns in any order, extra
columns ignored). Bureaus merge the 一级 and 二级 cells down their groups or write a group's name
once: both continue to the rows below. Cells are read as a clerk sees them (numbers, percentages,
dates: :func:`goalform.formats.xlsx_reader.cell_text`); .xls goes through LibreOffice like a form.
What we write keeps every cell filled (easy to sort, filter and edit) and stores all text as text.
"""
from __future__ import annotations

import io
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from goalform.domain.library import (
    SHEET_COLUMNS,
    SOURCE_BUILTIN,
    SOURCE_BUREAU,
    SOURCE_MINE,
    LibraryEntry,
    SheetProblem,
    entries_from_rows,
    header_columns,
)
from goalform.formats.content import ReadError
from goalform.formats.export import ExportError
from goalform.formats.legacy import LEGACY_TARGETS, convert
from goalform.formats.xlsx_reader import cell_text
from goalform.formats.xlsx_writer import _set_text as set_text

SHEET_TITLE = "指标库"
SOURCE_COLUMN = "来源"
HEADER_ROWS_SEARCHED = 30
SOURCE_NAMES = {SOURCE_BUILTIN: "内置", SOURCE_BUREAU: "财政部门", SOURCE_MINE: "我的表"}


@dataclass
class SheetRead:
    entries: list[LibraryEntry] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)
    sheet: str = ""


def read_library(path: Path | str, *, label: str | None = None) -> SheetRead:
    """The entries of a library sheet (``label``: the source they are kept under, default the file name)."""
    path = Path(path)
    if not path.exists():
        raise ReadError(f"找不到文件：{path}")
    if path.is_dir():
        raise ReadError(f"「{path}」是文件夹，不是 Excel 文件")
    label = path.name if label is None else label
    if path.suffix.lower() in LEGACY_TARGETS:
        with tempfile.TemporaryDirectory(prefix="goalform-library-") as tmp:
            return _read_xlsx(convert(path, tmp), path.name, label)
    return _read_xlsx(path, path.name, label)


def _read_xlsx(path: Path, shown: str, label: str) -> SheetRead:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise ReadError(f"「{shown}」不是有效的 Excel (.xlsx) 文件") from None
    try:
        for ws in wb.worksheets:
            grid = _grid(ws)
            for i, cells in enumerate(grid[:HEADER_ROWS_SEARCHED]):
                columns = header_columns(cells)
                if columns is not None:
                    rows = [(i + 2 + n, r) for n, r in enumerate(grid[i + 1:])]
                    entries, problems = entries_from_rows(rows, columns, source=SOURCE_BUREAU, label=label,
                                                          level1_names=_level1_names())
                    return SheetRead(entries, problems, ws.title)
    finally:
        wb.close()
    raise ReadError(f"「{shown}」中找不到指标库的表头（需要「一级指标」「二级指标」「三级指标」列，"
                    "可选「指标解释」「参考值」）")


def _level1_names() -> list[str]:
    """The 一级 of every template, in order (they are the same six in 2024 and 2026)."""
    from goalform import assets

    names: list[str] = []
    for template in assets.templates().values():
        names += [l1.name for l1 in template.level1 if l1.name not in names]
    return names


def _grid(ws) -> list[list[str]]:  # noqa: ANN001 - an openpyxl worksheet
    """Every row's cell texts, a merged range's text in each of its cells."""
    merged: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merged[(r, c)] = (rng.min_row, rng.min_col)
    grid: list[list[str]] = []
    for r, row in enumerate(ws.iter_rows(), start=1):
        cells = []
        for c, cell in enumerate(row, start=1):
            top = merged.get((r, c))
            cells.append(cell_text(ws.cell(*top) if top is not None and top != (r, c) else cell))
        grid.append(cells)
    return grid


def write_library(path: Path | str, entries: Sequence[LibraryEntry]) -> Path:
    """Write ``entries`` as a library sheet (atomically), with a 来源 column the reader ignores."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    headers = (*SHEET_COLUMNS, SOURCE_COLUMN)
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=c, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F3")
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, entry in enumerate(entries, start=2):
        source = SOURCE_NAMES.get(entry.source, "")
        if entry.source_label:
            source = f"{source}：{entry.source_label}"
        for c, text in enumerate((*entry.content, source), start=1):
            cell = ws.cell(row=r, column=c)
            set_text(cell, text)
            cell.alignment = wrap
    for letter, width in zip("ABCDEF", (12, 18, 24, 50, 14, 20)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:F{max(len(entries) + 1, 2)}"
    wb.properties.creator = "goalform"
    # Built in memory first: a disk that fills up then fails in our own write, not inside openpyxl's
    # zip file (which would complain again when it is collected).
    data = io.BytesIO()
    wb.save(data)
    return _write_replacing(Path(path), data.getvalue())


def _write_replacing(target: Path, data: bytes) -> Path:
    """``data`` to a temporary file beside ``target``, then moved over it: a failed write (a full
    disk, a killed process) never leaves half a file or destroys the previous one."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"无法导出：文件夹不存在：{folder}")
    if target.is_dir():
        raise ExportError(f"无法导出：{target} 是一个文件夹")
    tmp = folder / f".{target.stem[:40]}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except PermissionError:
        raise ExportError(f"无法导出：{target} 被占用或没有写入权限（若已在 Excel 中打开，请先关闭）") from None
    except OSError as e:
        raise ExportError(f"无法导出到 {target}：{e.strerror or e}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return target
