"""Issue 26: amounts, 合计 and 占比 are placed alike in Word, Excel and PDF.

The layout grid decides (``GridCell.align``): figures are centred, as the official form prints them.
Each export is read back: python-docx's paragraph alignment, openpyxl's cell alignment, and on the PDF
the words' positions from ``pdftotext -bbox`` against the middle of their cells.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from goalform.formats.docx_writer import write_docx
from goalform.formats.layout import ALIGNMENTS, AMOUNT, DERIVED, Grid, GridCell, build_grid
from goalform.formats.pdf_writer import find_cjk_font, write_pdf
from goalform.formats.xlsx_writer import write_xlsx
from goalform.store import read_form

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / "form-2024.goal", ROOT / "examples" / "form-2026.goal"]
MM = 72 / 25.4
A4_WIDTH_PT, SIDE_MARGIN_PT = 210 * MM, 20 * MM  # pdf_writer.setup_page


def _figures(grid: Grid) -> list[tuple[int, GridCell]]:
    """(grid row, cell) of every amount, 合计 and 占比 that holds a figure."""
    return [(r, c) for r, row in enumerate(grid.rows) for c in row if c.role in (AMOUNT, DERIVED) and c.text]


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def grid(request) -> Grid:
    form, template = read_form(request.param)
    return build_grid(template, form)


def test_the_grid_centres_every_figure(grid: Grid) -> None:
    figures = _figures(grid)
    assert len(figures) >= 20  # the funds table: 当年金额, 占比, two history years, 合计 rows
    assert {c.align for _, c in figures} == {"center"}


def test_word_centres_the_figures(tmp_path: Path, grid: Grid) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    write_docx(grid, tmp_path / "x.docx")
    table = docx.Document(str(tmp_path / "x.docx")).tables[0]
    for r, cell in _figures(grid):
        paragraphs = table.cell(r, cell.col).paragraphs
        assert paragraphs[0].text == cell.text
        assert [p.alignment for p in paragraphs] == [WD_ALIGN_PARAGRAPH.CENTER], (r, cell.text)


def test_excel_centres_the_figures(tmp_path: Path, grid: Grid) -> None:
    import openpyxl

    write_xlsx(grid, tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == grid.rows[0][0].text)
    for r, cell in _figures(grid):
        xl = ws.cell(first + r, cell.col + 1)
        assert xl.value is not None, (r, cell.text)
        assert xl.alignment.horizontal == "center", (r, cell.text)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed; "
                    ".ci/run installs it")
def test_pdf_centres_the_figures(tmp_path: Path, grid: Grid) -> None:
    if find_cjk_font() is None:
        pytest.skip("no CJK font on this machine (.ci/run installs fonts-noto-cjk)")
    write_pdf(grid, tmp_path / "x.pdf")
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(tmp_path / "x.pdf"), "-"],
                          capture_output=True, check=True, text=True, encoding="utf-8").stdout
    words = [(html.unescape(m[3]), float(m[0]), float(m[1]), float(m[2])) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox)]
    # The funds table: from its header (当年金额) down to the first text row (部门职能概述).
    top = next(y for text, _, y, _ in words if text == "当年金额")
    bottom = next(y for text, _, y, _ in words if text.startswith("部门职能"))
    widths = grid.column_widths
    scale = (A4_WIDTH_PT - 2 * SIDE_MARGIN_PT) / sum(widths)

    def middle(cell: GridCell) -> float:
        return SIDE_MARGIN_PT + (sum(widths[:cell.col]) + sum(widths[cell.col:cell.col + cell.colspan]) / 2) * scale

    figures = _figures(grid)
    expected = sorted((c.text, middle(c)) for _, c in figures)
    texts = {c.text for _, c in figures}
    found = sorted((text, (x0 + x1) / 2) for text, x0, y, x1 in words if top < y < bottom and text in texts)
    assert [t for t, _ in found] == [t for t, _ in expected]  # every figure once, none elsewhere
    assert max(abs(x - want) for (_, x), (_, want) in zip(found, expected)) < 1.0  # points


@pytest.mark.parametrize("align", ALIGNMENTS)
def test_every_writer_follows_the_grid(tmp_path: Path, grid: Grid, align: str) -> None:
    """Whatever the grid says, the three writers say the same (no writer keeps its own idea)."""
    import docx
    import openpyxl

    from goalform.formats import paging

    r, cell = _figures(grid)[0]
    cell.align = align
    write_docx(grid, tmp_path / "x.docx")
    paragraph = docx.Document(str(tmp_path / "x.docx")).tables[0].cell(r, cell.col).paragraphs[0]
    assert paragraph.alignment.name == align.upper()
    write_xlsx(grid, tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    first = next(n for n in range(1, ws.max_row + 1) if ws.cell(n, 1).value == grid.rows[0][0].text)
    assert ws.cell(first + r, cell.col + 1).alignment.horizontal == align
    from PySide6.QtCore import Qt

    horizontal = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
                  "right": Qt.AlignmentFlag.AlignRight}[align]
    assert paging.flags(cell) & int(Qt.AlignmentFlag.AlignHorizontal_Mask.value) == horizontal.value
