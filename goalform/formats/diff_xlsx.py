"""The differences between two forms as an .xlsx (与另一文件比较 → 导出 Excel): the two files on top,
then one row per difference (位置, 年份, 之前, 之后, 说明), filterable, written atomically. Every text
comes from the files and goes through the summary's cell writer, which keeps it text (a value
「=HYPERLINK(…)」 never becomes a formula)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from goalform.domain.diff import Difference, shown
from goalform.formats.output import is_zip, write_replacing
from goalform.formats.summary_xlsx import _put as put  # one safe cell writer for both reports

SHEET = "比较结果"
HEADERS = ("位置", "年份", "之前", "之后", "说明")
WIDTHS = (48, 8, 28, 28, 70)
TABLE_ROW = 4  # rows 1-2 name the files, row 3 is blank


def build_workbook(differences: Sequence[Difference], before: str, after: str, note: str = "") -> Workbook:
    """``before`` / ``after``: how the two forms are named (file and year); ``note`` e.g. the filter used."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    bold = Font(bold=True)
    put(ws, 1, 1, "之前").font = bold
    put(ws, 1, 2, before)
    put(ws, 2, 1, "之后").font = bold
    put(ws, 2, 2, after)
    if note:
        put(ws, 3, 1, note)
    fill = PatternFill("solid", fgColor="DDE7F3")
    for c, (header, width) in enumerate(zip(HEADERS, WIDTHS), start=1):
        cell = put(ws, TABLE_ROW, c, header)
        cell.font, cell.fill = bold, fill
        ws.column_dimensions[get_column_letter(c)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, d in enumerate(differences, start=TABLE_ROW + 1):
        old, new = shown(d)
        for c, value in enumerate((d.where or d.message, d.year, old, new, d.message), start=1):
            put(ws, r, c, value).alignment = wrap
    last = TABLE_ROW + max(len(differences), 1)
    ws.auto_filter.ref = f"A{TABLE_ROW}:{get_column_letter(len(HEADERS))}{last}"
    ws.freeze_panes = f"A{TABLE_ROW + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"{TABLE_ROW}:{TABLE_ROW}"
    return wb


def write_diff(path: Path | str, differences: Sequence[Difference], before: str, after: str, note: str = "",
               inputs: Iterable[Path | str] = ()) -> Path:
    """Write the differences to ``path`` through the one safe writer (formats.output): refused at once
    when the target is read-only, a folder, FIFO or device, or one of ``inputs`` (the two forms);
    a symlink's target is replaced; a failed write leaves the previous file as it was."""
    workbook = build_workbook(differences, before, after, note)
    write_replacing(path, workbook.save, is_zip, failed="无法导出比较结果到", inputs=inputs)
