"""Write the layout grid as an Excel sheet: the same rows, merged ranges, borders and A4 print set-up.

The title and the lines above the table are single cells merged across the table's width, the 填报说明
likewise below it (formdump reads rows with one cell as paragraphs). Excel does not size rows of merged
cells by itself, so the heights are estimated from the text and the column widths here.
User text is always written as a string: 「=SUM(A1)」, 「+1」, 「-x」 or 「@x」 never become formulas.
A text longer than an Excel cell holds (32,767 characters) is refused before anything is written:
Excel would cut it, and a form that silently lacks the end of its 部门职能概述 is worse than none.
The footer prints 「第 X 页 共 Y 页」 as the PDF and the Word form do.
"""
from __future__ import annotations

import copy
import math
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import IO

from goalform.domain.amounts import format_decimal, parse_amount
from goalform.formats.layout import ALIGNMENTS, AMOUNT, DERIVED, GRID_COLUMNS, HEADER, Grid
from goalform.formats.output import ExportError

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
TABLE_PT = 10
LINE_PT = 13.5  # height of one line of 10 pt text
MAX_ROW_PT = 409  # the tallest row Excel has
MAX_ROW_LINES = int((MAX_ROW_PT - 4) // LINE_PT)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CELL_CHARS = 32767  # the most characters an Excel cell holds
FOOTER = "&\"宋体,常规\"&9第 &P 页 共 &N 页"  # page number and count, as on the PDF
# A text starting with one of these is taken as a formula (or, via CSV, as one) by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _chars(text: str) -> float:
    """Width of a line in Excel's character units (a CJK character is about two digits wide)."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def _lines(text: str, width_chars: float, most: int = 10**9) -> int:
    """Lines ``text`` takes in a column ``width_chars`` wide, counted up to ``most`` (only the start
    of a long text is measured: a row is never taller than MAX_ROW_PT anyway)."""
    usable = max(width_chars - 1.0, 1.0)
    total = 0
    for line in (text.split("\n") if text else [""]):
        # every character is at least 1.1 wide, so this many of them already fill the lines left
        part = line[:int(usable * (most - total)) + 1]
        total += max(1, math.ceil(_chars(part) / usable))
        if total >= most:
            return most
    return total


def _column_chars(twips: int) -> float:
    # twips -> pixels at 96 dpi (1/15) -> character units of the default font (7 px + padding).
    return round(twips / 15 / 7, 1)


def check_lengths(grid: Grid) -> None:
    """Refuse (ExportError) a grid with a text longer than an Excel cell holds, naming the field."""
    for r, row in enumerate(grid.rows):
        for cell in row:
            if len(cell.text) > CELL_CHARS:
                raise ExportError(
                    f"无法导出为 Excel：{grid.describe(r, cell)}有 {len(cell.text):,} 个字，超过 Excel "
                    f"单元格最多 {CELL_CHARS:,} 个字的限制。请缩短该项，或导出为 Word 或 PDF。")


def write_xlsx(grid: Grid, target: str | Path | IO[bytes]) -> None:
    """Write ``grid`` as a .xlsx with one sheet to ``target`` (a path or a binary file); ExportError
    before anything is written when a text does not fit in an Excel cell."""
    check_lengths(grid)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标表"[:31]
    widths = [_column_chars(w) for w in grid.column_widths]
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name=BODY_FONT, size=TABLE_PT)
    bold = Font(name=BODY_FONT, size=TABLE_PT, bold=True)
    align = {a: Alignment(horizontal=a, vertical="center", wrap_text=True) for a in ALIGNMENTS}
    top = Alignment(horizontal="center", vertical="top", wrap_text=True)
    styles = _Styles()
    row_no = 0

    def paragraph(text: str, font: Font, horizontal: str, height: float) -> None:
        nonlocal row_no
        row_no += 1
        cell = ws.cell(row_no, 1)
        set_text(cell, text)
        cell.font = font
        cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
        _merge(ws, row_no, 1, row_no, GRID_COLUMNS)
        ws.row_dimensions[row_no].height = min(MAX_ROW_PT, height * _lines(text, sum(widths), MAX_ROW_LINES))

    if grid.before:
        paragraph(grid.before[0].strip(), Font(name=TITLE_FONT, size=18, bold=True), "center", 30)
    for line in grid.before[1:]:
        # 「填报日期：…      单位：万元」: a cell cannot align two parts apart, as Word's right tab stop
        # does, so 单位 goes on a line of its own, flush right (a second cell on the same row would
        # make the line read as a table row).
        parts = re.split(r"\s{2,}", line.strip())
        for part in parts if len(parts) == 2 else [line.strip()]:
            paragraph(part, Font(name=BODY_FONT, size=11), "right" if part.startswith("单位") else "left", 18)

    first_table_row = row_no + 1
    lines_of_row: list[int] = []
    tall: list[tuple[int, int, int]] = []  # (first grid row, rowspan, lines) of vertical merges
    for r, grid_row in enumerate(grid.rows):
        row_no += 1
        lines = 1
        for cell in grid_row:
            if cell.merged:
                continue
            xl = ws.cell(row_no, cell.col + 1)
            number = _number_cell(cell.text) if cell.role in (AMOUNT, DERIVED) else None
            if number is not None:
                xl.value, xl.number_format = number
            else:
                set_text(xl, cell.text)
            # a section label over pages of rows: shown where the section starts
            alignment = top if cell.rowspan > 8 else align[cell.align]
            styles.apply(xl, font=bold if cell.role == HEADER else body, alignment=alignment)
            if cell.colspan > 1 or cell.rowspan > 1:
                _merge(ws, row_no, cell.col + 1, row_no + cell.rowspan - 1, cell.col + cell.colspan)
            needed = _lines(cell.text, sum(widths[cell.col:cell.col + cell.colspan]), MAX_ROW_LINES * cell.rowspan)
            if cell.rowspan == 1:
                lines = max(lines, needed)
            else:
                tall.append((r, cell.rowspan, needed))
        lines_of_row.append(lines)
    # A vertical merge whose text needs more lines than its rows have: give the rest to its last row.
    for r, span, needed in tall:
        missing = needed - sum(lines_of_row[r:r + span])
        if missing > 0 and span <= 8:
            lines_of_row[r + span - 1] += missing
    last_table_row = row_no
    for i, lines in enumerate(lines_of_row):
        ws.row_dimensions[first_table_row + i].height = min(MAX_ROW_PT, LINE_PT * lines + 4)
    # Borders on every cell of the table, merged ranges included (Excel draws a merged range's
    # border from its member cells, so styling only the top-left cell leaves gaps).
    for row in ws.iter_rows(min_row=first_table_row, max_row=last_table_row, max_col=GRID_COLUMNS):
        for xl in row:
            styles.apply(xl, border=border)

    for i, line in enumerate(grid.after):
        paragraph(line, bold if i == 0 else Font(name=BODY_FONT, size=TABLE_PT), "left", LINE_PT + 2)

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = FOOTER
    ws.page_margins.footer = 0.3
    ws.print_area = f"A1:{get_column_letter(GRID_COLUMNS)}{row_no}"
    # The first rows of the table (name, filler, funds headers) as print titles would repeat the
    # funds header on indicator pages; the indicator headers sit mid-sheet, so none are set.
    ws.sheet_view.showGridLines = False
    wb.properties.title = grid.title
    wb.properties.creator = "goalform"
    wb.save(target)


class _Styles:
    """Cell styles set once per combination and copied after that: openpyxl hashes the whole style
    on every assignment (a form of 10,000 indicators spent half a minute there)."""

    def __init__(self) -> None:
        self._done: dict[tuple, object] = {}
        self._keep: list[tuple] = []

    def apply(self, cell, **attributes: object) -> None:  # noqa: ANN001 - an openpyxl cell
        key = (tuple(cell._style or ()), tuple((name, id(value)) for name, value in attributes.items()))
        style = self._done.get(key)
        if style is None:
            for name, value in attributes.items():
                setattr(cell, name, value)
            self._done[key] = style = copy.copy(cell._style)
            self._keep.append(tuple(attributes.values()))  # the ids in the key stay theirs
        cell._style = copy.copy(style)


def _merge(ws, r1: int, c1: int, r2: int, c2: int) -> None:  # noqa: ANN001 - an openpyxl worksheet
    """``ws.merge_cells`` without its check against every range merged before (quadratic: a form of
    10,000 indicators has 5,000 merges and took a minute); the grid's spans never overlap."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    merged = MergedCellRange(ws, f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}")
    ws.merged_cells.ranges.add(merged)
    ws._clean_merge_range(merged)


def set_text(cell, text: str) -> None:  # noqa: ANN001 - an openpyxl cell
    """Store ``text`` as a string, never as a formula, even when it starts with =, +, -, @, a tab or
    a carriage return; characters an .xlsx cannot hold are dropped."""
    cell.value = _ILLEGAL.sub("", text) if text else None
    if cell.value is not None:
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # Excel shows it as typed and keeps it text when edited


def _number_cell(text: str) -> tuple[Decimal, str] | None:
    """(value, number format) of an amount or a 占比 cell as goalform prints it, so that a reviewer
    can compute with it while Excel shows exactly the printed text: «1234.5» is 1234.5 shown with
    «0.0», «660» with «0», «60.68%» is 0.6068 shown with «0.00%». Anything else a clerk typed
    («+86 27», «1,424万») is None and stays the text it is."""
    percent = text.endswith("%")
    digits = text[:-1] if percent else text
    parsed = parse_amount(digits)
    if not (parsed.ok and parsed.value is not None and format_decimal(parsed.value) == digits):
        return None
    places = len(digits.partition(".")[2])
    shown = "0" + ("." + "0" * places if places else "")
    if percent:
        return parsed.value / 100, shown + "%"
    return parsed.value, shown
