"""Issue 26: on paper (PDF export and print, one painter) no page ends with a heading.

A run of heading rows (the funds header, an indicator table's header) goes to the next page with the
first row under it; the 填报说明 stays with its item 1 (and whole, being short). Checked on the
paginated layout over many page positions, and on the exported and printed PDFs read back with
``pdftotext``, for both examples. The department's name made longer, a line at a time, moves
everything under it down the pages.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from goalform.formats import paging
from goalform.formats.layout import HEADING_KINDS, Grid, build_grid
from goalform.formats.pdf_text import repair_to_unicode
from goalform.formats.pdf_writer import _drawn, find_cjk_font, paint_grid, setup_page, write_pdf
from goalform.store import read_form

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / "form-2024.goal", ROOT / "examples" / "form-2026.goal"]
# Department names of this many lines put, with the machine's CJK font, the 填报说明 heading (2026: 21)
# or the funds header (43) at the foot of a page before the fix; the layout test tries every count.
PUSHED_DOWN = [0, 21, 43]


@pytest.fixture
def cjk_font() -> str:
    face = find_cjk_font()
    if face is None:
        pytest.skip("no CJK font on this machine (.ci/run installs fonts-noto-cjk): pages cannot be laid out "
                    "as on a clerk's PC")
    return face


def _grid(example: Path, department_lines: int = 0, annual: bool = True) -> Grid:
    form, template = read_form(example)
    if not annual:  # the annual table's header is then the last row of the table
        form.annual = []
    if department_lines:
        form.department = "\n".join([form.department] + ["（临空经济区）"] * department_lines)
    return build_grid(template, form)


def _paginated(grid: Grid) -> list[paging.Page]:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    paging.ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    setup_page(writer)
    writer.setResolution(600)
    return paging.paginate(grid, paging.measure(grid, writer), writer)


def _heading_at_foot(grid: Grid, pages: list[paging.Page]) -> list[str]:
    """What is wrong with ``pages``: a page whose lowest element is a heading row or the notes' heading,
    a notes' heading without its first item on its page. (A header that is the last thing of the whole
    form, an empty table with no notes after it, heads nothing: it is let be.)"""
    wrong = []
    for n, page in enumerate(pages, start=1):
        things = [(p.y, p.row, grid.rows[p.row].kind) for p in page.rows]
        things += [(y, -1, kind) for _, y, kind in page.paragraphs]
        _, row, last = max(things)
        at_the_end = n == len(pages) and row == len(grid.rows) - 1 and not grid.after
        if (last in HEADING_KINDS and not at_the_end) or last == "note_title":
            wrong.append(f"page {n} ends with a {last}")
        kinds = [kind for _, _, kind in page.paragraphs]
        if "note_title" in kinds and "note" not in kinds:
            wrong.append(f"page {n}: 填报说明 without its item 1")
    return wrong


@pytest.mark.parametrize("annual", [True, False], ids=["", "no-annual-rows"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_no_page_ends_with_a_heading_wherever_the_rows_fall(example: Path, annual: bool, cjk_font: str) -> None:
    wrong = {}
    for lines in range(60):
        grid = _grid(example, lines, annual)
        pages = _paginated(grid)
        if found := _heading_at_foot(grid, pages):
            wrong[lines] = found
        # every row still on paper, once (repeated indicator headers aside)
        repeated = {r for first, last in grid.header_rows for r in range(first, last + 1)}
        body = [p.row for page in pages for p in page.rows if p.row not in repeated]
        assert sorted(body) == [r for r in range(len(grid.rows)) if r not in repeated]
        assert [t for page in pages for t, _, kind in page.paragraphs if kind.startswith("note")] == grid.after
    assert not wrong, wrong


def test_short_notes_stay_on_one_page(cjk_font: str) -> None:
    for lines in range(0, 60, 3):
        grid = _grid(EXAMPLES[1], lines)
        holding = [n for n, page in enumerate(_paginated(grid)) if any(k.startswith("note") for _, _, k in page.paragraphs)]
        assert len(holding) == 1, (lines, holding)


def _page_lines(pdf: Path) -> list[list[str]]:
    """Each page's non-empty text lines as pdftotext lays them out, the footer 「第 X 页 共 Y 页」 left out."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True, text=True, encoding="utf-8").stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    footer = re.compile(r"^第\s*\d+\s*页\s*共\s*\d+\s*页$")
    return [[ln.strip() for ln in page.splitlines() if ln.strip() and not footer.match(ln.strip())] for page in pages]


def _is_heading(line: str, grid: Grid) -> bool:
    """A line every word of which is (part of) a heading's text: a heading row's cells, 填报说明."""
    headings = [c.text.replace("\n", "") for row in grid.rows if row.kind in HEADING_KINDS for c in row if c.text]
    headings += grid.after[:1]
    return all(len(word) > 1 and any(word in h for h in headings) for word in line.split())


def _check_pages(pdf: Path, grid: Grid) -> None:
    pages = _page_lines(pdf)
    for n, lines in enumerate(pages, start=1):
        assert lines, f"page {n} is empty"
        assert not _is_heading(lines[-1], grid), f"page {n} ends with the heading line 「{lines[-1]}」"
    if grid.after:
        item1 = grid.after[1][:10]
        holding = [n for n, lines in enumerate(pages, start=1) if grid.after[0] in lines]
        assert len(holding) == 1
        assert any(line.startswith(item1) for line in pages[holding[0] - 1]), f"「{item1}…」 not on page {holding[0]}"


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) is not installed; .ci/run installs it")


@needs_pdftotext
@pytest.mark.parametrize("lines", PUSHED_DOWN)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_exported_pdf_read_back(tmp_path: Path, example: Path, lines: int, cjk_font: str) -> None:
    grid = _grid(example, lines)
    write_pdf(grid, tmp_path / "x.pdf")
    _check_pages(tmp_path / "x.pdf", grid)


@needs_pdftotext
@pytest.mark.parametrize("lines", PUSHED_DOWN)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_printed_pages_read_back(tmp_path: Path, example: Path, lines: int, qapp, cjk_font: str) -> None:
    """Print goes through the same painter on a QPrinter (here one that prints to a PDF file)."""
    from PySide6.QtPrintSupport import QPrinter

    grid = _grid(example, lines)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    setup_page(printer)
    pages = paint_grid(grid, printer)
    # Qt's text layer names radicals for some ideographs (门→⻔); the export repairs it, a printer needs
    # no text layer: repaired here only to read the printed pages back.
    path = tmp_path / "printed.pdf"
    path.write_bytes(repair_to_unicode(path.read_bytes(), *_drawn(grid, pages)))
    _check_pages(path, grid)
