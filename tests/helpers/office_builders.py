"""Build Word and Excel files of a form the way clerks have them, through python-docx and openpyxl.

The layout comes from :func:`goalform.formats.layout.build_grid`; each quirk of hand-made forms can be
switched on separately, so a test can check that the importer reads every one of them whole.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from docx import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

from goalform.domain.form import Form
from goalform.domain.template import Template
from goalform.formats.layout import AMOUNT, DERIVED, LABEL, HEADER, Grid, GridCell, build_grid


@dataclass(frozen=True)
class Quirks:
    repeated_merges: bool = False  # vertical merges typed out as the same text in every row
    spaced_labels: bool = False  # labels with stray, full-width and no-break spaces: 合  计, 财政\u3000拨款
    bookmarks: bool = False  # Word bookmarks in cells and paragraphs
    placeholder_rows: bool = False  # 「……」 rows after each 二级 (the 2026 reference has them)
    empty_rows: bool = False  # wholly empty rows between the sections
    paragraphs: bool = True  # a cell's lines as separate paragraphs (False: line breaks in one paragraph)
    thousands: bool = False  # amounts as 1,424.5 and 1,424.5万元
    share_without_percent: bool = False  # 占比 printed as 36 instead of 36%


def quirky_grid(template: Template, form: Form, quirks: Quirks) -> Grid:
    """The form's grid with the text-level quirks applied (merges are the writers' business)."""
    if quirks.placeholder_rows:
        form = copy.deepcopy(form)
        from goalform.domain.form import Indicator

        for roots in (form.long_term, form.annual):
            for l1 in roots:
                for l2 in l1.children:
                    l2.children.append(Indicator(level=3, name=template.placeholder))
    grid = build_grid(template, form)
    for r, row in enumerate(grid.rows):
        for i, cell in enumerate(row):
            text = cell.text
            if quirks.spaced_labels and cell.role in (LABEL, HEADER) and len(text) >= 2:
                text = _space(text, r + i)
            if quirks.thousands and cell.role == AMOUNT and text:
                text = _thousands(text, r + i)
            if quirks.share_without_percent and cell.role == DERIVED and text.endswith("%"):
                text = text[:-1]
            if text != cell.text:
                row[i] = GridCell(text, cell.col, cell.colspan, cell.rowspan, cell.merged, cell.role, cell.key)
    return grid


def _space(text: str, seed: int) -> str:
    spaces = ("  ", "\u3000", "\u00a0", " \u3000")
    s = spaces[seed % len(spaces)]
    lines = text.split("\n")
    lines[0] = lines[0][0] + s + lines[0][1:]
    return " " + "\n".join(lines) + "\u00a0"


def _thousands(text: str, seed: int) -> str:
    try:
        value = float(text)
    except ValueError:
        return text
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}" + (f".{frac}" if frac else "")
    del value
    return grouped + ("万元" if seed % 2 else "")


# -- Word -------------------------------------------------------------------------------------------
def _paragraph(text: str, quirks: Quirks, bookmark: int | None) -> list:
    """w:p elements for a cell's text: one per line, or one with line breaks."""
    lines = text.split("\n")
    groups = [[line] for line in lines] if quirks.paragraphs else [lines]
    out = []
    for group in groups:
        p = OxmlElement("w:p")
        for k, line in enumerate(group):
            r = OxmlElement("w:r")
            if k:
                r.append(OxmlElement("w:br"))
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = line
            r.append(t)
            p.append(r)
        out.append(p)
    if bookmark is not None:
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(bookmark))
        start.set(qn("w:name"), "_GoBack" if bookmark == 1 else f"_Hlk{bookmark}")
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(bookmark))
        out[0].insert(0, start)
        out[-1].append(end)
    return out


def _tc(text: str, colspan: int, vmerge: str | None, quirks: Quirks, bookmark: int | None = None):
    tc = OxmlElement("w:tc")
    pr = OxmlElement("w:tcPr")
    if colspan > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(colspan))
        pr.append(span)
    if vmerge is not None:
        vm = OxmlElement("w:vMerge")
        if vmerge == "restart":
            vm.set(qn("w:val"), "restart")
        pr.append(vm)
    tc.append(pr)
    for p in _paragraph(text, quirks, bookmark):
        tc.append(p)
    return tc


def word_rows(grid: Grid, quirks: Quirks) -> list[list]:
    """The grid's rows as w:tr elements (merges as gridSpan/vMerge, or typed out as repeated text)."""
    rows = []
    spans: dict[int, str] = {}  # grid column -> text of the vertical merge running there
    bookmark = 0
    for r, row in enumerate(grid.rows):
        tr = OxmlElement("w:tr")
        for cell in row:
            if cell.merged:
                if quirks.repeated_merges:
                    tr.append(_tc(spans.get(cell.col, ""), cell.colspan, None, quirks))
                else:
                    tr.append(_tc("", cell.colspan, "continue" if cell.col in spans else None, quirks))
                continue
            if cell.rowspan > 1:
                spans[cell.col] = cell.text
            else:
                spans.pop(cell.col, None)
            mark = None
            if quirks.bookmarks and cell.text and (r + cell.col) % 5 == 0:
                bookmark += 1
                mark = bookmark
            vmerge = "restart" if cell.rowspan > 1 and not quirks.repeated_merges else None
            tr.append(_tc(cell.text, cell.colspan, vmerge, quirks, mark))
        rows.append((row, tr))
        if quirks.empty_rows and row.kind == "text":
            empty = OxmlElement("w:tr")
            for col in range(9):
                empty.append(_tc("", 1, None, quirks))
            rows.append((None, empty))
    return [tr for _, tr in rows]


def write_docx(path: Path, template: Template, form: Form, quirks: Quirks = Quirks()) -> Path:
    grid = quirky_grid(template, form, quirks)
    doc = WordDocument()
    for line in grid.before:
        doc.add_paragraph(line)
    table = doc.add_table(rows=0, cols=9)
    table.style = "Table Grid"
    for tr in word_rows(grid, quirks):
        table._tbl.append(tr)
    for line in grid.after or [""]:  # Word always ends a document with a paragraph after a table
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


# -- Excel ------------------------------------------------------------------------------------------
def write_xlsx(path: Path, template: Template, form: Form, quirks: Quirks = Quirks(),
               numbers: bool = True) -> Path:
    """One cell per grid column, merged ranges for spans; amounts as numbers when ``numbers``."""
    import openpyxl

    grid = quirky_grid(template, form, quirks)
    wb = openpyxl.Workbook()
    ws = wb.active
    r0 = len(grid.before) + 1
    for i, line in enumerate(grid.before, start=1):
        ws.cell(i, 1, line)
    for r, row in enumerate(grid.rows):
        for cell in row:
            if cell.merged:
                continue
            value: object = cell.text
            if numbers and cell.role == AMOUNT and cell.text:
                try:
                    number = float(cell.text)
                    value = int(number) if number.is_integer() and "." not in cell.text else number
                except ValueError:
                    pass
            if value != "":
                ws.cell(r0 + r, cell.col + 1, value)
            if quirks.repeated_merges and cell.rowspan > 1:
                for j in range(1, cell.rowspan):
                    ws.cell(r0 + r + j, cell.col + 1, cell.text)
                    if cell.colspan > 1:
                        ws.merge_cells(start_row=r0 + r + j, start_column=cell.col + 1, end_row=r0 + r + j,
                                       end_column=cell.col + cell.colspan)
                if cell.colspan > 1:
                    ws.merge_cells(start_row=r0 + r, start_column=cell.col + 1, end_row=r0 + r,
                                   end_column=cell.col + cell.colspan)
                continue
            if cell.colspan > 1 or cell.rowspan > 1:
                ws.merge_cells(start_row=r0 + r, start_column=cell.col + 1, end_row=r0 + r + cell.rowspan - 1,
                               end_column=cell.col + cell.colspan)
    after0 = r0 + len(grid.rows)
    for i, line in enumerate(grid.after):
        ws.cell(after0 + i, 1, line)
    wb.save(str(path))
    return path
