"""The PDF export and the print painter: pages, repeated headers, an embedded CJK font."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from reference_forms import read_reference

from goalform.formats.layout import build_grid
from goalform.formats.pdf_writer import find_cjk_font, paint_form, setup_page, write_pdf


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


@pytest.mark.parametrize("version", ["2024", "2026"])
def test_pdf_has_pages(tmp_path: Path, version: str) -> None:
    result = read_reference(version)
    path = tmp_path / "x.pdf"
    pages = write_pdf(build_grid(result.template, result.form), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert 3 <= pages <= 10  # a few pages, like the official form
    assert _pages(data) == pages


def test_cjk_font_is_embedded(tmp_path: Path) -> None:
    face = find_cjk_font()
    if face is None:
        pytest.skip("no CJK font installed on this machine")
    result = read_reference("2026")
    path = tmp_path / "x.pdf"
    write_pdf(build_grid(result.template, result.form), path)
    data = path.read_bytes()
    assert b"/FontFile2" in data or b"/FontFile3" in data  # embedded, not just named
    assert face.replace(" ", "").encode() in data.replace(b" ", b"") or b"CJK" in data


def test_print_preview_uses_the_same_painting(tmp_path: Path, qapp) -> None:
    from PySide6.QtPrintSupport import QPrinter

    result = read_reference("2026")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    setup_page(printer)
    printed = paint_form(result.form, result.template, printer)
    exported = write_pdf(build_grid(result.template, result.form), tmp_path / "x.pdf")
    assert printed >= 3 and printed == exported
    assert _pages((tmp_path / "printed.pdf").read_bytes()) == printed


def test_indicator_headers_repeat_on_new_pages(tmp_path: Path, monkeypatch) -> None:
    """Every page that continues an indicator table starts with that table's header rows."""
    from goalform.formats import pdf_writer

    result = read_reference("2024")
    grid = build_grid(result.template, result.form)
    drawn: list[list[str]] = []

    real = pdf_writer._Page

    class Recording(real):  # type: ignore[misc, valid-type]
        def __init__(self, rows, paragraphs):
            super().__init__(rows, paragraphs)
            drawn.append(self)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_writer, "_Page", Recording)
    write_pdf(grid, tmp_path / "x.pdf")
    first_rows = [page.rows[0].row for page in drawn[1:] if page.rows]  # type: ignore[attr-defined]
    header_firsts = {first for first, _ in grid.header_rows}
    continuing = [r for r in first_rows if grid.rows[r].kind in ("indicator_header", "indicator")]
    assert continuing and all(r in header_firsts for r in continuing)
    # and no row is drawn on two pages except repeated headers
    body = [p.row for page in drawn for p in page.rows if p.row not in  # type: ignore[attr-defined]
            {r for f, l in grid.header_rows for r in range(f, l + 1)}]
    assert len(body) == len(set(body)) == len(grid.rows) - sum(l - f + 1 for f, l in grid.header_rows)


def test_blank_forms_and_a_text_longer_than_a_page(tmp_path: Path) -> None:
    from goalform import assets
    from goalform.domain.form import new_form

    for template in assets.templates().values():
        form = new_form(template)
        assert write_pdf(build_grid(template, form), tmp_path / f"blank-{template.id}.pdf") >= 1
    result = read_reference("2026")
    form = result.form
    form.texts["functions"] = "\n".join(f"{i}. 负责综合保税区规划、建设、申报、管理等工作，" * 3 for i in range(1, 40))
    grid = build_grid(result.template, form)
    from goalform.formats import pdf_writer

    drawn = []
    real = pdf_writer._Page

    class Recording(real):  # type: ignore[misc, valid-type]
        def __init__(self, rows, paragraphs):
            super().__init__(rows, paragraphs)
            drawn.append(self)

    import pytest as _pytest

    with _pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdf_writer, "_Page", Recording)
        write_pdf(grid, tmp_path / "long.pdf")
    functions_row = next(i for i, row in enumerate(grid.rows) if row[0].text == "部门职能概述")
    assert sum(1 for page in drawn for p in page.rows if p.row == functions_row) == 1  # on one page, whole
