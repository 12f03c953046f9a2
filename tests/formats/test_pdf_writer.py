"""The PDF export and the print painter: pages, repeated headers, an embedded CJK font."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.reference_forms import read_reference

from goalform.formats.layout import build_grid
from goalform.formats.pdf_writer import find_cjk_font, paint_form, setup_page, write_pdf


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


def _recorded_pages(monkeypatch, grid, path: Path) -> list:
    """Write ``grid`` as a PDF at ``path``; returns the pages as paginate() laid them out."""
    from goalform.formats import paging

    drawn = []
    real = paging.Page

    class Recording(real):  # type: ignore[misc, valid-type]
        def __init__(self, rows, paragraphs):
            super().__init__(rows, paragraphs)
            drawn.append(self)

    monkeypatch.setattr(paging, "Page", Recording)
    write_pdf(grid, path)
    return drawn


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
    result = read_reference("2024")
    grid = build_grid(result.template, result.form)
    drawn = _recorded_pages(monkeypatch, grid, tmp_path / "x.pdf")
    first_rows = [page.rows[0].row for page in drawn[1:] if page.rows]
    header_firsts = {first for first, _ in grid.header_rows}
    continuing = [r for r in first_rows if grid.rows[r].kind in ("indicator_header", "indicator")]
    assert continuing and all(r in header_firsts for r in continuing)
    # and no row is drawn on two pages except repeated headers
    body = [p.row for page in drawn for p in page.rows if p.row not in
            {r for f, l in grid.header_rows for r in range(f, l + 1)}]
    assert len(body) == len(set(body)) == len(grid.rows) - sum(l - f + 1 for f, l in grid.header_rows)


def test_blank_forms_and_a_text_longer_than_a_page(tmp_path: Path, monkeypatch) -> None:
    from goalform import assets
    from goalform.domain.form import new_form

    for template in assets.templates().values():
        form = new_form(template)
        assert write_pdf(build_grid(template, form), tmp_path / f"blank-{template.id}.pdf") >= 1
    result = read_reference("2026")
    form = result.form
    form.texts["functions"] = "\n".join(f"{i}. 负责综合保税区规划、建设、申报、管理等工作，" * 3 for i in range(1, 40))
    grid = build_grid(result.template, form)
    drawn = _recorded_pages(monkeypatch, grid, tmp_path / "long.pdf")
    functions_row = next(i for i, row in enumerate(grid.rows) if row[0].text == "部门职能概述")
    assert sum(1 for page in drawn for p in page.rows if p.row == functions_row) == 1  # on one page, whole


def _line_widths_pt(data: bytes) -> set[float]:
    """The widths of the lines the PDF's content streams stroke, in points: the line width (``w``) in
    force at each stroke operator, under ``q``/``Q`` (save/restore). Qt draws in device units under one
    ``cm`` that scales them to points. (A width set and never stroked with, such as the painter's own
    pen that only draws text, is no line.)"""
    import zlib

    widths = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        scale = re.search(rb"([\d.]+) 0 0 -?[\d.]+ [-\d.]+ [-\d.]+ cm", content)
        if scale is None:
            continue
        width, saved = 1.0, []  # PDF's initial line width is 1
        for op in re.finditer(rb"([\d.]+) w\b|(?<![\w/])([qQSsBb]\*?)(?![\w])", content):
            if op.group(1) is not None:
                width = float(op.group(1))
            elif op.group(2) == b"q":
                saved.append(width)
            elif op.group(2) == b"Q":
                width = saved.pop() if saved else width
            else:  # S, s, B, B*, b, b*: a stroke
                widths.add(round(width * float(scale.group(1)), 2))
    return widths


@pytest.mark.parametrize("dpi", [300, 600, 1200])
def test_table_lines_are_half_a_point_at_any_resolution(tmp_path: Path, dpi: int) -> None:
    """Issue 16: the pen width was computed from the font shrink factor instead of the page scale,
    so the lines came out 1.2 pt at 600 dpi."""
    from PySide6.QtGui import QPdfWriter

    from goalform.formats.pdf_writer import ensure_gui_application, paint_grid

    ensure_gui_application()
    result = read_reference("2024")
    path = tmp_path / f"{dpi}.pdf"
    writer = QPdfWriter(str(path))
    setup_page(writer)
    writer.setResolution(dpi)
    paint_grid(build_grid(result.template, result.form), writer)
    del writer
    widths = _line_widths_pt(path.read_bytes())
    assert widths and all(0.45 <= w <= 0.55 for w in widths), widths


def test_a_text_longer_than_a_page_is_continued_on_the_next(tmp_path: Path, monkeypatch) -> None:
    """Issue 13, item 9 for the PDF: a text too long for one page even in small type used to be cut
    off at the page's foot. It is continued over pages, every character of it, the label repeated."""
    result = read_reference("2026")
    text = "\n".join(f"第{i}项：负责综合保税区规划、建设、申报、管理等工作，推进口岸通关便利化。" for i in range(1500))
    result.form.texts["tasks"] = text
    grid = build_grid(result.template, result.form)
    row = next(i for i, cells in enumerate(grid.rows) if cells[0].text == "年度工作任务")
    pages = _recorded_pages(monkeypatch, grid, tmp_path / "long.pdf")
    pieces = [p for page in pages for p in page.rows if p.row == row]
    assert len(pieces) > 10 and all(p.texts is not None for p in pieces)
    assert "\n".join(p.texts[2] for p in pieces) == text  # whole, in order
    assert all(p.texts[0] == "年度工作任务" for p in pieces)
    assert [sum(1 for p in page.rows if p.row == row) for page in pages if any(p.row == row for p in page.rows)] \
        == [1] * len(pieces)  # one piece a page
    data = (tmp_path / "long.pdf").read_bytes()
    assert _pages(data) == len(pages) and data.rstrip().endswith(b"%%EOF")


def test_a_long_indicator_cell_is_continued_under_repeated_headers(tmp_path: Path, monkeypatch) -> None:
    result = read_reference("2024")
    leaf = result.form.annual[0].children[0].children[0]
    leaf.basis = "依据说明。" * 4000
    grid = build_grid(result.template, result.form)
    row = next(i for i, cells in enumerate(grid.rows) if any(c.text == leaf.basis for c in cells))
    pages = _recorded_pages(monkeypatch, grid, tmp_path / "long.pdf")
    pieces = [(page, p) for page in pages for p in page.rows if p.row == row]
    assert len(pieces) > 2
    assert "".join(p.texts[7] for _, p in pieces) == leaf.basis
    assert all(p.texts[3] == leaf.name for _, p in pieces)  # the indicator's name on every piece
    headers = {first for first, _ in grid.header_rows}
    assert all(page.rows[0].row in headers for page, _ in pieces[1:])


def test_measure_paginate_draw_are_separate_steps(tmp_path: Path) -> None:
    """paint_grid is measure (row heights), paginate (rows per page), draw; each usable alone."""
    from PySide6.QtGui import QPdfWriter

    from goalform.formats.pdf_writer import ensure_gui_application, measure, paginate

    ensure_gui_application()
    result = read_reference("2026")
    grid = build_grid(result.template, result.form)
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    setup_page(writer)
    writer.setResolution(600)
    layout = measure(grid, writer)
    assert len(layout.heights) == len(grid.rows) and all(h > 0 for h in layout.heights)
    assert abs(layout.unit * 1440 - 600) < 1  # device units per twip: 600 dpi / 1440 twips per inch
    pages = paginate(grid, layout, writer)
    assert all(p.y + p.h <= layout.usable + 0.01 for page in pages for p in page.rows)
    del writer


def test_a_merged_name_too_long_for_a_page_is_refused_naming_it(tmp_path: Path) -> None:
    """A 二级 name merged over its rows is not cut into pieces: one taller than a page is refused
    before anything is written, rather than clipped at the page's foot."""
    from goalform.formats.export import ExportError, export_file

    result = read_reference("2024")
    group = next(g for l1 in result.form.annual for g in l1.children if len(g.children) > 1)
    group.name = "二级名称" * 3000
    with pytest.raises(ExportError, match="指标名称「二级名称.*」的内容太长（12,000 个字）.*导出为 Word"):
        export_file(result.form, result.template, tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("platform, expected", [("win32", ["-platform", "windows"]), ("linux", [])])
def test_the_cli_paints_with_the_native_platform_on_windows(monkeypatch, platform: str, expected: list[str]) -> None:
    """Offscreen on Windows reads fonts from Qt's own empty folder: a PDF without any font (issue 24)."""
    import PySide6.QtCore
    import PySide6.QtWidgets

    from goalform.formats import paging

    made: list[list[str]] = []
    real = PySide6.QtWidgets.QApplication

    class NoApp:  # what the CLI sees: no application yet
        @staticmethod
        def instance() -> None:
            return None

    class RecordingApp:  # records the arguments; pytest-qt still finds the real application
        instance = staticmethod(real.instance)

        def __init__(self, argv: list[str]) -> None:
            made.append(argv)

    import PySide6.QtGui

    monkeypatch.setattr(PySide6.QtCore, "QCoreApplication", NoApp)
    monkeypatch.setattr(PySide6.QtWidgets, "QApplication", RecordingApp)
    monkeypatch.setattr(PySide6.QtGui, "QGuiApplication", RecordingApp)
    monkeypatch.setattr(paging.sys, "platform", platform)
    monkeypatch.setattr(paging, "_APP", None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # what check_bundle.py sets for the bundle
    paging.ensure_gui_application(widgets=False)  # the CLI's export
    paging.ensure_gui_application()  # a painting caller that may show widgets later
    assert len(made) == 2 and made[0][1:] == made[1][1:] == expected
