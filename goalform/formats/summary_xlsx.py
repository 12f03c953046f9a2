"""The reviewer's overview as an .xlsx: one row per form, filterable, with a totals row that follows
the filter, and a second sheet listing the files that were not summarised, with the reason.

Amounts stay Decimal until they reach a cell (written as numbers, formatted 0.00). The totals row
uses SUBTOTAL(109, …), so it sums only the rows a filter leaves visible; the workbook asks the
spreadsheet program to compute formulas when it opens.

A province's pile is thousands of rows: :func:`write_summary` lets openpyxl write the workbook
around them (header, totals, styles, the second sheet) and streams the rows themselves into the
sheet's XML as openpyxl would write them (:func:`_row_xml`), a small fraction of openpyxl's time per
cell. :func:`build_workbook` puts every cell through openpyxl: the tests hold the two to the same
content.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Sequence
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from goalform.domain.fingerprint import short
from goalform.domain.summary import FormSummary
from goalform.formats.output import is_zip, write_replacing
from goalform.formats.xlsx_writer import _ILLEGAL, CELL_CHARS, FORMULA_STARTS, set_text

CUT = "…（以下已截断）"

AMOUNT = "0.00"
SHARE = "0.0%"
COUNT = "0"

SHEET_FORMS = "汇总"
SHEET_UNREADABLE = "未汇总的文件"


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[FormSummary], Any]
    number_format: str = "@"  # text unless said otherwise
    total: str = ""  # "sum" | "share" | ""
    width: float = 12


def _percent(s: FormSummary) -> Any:
    p = s.quantified.percent
    return None if p is None else p / 100


def columns_for(summaries: Sequence[FormSummary]) -> list[Column]:
    """The columns, in the order the issue asks for; funds lines and 一级 come from the forms' templates."""
    lines: dict[str, str] = {}
    groups: list[str] = []
    level1: list[str] = []
    from goalform import assets  # labels of funds lines: every template in use, oldest first

    used = {s.template_id for s in summaries}
    for template in assets.templates().values():
        if template.id not in used:
            continue
        for g in template.funds:
            if g.key not in groups:
                groups.append(g.key)
            for line in g.lines:
                lines.setdefault(line.key, line.label)
        for l1 in template.level1:
            if l1.name not in level1:
                level1.append(l1.name)
    group_labels = {"income": "收入", "expenditure": "支出"}
    cols = [
        Column("部门（单位）", lambda s: s.department, width=28),
        Column("版本", lambda s: s.template_id, width=7),
        Column("年度", lambda s: s.year, COUNT, width=7),
    ]
    for key, label in lines.items():
        cols.append(Column(f"{label}（万元）", lambda s, k=key: s.funds.get(k), AMOUNT, "sum", 14))
    for g in groups:
        name = group_labels.get(g, g)
        cols.append(Column(f"{name}合计（万元）", lambda s, g=g: s.totals.get((g, "current")), AMOUNT, "sum", 14))
    for g in groups:
        name = group_labels.get(g, g)
        cols.append(Column(f"上年{name}合计（万元）", lambda s, g=g: s.totals.get((g, "prev1")), AMOUNT, "sum", 14))
    cols.append(Column("无法读取的金额", lambda s: "；".join(s.unreadable_amounts), width=24))
    for name in level1:
        cols.append(Column(f"年度指标·{name}", lambda s, n=name: s.annual_counts.get(n, 0), COUNT, "sum", 9))
    cols += [
        Column("长期指标数", lambda s: s.long_term_count, COUNT, "sum", 9),
        Column("年度指标数", lambda s: s.annual_count, COUNT, "sum", 9),
        Column("量化指标数", lambda s: s.quantified.quantified, COUNT, "sum", 9),
        Column("量化指标占比", _percent, SHARE, "share", 9),
        Column("错误", lambda s: s.errors, COUNT, "sum", 7),
        Column("警告", lambda s: s.warnings, COUNT, "sum", 7),
        Column("状态", lambda s: s.status.label, width=8),
        Column("状态人", lambda s: s.status_who, width=10),
        Column("状态时间", lambda s: s.status_when[:16].replace("T", " "), width=17),
        Column("提交后被修改", lambda s: "是" if s.modified_after_status else "", width=8),
        Column("通过的内容与提交的不同", lambda s: "是" if s.approved_changed else "", width=10),
        Column("指纹（SHA-256）", lambda s: s.fingerprint, width=20),
        Column("指纹简写", lambda s: short(s.fingerprint), width=16),
        Column("文件", lambda s: s.path, width=40),
    ]
    return cols


WARN_COLOR = "F8CBAD"


def _warned(col: Column) -> bool:
    """The columns marked in a row with an unreadable amount: its figures and 合计 are too low."""
    return col.header == "无法读取的金额" or col.header.endswith("合计（万元）")


def _put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write one cell. Text from the files is untrusted: it is always stored as text, with Excel's
    quote prefix when it starts like a formula (a department called 「=HYPERLINK(…)」 must not become
    one), and control characters, which .xlsx cannot hold, are dropped. A text longer than a cell
    holds (only a crafted file has one) is cut visibly, with a mark, rather than by Excel silently."""
    if isinstance(value, str):
        cell = ws.cell(row=row, column=column)
        set_text(cell, value if len(value) <= CELL_CHARS else value[:CELL_CHARS - len(CUT)] + CUT)
        return cell
    return ws.cell(row=row, column=column, value=value)


def build_workbook(summaries: Sequence[FormSummary], unreadable: Sequence[tuple[str, str]], *,
                   rows: bool = True) -> Workbook:
    """The whole overview through openpyxl; with ``rows=False`` without the forms' rows (row 1 is the
    header, the totals row comes after where the rows will be: :func:`write_summary` streams them)."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_FORMS
    cols = columns_for(summaries)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDE7F3")
    for c, col in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=c, value=col.header)
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = col.width
    warn_fill = PatternFill("solid", fgColor=WARN_COLOR)
    for r, s in enumerate(summaries if rows else (), start=2):
        for c, col in enumerate(cols, start=1):
            cell = _put(ws, r, c, col.value(s))
            cell.number_format = col.number_format
            # A row with an unreadable amount: its figures and 合计 are too low; marked, never silent.
            if s.unreadable_amounts and _warned(col):
                cell.fill = warn_fill
    last = len(summaries) + 1
    total_row = last + 1
    incomplete = sum(1 for s in summaries if s.unreadable_amounts)
    label = f"合计（{len(summaries)} 张表，随筛选变化）"
    if incomplete:
        label = f"合计不完整：{incomplete} 张表有无法读取的金额，未计入（见「无法读取的金额」列）；{len(summaries)} 张表，随筛选变化"
    ws.cell(row=total_row, column=1, value=label).font = bold
    letter = {col.header: get_column_letter(c) for c, col in enumerate(cols, start=1)}
    for c, col in enumerate(cols, start=1):
        if not col.total:
            continue
        x = get_column_letter(c)
        if col.total == "sum":
            formula = f"=SUBTOTAL(109,{x}2:{x}{last})" if summaries else "=0"
        else:  # the share of all visible forms' indicators: quantified / (long-term + annual)
            q, lt, an = letter["量化指标数"], letter["长期指标数"], letter["年度指标数"]
            formula = (f"=IFERROR(SUBTOTAL(109,{q}2:{q}{last})/(SUBTOTAL(109,{lt}2:{lt}{last})"
                       f"+SUBTOTAL(109,{an}2:{an}{last})),\"\")") if summaries else None
        cell = ws.cell(row=total_row, column=c, value=formula)
        cell.number_format, cell.font = col.number_format, bold
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(last, 2)}"
    ws.row_dimensions[1].height = 36
    wb.calculation.fullCalcOnLoad = True
    # Printed: landscape, all columns on one page width, the header row on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"

    bad = wb.create_sheet(SHEET_UNREADABLE)
    for c, text in enumerate(("文件", "原因"), start=1):
        _put(bad, 1, c, text).font = bold
    for r, (path, reason) in enumerate(unreadable, start=2):
        _put(bad, r, 1, path)
        _put(bad, r, 2, reason)
    if not unreadable:
        _put(bad, 2, 1, f"全部 {len(summaries)} 个文件均已读取")
    bad.column_dimensions["A"].width = 50
    bad.column_dimensions["B"].width = 70
    bad.freeze_panes = "A2"
    return wb


def _text(value: str) -> str:
    """A text as :func:`_put` and openpyxl store it: cut visibly past a cell, without control characters."""
    text = value if len(value) <= CELL_CHARS else value[:CELL_CHARS - len(CUT)] + CUT
    return _ILLEGAL.sub("", text)[:CELL_CHARS]


class _Rows:
    """The forms' rows of the 汇总 sheet as the XML openpyxl writes for the cells :func:`_put` makes
    (inline strings, numbers as ``%.16g``, each cell with the style of its column's number format,
    plus the quote prefix for a text that starts like a formula)."""

    def __init__(self, wb: Workbook, cols: Sequence[Column]) -> None:
        from openpyxl.utils import get_column_letter

        ws = wb[SHEET_FORMS]
        self.cols = cols
        self.letters = [get_column_letter(c) for c in range(1, len(cols) + 1)]
        # Per column: (plain, quote-prefixed) style ids, and the same marked (a row with an unreadable amount).
        self.styles: list[tuple[str, str]] = []
        self.marked: list[tuple[str, str] | None] = []
        warn_fill = PatternFill("solid", fgColor=WARN_COLOR)
        for col in cols:
            ids = []
            for fill in (None, warn_fill) if _warned(col) else (None,):
                for quoted in (False, True):
                    probe = Cell(ws)  # never placed in the sheet: it only registers the style in the workbook
                    probe.number_format = col.number_format
                    probe.quotePrefix = quoted
                    if fill is not None:
                        probe.fill = fill
                    ids.append(str(probe.style_id))
            self.styles.append((ids[0], ids[1]))
            self.marked.append((ids[2], ids[3]) if len(ids) == 4 else None)

    def xml(self, r: int, s: FormSummary) -> str:
        out = [f'<row r="{r}">']
        append = out.append
        row = str(r)
        marked = bool(s.unreadable_amounts)
        for col, letter, styles, marks in zip(self.cols, self.letters, self.styles, self.marked):
            plain, quoted = marks if marks is not None and marked else styles
            value = col.value(s)
            if value.__class__ is str:
                text = _text(value) if value else value
                if not text:
                    append(f'<c r="{letter}{row}" s="{plain}" t="n"/>')
                    continue
                space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""  # != text.strip()
                style = quoted if text.startswith(FORMULA_STARTS) else plain
                if _ESCAPED.search(text):
                    text = escape(text, {chr(13): "&#13;"})
                append(f'<c r="{letter}{row}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif value is None:
                append(f'<c r="{letter}{row}" s="{plain}" t="n"/>')
            else:  # (an int of a count is what "%.16g" makes of it: safe_string's work for others)
                number = str(value) if value.__class__ is int and -_EXACT < value < _EXACT else safe_string(value)
                append(f'<c r="{letter}{row}" s="{plain}" t="n"><v>{number}</v></c>')
        append("</row>")
        return "".join(out)


# What escape() changes.
_ESCAPED = re.compile("[&<>\r]")
_EXACT = 10**15  # ints below this in magnitude print the same with "%.16g" as with str()


def _write_streamed(stream: BinaryIO, summaries: Sequence[FormSummary], unreadable: Sequence[tuple[str, str]]) -> None:
    wb = build_workbook(summaries, unreadable, rows=False)
    rows = _Rows(wb, columns_for(summaries))
    frame = io.BytesIO()
    wb.save(frame)
    sheet = f"xl/worksheets/sheet{wb.sheetnames.index(SHEET_FORMS) + 1}.xml"
    with zipfile.ZipFile(frame) as zin, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != sheet:
                zout.writestr(info, data)
                continue
            xml = data.decode("utf-8")
            cut = xml.index("</row>", xml.index("<sheetData>")) + len("</row>")  # after the header row
            streamed = zipfile.ZipInfo(info.filename, info.date_time)
            streamed.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(streamed, "w") as out:
                out.write(xml[:cut].encode("utf-8"))
                for chunk in _chunks(rows, summaries):
                    out.write(chunk.encode("utf-8"))
                out.write(xml[cut:].encode("utf-8"))


def _chunks(rows: _Rows, summaries: Sequence[FormSummary]) -> Iterator[str]:
    for start in range(0, len(summaries), 200):
        yield "".join(rows.xml(r, s) for r, s in enumerate(summaries[start:start + 200], start=start + 2))


def write_summary(path: Path | str, summaries: Sequence[FormSummary], unreadable: Sequence[tuple[str, str]],
                  inputs: Iterable[str | Path] = ()) -> None:
    """Write the overview to ``path`` atomically (a half-written report never replaces a good one);
    ExportError, with a Chinese message, when it cannot be written or would replace one of ``inputs``."""
    write_replacing(path, lambda stream: _write_streamed(stream, summaries, unreadable), is_zip,
                    failed="无法写入汇总表", inputs=inputs)
