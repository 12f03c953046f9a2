"""Read the worksheet of a .xlsx that holds the form (normally the first) as the form's table, the way ``tests/formdump.py`` dumps it.

Merged ranges behave like Word's spans and vertical merges: a range appears once in its first row,
and as an empty cell in each further row. Rows above the table's first labelled row (title, 填报日期
and 单位, even when typed into two cells) are paragraphs before it; rows at the end with one filled
cell in column A (填报说明) are paragraphs after it. A workbook whose first sheet is a cover or
instructions sheet is read from the first sheet that holds the form.

Excel stores what a clerk sees differently from what Word does, so cells are turned back into the
text shown on screen: whole numbers without ``.0``, percentages by their number format (``0.0021``
shown as ``0.21%``, trailing zeros dropped as the form does), dates as 2025年12月31日.

The package is read here rather than by ``openpyxl.load_workbook``: the file comes from outside, and
openpyxl builds a Cell object for every cell the sheet lists (formatted empty ones too), trusts the
sheet's dimensions and parses with its own XML settings. Here every part goes through
:class:`~goalform.formats.package.Package` (size limits, no DTD, lxml without entities), the sheet is
streamed and only cells with text are kept, so time and memory are linear in the cells that exist,
and rows, columns, cell length and merged ranges are checked against the documented limits as they
are read. openpyxl's own number-format and date helpers decide what a number shows as, so values read
exactly as openpyxl would give them.
"""
from __future__ import annotations

import datetime as _dt
import functools
import posixpath
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from goalform import assets
from goalform.domain.limits import (
    MAX_CELL_CHARS, MAX_FORM_CHARS, MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_MERGED_RANGES,
    count_text)
from goalform.formats.reading import ReadError, TableContent
from goalform.formats.grid_reader import label_key
from goalform.formats.layout import GRID_COLUMNS
from goalform.formats.package import Package

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


def read_xlsx(path: Path | str) -> TableContent:
    """Read the form's table from the first worksheet of ``path`` that holds it."""
    path = Path(path)
    with Package(path, "Excel (.xlsx)") as package:
        book = _Workbook(package)
        if not book.sheets:
            raise ReadError(f"「{path.name}」中没有工作表")
        # The form is on the first sheet, unless a cover or instructions sheet comes first.
        first = None
        for name, part in book.sheets:
            content = read_sheet(book.sheet(name, part))
            if first is None:
                first = content
            if any(_is_table_label(row) for row in content.rows):
                return content
        return first  # type: ignore[return-value]


def read_sheets(path: Path | str, max_rows: int = MAX_IMPORT_ROWS) -> Iterator[Sheet]:
    """Every worksheet of ``path`` in the workbook's order, read under the same budgets as a form
    (``max_rows``: the last row that may hold text)."""
    path = Path(path)
    with Package(path, "Excel (.xlsx)") as package:
        book = _Workbook(package)
        for name, part in book.sheets:
            yield book.sheet(name, part, max_rows)


@dataclass
class Sheet:
    """The cells of a worksheet that hold text, by (row, column) from 1, and its merged ranges."""

    name: str
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min row, min col, max row, max col
    width: int = 0  # the rightmost column any cell (even an empty, formatted one) or merge reaches


class _Workbook:
    """The workbook part of a package: its worksheets, shared strings and number formats."""

    def __init__(self, package: Package) -> None:
        self.package = package
        part = next((t for _, kind, t in _relationships(package, "") if kind == "officeDocument"), "xl/workbook.xml")
        root = package.parse(part)
        ns = _ns(root.tag)
        pr = root.find(ns + "workbookPr")
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.epoch = CALENDAR_MAC_1904 if pr is not None and pr.get("date1904") in ("1", "true") else CALENDAR_WINDOWS_1900
        relationships = _relationships(package, part)
        by_id = {rid: (kind, target) for rid, kind, target in relationships}
        first = {}  # relationship type -> its first target
        for _, kind, target in relationships:
            first.setdefault(kind, target)
        self.sheets: list[tuple[str, str]] = []  # (name, part) of each worksheet, in the workbook's order
        for sheet in root.iterfind(f"{ns}sheets/{ns}sheet"):
            rid = sheet.get(f"{{{_REL}}}id") or sheet.get("{http://purl.oclc.org/ooxml/officeDocument/relationships}id")
            kind, target = by_id.get(rid or "", ("", ""))
            if kind == "worksheet" and package.has(target):  # chart and dialog sheets hold no cells
                self.sheets.append((sheet.get("name") or "", target))
        shared = first.get("sharedStrings")
        self._strings_part = shared if shared and package.has(shared) else None
        self._strings: list[str] | None = None
        # Characters put into cells so far, on every sheet: a shared string counts once per cell that
        # shows it, so a small file whose cells all point to one long string is refused here.
        self.chars = 0
        self.formats, self.date_styles, self.timedelta_styles = _styles(package, first.get("styles"))

    @property
    def strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if self._strings_part:
                for _, si in self.package.iterparse(self._strings_part, "{*}si"):
                    self._strings.append(_rich_text(si).replace("x005F_", ""))  # as openpyxl reads them
                    si.clear()
        return self._strings

    def sheet(self, name: str, part: str, max_rows: int = MAX_IMPORT_ROWS) -> Sheet:
        """Stream the sheet's cells, keeping those with text, and refuse what is past the limits."""
        sheet = Sheet(name)
        where = f"工作表「{name}」"
        row = col = 0
        current = None  # the row element the last cell was in
        try:
            for _, el in self.package.iterparse(part, ("{*}row", "{*}c", "{*}mergeCell")):
                ns, _, tag = el.tag.rpartition("}")
                ns += "}" if ns else ""
                if tag == "c":
                    parent = el.getparent()
                    if parent is not current:  # a row without a number follows the last one
                        current = parent
                        number = parent.get("r") if parent is not None else None
                        row, col = (_row_number(number) if number else row + 1), 0
                    ref = el.get("r")
                    if ref:
                        row, col = _cell_ref(ref)
                    else:
                        col += 1
                    sheet.width = max(sheet.width, col)
                    text = self._cell_text(el, ns) if len(el) else ""  # no v, no is: a formatted empty cell
                    el.clear()
                    if not text:
                        continue
                    if text.strip():
                        if row > max_rows:
                            raise ReadError(f"{where}第 {row} 行有内容，超过导入上限 {max_rows} 行，无法导入")
                        if col > MAX_IMPORT_COLUMNS:
                            raise ReadError(f"{where}的 {_col_name(col)}{row} 格有内容，超过导入上限 "
                                            f"{MAX_IMPORT_COLUMNS} 列，无法导入")
                        if len(text) > MAX_CELL_CHARS:
                            raise ReadError(f"{where}的 {_col_name(col)}{row} 格有 {len(text)} 个字，"
                                            f"超过导入上限 {MAX_CELL_CHARS} 字，无法导入")
                    if row <= max_rows and col <= MAX_IMPORT_COLUMNS:
                        self.chars += len(text)
                        if self.chars > MAX_FORM_CHARS:
                            raise ReadError(f"读到{where}第 {row} 行时，单元格中的文字已超过 {count_text(MAX_FORM_CHARS)} 字"
                                            "（整个文件的导入上限，引用同一段文字的单元格每格都计入），无法导入")
                        sheet.cells[(row, col)] = text
                        if len(sheet.cells) > MAX_IMPORT_CELLS:
                            raise ReadError(f"{where}中有文字的单元格超过 {MAX_IMPORT_CELLS} 个（导入上限），无法导入")
                elif tag == "row":  # its cells are done: free them and the rows before it
                    if el is not current:  # a row without cells still counts
                        number = el.get("r")
                        row = _row_number(number) if number else row + 1
                    current = None
                    el.clear()
                    parent = el.getparent()
                    while parent is not None and el.getprevious() is not None:
                        del parent[0]
                else:
                    ref = el.get("ref") or ""
                    if ":" in ref:
                        (r1, c1), (r2, c2) = (_cell_ref(x) for x in ref.split(":", 1))
                        sheet.merges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
                        if len(sheet.merges) > MAX_MERGED_RANGES:
                            raise ReadError(f"{where}中合并单元格超过 {MAX_MERGED_RANGES} 处（导入上限），无法导入")
                        sheet.width = max(sheet.width, c1, c2)
                    el.clear()
        except (ValueError, IndexError, OverflowError):
            raise self.package.damaged(part) from None
        return sheet

    def _cell_text(self, c, ns: str) -> str:
        """The text a clerk sees in the cell element ``c`` (cached formula results, as data_only)."""
        kind = c.get("t", "n")
        style = int(c.get("s") or 0)
        if kind == "inlineStr":
            inline = c.find(ns + "is")
            return _shown("" if inline is None else _rich_text(inline), "")
        raw = c.findtext(ns + "v") or None
        if raw is None:
            return ""
        value: object = raw
        if kind == "n":
            value = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
            if style in self.date_styles:
                from openpyxl.utils.datetime import from_excel

                try:
                    value = from_excel(value, self.epoch, timedelta=style in self.timedelta_styles)
                except (OverflowError, ValueError):
                    value = "#VALUE!"  # as openpyxl: a date out of range is an error cell
        elif kind == "s":
            value = self.strings[int(raw)]
        elif kind == "b":
            value = bool(int(raw))
        elif kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            value = from_ISO8601(raw)
        fmt = self.formats[style] if 0 <= style < len(self.formats) else "General"
        return _shown(value, fmt)


def _ns(tag: str) -> str:
    return tag[:tag.index("}") + 1] if tag.startswith("{") else ""


def _rich_text(el) -> str:
    """The plain text of a shared or inline string: its t and its runs' t, without phonetic guides."""
    ns = _ns(el.tag)
    parts = []
    for child in el:
        if child.tag == ns + "t":
            parts.append(child.text or "")
        elif child.tag == ns + "r":
            parts.append(child.findtext(ns + "t") or "")
    return "".join(parts)


def _relationships(package: Package, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of the internal relationships of ``part`` ("" for the package itself);
    the type is the last segment of its URI (worksheet, sharedStrings, styles, officeDocument)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if not package.has(rels):
        return []
    out = []
    for rel in package.parse(rels):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.append((rel.get("Id") or "", (rel.get("Type") or "").rpartition("/")[2], target))
    return out


def _styles(package: Package, part: str | None) -> tuple[list[str], set[int], set[int]]:
    """The number format of each cell style, and which styles show dates or durations."""
    from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format

    formats: list[str] = []
    if part is None or not package.has(part):
        return formats, set(), set()
    root = package.parse(part)
    ns = _ns(root.tag)
    custom = {}
    for fmt in root.iterfind(f"{ns}numFmts/{ns}numFmt"):
        try:
            custom[int(fmt.get("numFmtId") or -1)] = fmt.get("formatCode") or ""
        except ValueError:
            continue
    dates, durations = set(), set()
    for i, xf in enumerate(root.iterfind(f"{ns}cellXfs/{ns}xf")):
        try:
            number = int(xf.get("numFmtId") or 0)
        except ValueError:
            number = 0
        fmt = custom.get(number) or builtin_format_code(number) or "General"
        formats.append(fmt)
        if is_date_format(fmt):
            dates.add(i)
        if is_timedelta_format(fmt):
            durations.add(i)
    return formats, dates, durations


def _cell_ref(ref: str) -> tuple[int, int]:
    """(row, column) of a reference such as B3; ValueError for anything else."""
    m = _REF.fullmatch(ref)
    if not m:
        raise ValueError(ref)
    letters, digits = m.groups()
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(digits), col


def _col_name(n: int) -> str:
    from openpyxl.utils import get_column_letter  # openpyxl loads only when an Excel file is read

    return get_column_letter(n)


def _row_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    value = float(text)
    if not value.is_integer() or value < 1:
        raise ValueError(text)
    return int(value)


def read_sheet(sheet: Sheet) -> TableContent:
    """Rows of a worksheet in formdump's shape, with the paragraph-like rows split off.

    Only the area that holds text is walked: to the last row with text, and as far right as the
    sheet's cells reach but no further than the form's columns or the rightmost text. Merged ranges
    are clipped to that area; ranges that overlap there mean a damaged file.
    """
    filled = [key for key, text in sheet.cells.items() if text.strip()]
    height = max((r for r, _ in filled), default=0)
    width = min(sheet.width, max(max((c for _, c in filled), default=0), GRID_COLUMNS))
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, c2 in sheet.merges:
        r2, c2 = min(r2, height), min(c2, width)
        if r1 > r2 or c1 > c2:
            continue
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) in spans:
                    raise ReadError(f"工作表「{sheet.name}」中有相互重叠的合并单元格（{_col_name(c)}{r}），文件已损坏，"
                                    "请在 Excel 中打开后另存一份再导入")
                spans[(r, c)] = (r1, c1)
    grid: list[list[str]] = []
    first_col: list[bool] = []  # the row's only filled cell (if any) is in column A
    for r in range(1, height + 1):
        cells: list[str] = []
        filled_cols: list[int] = []
        for c in range(1, width + 1):
            top = spans.get((r, c))
            if top is not None and top[1] != c:
                continue  # horizontal continuation: the span appears once
            if top is not None and top[0] != r:
                cells.append("")  # vertical continuation
                continue
            text = sheet.cells.get((r, c), "")
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


def _shown(value: object, fmt: str) -> str:
    """The text a clerk sees for a cell's ``value`` shown in number format ``fmt``."""
    if value is None:
        return ""
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
