"""A finance bureau's indicator library as an Excel sheet: read it, and write ours in the same layout.

The sheet has one row per 三级 indicator under the headers 一级指标 / 二级指标 / 三级指标 / 指标解释 /
参考值, found by name anywhere in the first rows (a title above them, columns in any order, extra
columns ignored). Bureaus merge the 一级 and 二级 cells down their groups or write a group's name
once: both continue to the rows below. Cells are read as a clerk sees them (numbers, percentages,
dates, as the form importer reads them: :mod:`goalform.formats.xlsx_reader`); .xls goes through LibreOffice like a form.
What we write keeps every cell filled (easy to sort, filter and edit) and stores all text as text.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

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
from goalform.domain.limits import MAX_INDICATORS, count_text
from goalform.formats.reading import ReadError
from goalform.formats.importer import refuse_ole2
from goalform.formats.output import is_zip, write_replacing
from goalform.formats.legacy import LEGACY_TARGETS, convert
from goalform.formats.xlsx_reader import Sheet, read_sheets
from goalform.formats.xlsx_writer import set_text

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
    refuse_ole2(path, path.suffix.lower())  # password-protected, or an old .xls renamed: say which, as import does
    return _read_xlsx(path, path.name, label)


def _read_xlsx(path: Path, shown: str, label: str) -> SheetRead:
    # The form importer's reader: zip and XML budgets, linear in the cells that hold text.
    # A sheet of MAX_INDICATORS indicators has its header (and maybe a title) above them.
    for sheet in read_sheets(path, max_rows=MAX_INDICATORS + HEADER_ROWS_SEARCHED):
        grid = _grid(sheet)
        for i, cells in enumerate(grid[:HEADER_ROWS_SEARCHED]):
            columns = header_columns(cells)
            if columns is not None:
                rows = [(i + 2 + n, r) for n, r in enumerate(grid[i + 1:])]
                entries, problems = entries_from_rows(rows, columns, source=SOURCE_BUREAU, label=label,
                                                      level1_names=_level1_names())
                if len(entries) > MAX_INDICATORS:
                    raise ReadError(f"「{shown}」中有 {count_text(len(entries))} 个指标，超过一次导入 "
                                    f"{count_text(MAX_INDICATORS)} 个的上限，请分成几个文件导入")
                return SheetRead(entries, problems, sheet.name)
    raise ReadError(f"「{shown}」中找不到指标库的表头（需要「一级指标」「二级指标」「三级指标」列，"
                    "可选「指标解释」「参考值」）")


def _level1_names() -> list[str]:
    """The 一级 of every template, in order (they are the same six in 2024 and 2026)."""
    from goalform import assets

    names: list[str] = []
    for template in assets.templates().values():
        names += [l1.name for l1 in template.level1 if l1.name not in names]
    return names


def _grid(sheet: Sheet) -> list[list[str]]:
    """Every row's cell texts up to the last cell with text, a merged range's text in each of its cells."""
    filled = [key for key, text in sheet.cells.items() if text.strip()]
    height = max((r for r, _ in filled), default=0)
    width = max((c for _, c in filled), default=0)
    top_left: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, c2 in sheet.merges:  # clipped to the cells with text: a merge over the sheet costs nothing
        for r in range(r1, min(r2, height) + 1):
            for c in range(c1, min(c2, width) + 1):
                top_left[(r, c)] = (r1, c1)
    return [[sheet.cells.get(top_left.get((r, c), (r, c)), "") for c in range(1, width + 1)]
            for r in range(1, height + 1)]


def write_library(path: Path | str, entries: Sequence[LibraryEntry], inputs: Iterable[Path | str] = ()) -> Path:
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
    # Built in memory first (write_replacing): a disk that fills up then fails in our own write, not
    # inside openpyxl's zip file, and the previous file stays until the new one is complete.
    return write_replacing(path, wb.save, is_zip, inputs=inputs)
