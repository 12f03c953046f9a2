"""Read the worksheet of a .xlsx that holds the form (normally the first) as the form's table, the way ``tests/formdump.py`` dumps it.

Merged ranges behave like Word's spans and vertical merges: a range appears once in its first row,
and as an empty cell in each further row. Rows above the table's first labelled row (title, 填报日期
and 单位, even when typed into two cells) are paragraphs before it; rows at the end with one filled
cell in column A (填报说明) are paragraphs after it. A workbook whose first sheet is a cover or
instructions sheet is read from the first sheet that holds the form.

Excel stores what a clerk sees differently from what Word does, so cells are turned back into the
text shown on screen: whole numbers without ``.0``, percentages by their number format (``0.0021``
shown as ``0.21%``, trailing zeros dropped as the form does), dates as 2025年12月31日.
"""
from __future__ import annotations

import datetime as _dt
import functools
import zipfile
from decimal import Decimal
from pathlib import Path

from goalform import assets
from goalform.formats.content import ReadError, TableContent
from goalform.formats.grid_reader import label_key


def read_xlsx(path: Path | str) -> TableContent:
    """Read the form's table from the first worksheet of ``path``."""
    path = Path(path)
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise ReadError(f"找不到文件：{path}") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ReadError(f"「{path.name}」不是有效的 Excel (.xlsx) 文件") from None
    try:
        if not wb.worksheets:
            raise ReadError(f"「{path.name}」中没有工作表")
        # The form is on the first sheet, unless a cover or instructions sheet comes first.
        first = None
        for ws in wb.worksheets:
            content = read_sheet(ws)
            if first is None:
                first = content
            if any(_is_table_label(row) for row in content.rows):
                return content
        return first
    finally:
        wb.close()


def read_sheet(ws) -> TableContent:
    """Rows of a worksheet in formdump's shape, with the paragraph-like rows split off."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                spans[(r, c)] = (rng.min_row, rng.min_col)
    grid: list[list[str]] = []
    first_col: list[bool] = []  # the row's only filled cell (if any) is in column A
    for r in range(1, ws.max_row + 1):
        cells: list[str] = []
        filled_cols: list[int] = []
        for c in range(1, ws.max_column + 1):
            top = spans.get((r, c))
            if top is not None and top[1] != c:
                continue  # horizontal continuation: the span appears once
            if top is not None and top[0] != r:
                cells.append("")  # vertical continuation
                continue
            text = cell_text(ws.cell(r, c))
            if text.strip():
                filled_cols.append(c)
            cells.append(text)
        grid.append(cells)
        first_col.append(all(c == 1 for c in filled_cols))
    content = TableContent()
    # Rows above the table's first labelled row are paragraphs (title, 填报日期 and 单位, which
    # Excel users often put in two cells of one row); so are rows with at most one filled cell,
    # in column A, at its end (填报说明; a table row with only its 一级 label has it in column B).
    start = next((i for i, row in enumerate(grid) if _is_table_label(row)), None)
    if start is None:
        start = 0
        while start < len(grid) and first_col[start] and len(_filled(grid[start])) <= 1:
            start += 1
    content.before = ["   ".join(_filled(row)) for row in grid[:start]]
    grid, first_col = grid[start:], first_col[start:]
    while grid and first_col[-1] and len(_filled(grid[-1])) <= 1 and not _is_table_label(grid[-1]):
        row = _filled(grid.pop())
        first_col.pop()
        content.after.insert(0, row[0] if row else "")
    # A sheet whose used range runs further right than the form (formatting left in column J, say)
    # gives every row trailing empty cells; drop the ones that are empty in every row.
    while grid and all(len(row) > 0 and not row[-1].strip() for row in grid) and max(len(r) for r in grid) > 9:
        grid = [row[:-1] for row in grid]
    # Blank rows around the table are spacing, not paragraphs.
    content.before = [line for line in content.before if line.strip()]
    content.after = [line for line in content.after if line.strip()]
    content.rows = grid
    return content


@functools.lru_cache(maxsize=1)
def _table_labels() -> frozenset[str]:
    labels = {label_key(text) for t in assets.templates().values() for text in t.labels.values()}
    labels.update(label_key(s.label) for t in assets.templates().values() for s in t.texts if "{" not in s.label)
    return frozenset(labels)


def _is_table_label(cells: list[str]) -> bool:
    """True for a row holding one of the table's own labels (部门（单位）名称, 填报人, 年度目标 ...)."""
    labels = _table_labels()
    return any(label_key(c) in labels for c in cells if c.strip())


def _filled(cells: list[str]) -> list[str]:
    return [c for c in cells if c.strip()]


def cell_text(cell) -> str:
    """The text a clerk sees in ``cell``."""
    value = cell.value
    if value is None:
        return ""
    fmt = str(cell.number_format or "")
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in fmt:
            return _plain(number * 100) + "%"
        return _plain(number)
    if isinstance(value, _dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, _dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def _plain(number: Decimal) -> str:
    """A number as the form writes it: no exponent, no trailing zeros, no float noise (0.1 + 0.2)."""
    try:
        number = number.quantize(Decimal("1e-9"))
    except ArithmeticError:  # too many digits to quantize: far beyond any amount; show it as it is
        pass
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
