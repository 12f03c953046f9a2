"""Paint the layout grid on pages: the PDF export (Qt's own PDF writer) and the GUI's print preview.

:func:`paint_grid` draws on any ``QPagedPaintDevice`` (a ``QPdfWriter`` or a ``QPrinter``), so a
printed page and an exported PDF are the same drawing: :func:`goalform.formats.paging.measure` and
``paginate`` decide what goes where, :func:`draw` paints it. When an indicator table continues on a
new page its header rows are drawn again, and a merged cell that runs over a page break shows its
text on each page it covers.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import IO, Callable

from goalform.domain.form import Form
from goalform.domain.template import Template
from goalform.formats.layout import Grid, GridCell, build_grid
from goalform.formats.pdf_text import PdfLayoutError, repair_to_unicode
from goalform.formats.paging import (  # noqa: F401 - find_cjk_font, measure, paginate: also used from here
    ALIGN_BOTTOM, ALIGN_CENTER, ALIGN_HCENTER, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_VCENTER, Layout, Page,
    ensure_gui_application, find_cjk_font, flags, fonts_for_pages, measure, paginate, text_height,
)

LINE_TWIPS = 10  # the table's lines: half a point


def paint_form(form: Form, template: Template, device) -> int:  # noqa: ANN001 - QPagedPaintDevice
    """Paint ``form`` in the official layout on ``device``; returns the number of pages."""
    return paint_grid(build_grid(template, form), device)


def paint_grid(grid: Grid, device) -> int:  # noqa: ANN001 - QPagedPaintDevice
    """Paint ``grid`` on a QPagedPaintDevice (QPdfWriter, QPrinter) page after page; returns the page count.

    The device's page layout (size, margins) is respected; the table fills the printable width.
    A row taller than a page is continued on the next (see :func:`goalform.formats.paging.measure`).
    """
    from PySide6.QtGui import QPainter

    ensure_gui_application()
    layout = measure(grid, device)
    pages = paginate(grid, layout, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始绘制页面")
    try:
        draw(painter, grid, layout, pages, device)
    finally:
        painter.end()
    return len(pages)


def draw(painter, grid: Grid, layout: Layout, pages: list[Page], device) -> None:  # noqa: ANN001
    """Draw the paginated grid with ``painter`` (begun on ``device``), a footer on every page.

    A merged cell that runs over a page break is drawn, with its text, on each page it covers.
    """
    # Owner of every grid position: the cell that starts the merge it belongs to.
    owner: dict[tuple[int, int], tuple[int, GridCell]] = {}
    for r, row in enumerate(grid.rows):
        for cell in row:
            owner[(r, cell.col)] = owner[(r - 1, cell.col)] if cell.merged else (r, cell)
    pen = _pen(layout.unit)
    for p, page in enumerate(pages):
        if p:
            device.newPage()
        # Every cell's box on this page, stroked at once at the end. Not setPen() + drawRect() per cell:
        # QPainter.setPen has an overload that takes a Qt.PenStyle, and resolving it makes PySide6 build
        # the Qt namespace's enums (25 ms of a PDF export). The text is drawn in the painter's own pen,
        # black as well; the boxes and the text never overlap, so the order draws the same page.
        borders = _path_class()()
        for text, y, kind in page.paragraphs:
            _draw_paragraph(painter, layout, text, y, kind, device)
        placed = page.rows
        for i, pr in enumerate(placed):
            for cell in grid.rows[pr.row]:
                own = owner[(pr.row, cell.col)]
                if i > 0 and owner.get((placed[i - 1].row, cell.col)) is own:
                    continue  # drawn with the block above
                j = i + 1
                while j < len(placed) and owner.get((placed[j].row, cell.col)) is own:
                    j += 1
                bottom = placed[j - 1].y + placed[j - 1].h
                text = pr.texts.get(cell.col, "") if pr.texts is not None and own[0] == pr.row else own[1].text
                _draw_cell(painter, layout, own, cell, text, pr.y, bottom, borders, device)
        painter.strokePath(borders, pen)
        painter.setFont(layout.fonts["footer"])
        painter.drawText(_rect(0, layout.usable, layout.width, layout.footer_h),
                         ALIGN_HCENTER | ALIGN_BOTTOM,
                         f"第 {p + 1} 页 共 {len(pages)} 页")


def _pen(unit: float):  # noqa: ANN202 - QPen
    """The table's lines: half a point wide (10 twips in device units), at least half a device pixel."""
    from PySide6.QtGui import QPen

    # QPen() is already a solid black line. Not QPen(QColor(...)): picking that overload among
    # QPen's constructors makes PySide6 build the Qt namespace's enums first, 24 ms of a PDF export
    # (for the same reason the alignments are plain ints: see paging.ALIGN_LEFT).
    pen = QPen()
    pen.setWidthF(max(unit * LINE_TWIPS, 0.5))
    return pen


@functools.lru_cache(maxsize=1)
def _rect_class():  # noqa: ANN202 - type[QRectF]
    # (Looked up once: an import statement in PySide6 goes through its import hook, a few Python calls,
    # and a large form draws a rectangle for each of its hundreds of thousands of cells.)
    from PySide6.QtCore import QRectF

    return QRectF


@functools.lru_cache(maxsize=1)
def _path_class():  # noqa: ANN202 - type[QPainterPath]
    from PySide6.QtGui import QPainterPath

    return QPainterPath


def _rect(x: float, y: float, w: float, h: float):  # noqa: ANN202 - QRectF
    return _rect_class()(x, y, w, h)


def _draw_paragraph(painter, layout: Layout, text: str, y: float, kind: str, device) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFontMetricsF

    fonts, width = layout.fonts, layout.width
    if kind == "title":
        painter.setFont(fonts["title"])
        h = QFontMetricsF(fonts["title"], device).height() * 1.8
        painter.drawText(_rect(0, y, width, h), ALIGN_CENTER, text.strip())
    elif kind == "line":
        painter.setFont(fonts["line"])
        rect = _rect(0, y, width, QFontMetricsF(fonts["line"], device).height() * 1.4)
        parts = re.split(r"\s{2,}", text.strip())
        if len(parts) == 2:
            painter.drawText(rect, ALIGN_LEFT | ALIGN_VCENTER, parts[0])
            painter.drawText(rect, ALIGN_RIGHT | ALIGN_VCENTER, parts[1])
        else:
            align = ALIGN_RIGHT if text.strip().startswith("单位") else ALIGN_LEFT
            painter.drawText(rect, align | ALIGN_VCENTER, text.strip())
    else:
        f = fonts["note_bold" if kind == "note_title" else "note"]
        painter.setFont(f)
        h, wrap = text_height(text, f, width, ALIGN_LEFT, device)
        painter.drawText(_rect(0, y, width, h), ALIGN_LEFT | wrap, text)


def _draw_cell(painter, layout: Layout, own: tuple[int, GridCell], cell: GridCell, text: str,  # noqa: ANN001
               top: float, bottom: float, borders, device) -> None:  # noqa: ANN001
    """One cell from ``top`` to ``bottom``: its box added to ``borders`` (a QPainterPath), and ``text``,
    the text of the merge it belongs to (or its piece of it), drawn."""
    x = layout.xs[cell.col]
    rect = _rect(x, top, layout.xs[cell.col + cell.colspan] - x, bottom - top)
    borders.addRect(rect)
    start_row, start = own
    if text:
        f = layout.cell_font(start, start_row)
        painter.setFont(f)
        inner = rect.adjusted(layout.pad_x, layout.pad_y, -layout.pad_x, -layout.pad_y)
        wrap = text_height(text, f, layout.inner_width(start), flags(start), device, layout.measured)[1]
        painter.drawText(inner, flags(start) | wrap, text)


def _drawn(grid: Grid, pages: int) -> tuple[set[str], Callable[[str], str | None]]:
    """The characters drawn on the pages of ``grid``, and what finds the drawn character that has
    the same glyph as a given one in the fonts used (for :func:`~goalform.formats.pdf_text.repair_to_unicode`;
    the fonts are asked only when a map names a character that was not drawn)."""
    texts = [grid.title, *grid.before, *grid.after, *(c.text for row in grid.rows for c in row)]
    texts.append(f"第 {pages} 页 共 {pages} 页0123456789")
    drawn = set("".join(texts))
    tables: list[tuple[object, dict[int, str]]] = []

    def glyph(raw, ch: str) -> int:  # noqa: ANN001 - QRawFont
        found = raw.glyphIndexesForString(ch)
        return found[0] if found else 0

    def resolve(ch: str) -> str | None:
        if not tables:
            from PySide6.QtGui import QRawFont

            chars = sorted(c for c in drawn if len(c.encode("utf-16-le")) == 2)  # one glyph index each
            for font in {f.key(): f for f in fonts_for_pages().values()}.values():
                raw = QRawFont.fromFont(font)
                by_glyph: dict[int, str] = {}
                for c, g in zip(chars, raw.glyphIndexesForString("".join(chars))):
                    if g:
                        by_glyph.setdefault(g, c)
                tables.append((raw, by_glyph))
        found = {by_glyph.get(glyph(raw, ch)) for raw, by_glyph in tables}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    return drawn, resolve


def setup_page(device) -> None:  # noqa: ANN001 - QPagedPaintDevice
    """A4 portrait with the form's margins (mm: 20 left/right, 15 top, 12 bottom), for the PDF export
    and for a QPrinter before print preview, so that both paginate alike."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 15, 20, 12), QPageLayout.Unit.Millimeter))


def write_pdf(grid: Grid, target: str | Path | IO[bytes]) -> int:
    """Write ``grid`` as an A4 PDF to ``target`` (a path or a binary file); returns the number of pages.

    Qt renders into memory and Python writes the bytes: QPdfWriter ignores write errors (a full
    disk left a truncated PDF and no error), Python's file writes raise them. In between, the text
    layer is repaired (:mod:`goalform.formats.pdf_text`: Qt named radicals for ideographs).
    """
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    setup_page(writer)
    writer.setResolution(600)
    writer.setTitle(grid.title)
    writer.setCreator("goalform")
    pages = paint_grid(grid, writer)
    del writer
    data = bytes(buffer.data())
    buffer.close()
    del buffer  # Qt's copy goes before the repair makes another: two copies of a large PDF at most, not three
    try:
        data = repair_to_unicode(data, *_drawn(grid, pages))
    except PdfLayoutError as e:  # a Qt that writes PDFs otherwise: the pages are right, the text layer as Qt made it
        import logging

        logging.getLogger(__name__).warning("PDF text layer not repaired: %s", e)
    if isinstance(target, (str, Path)):
        with open(target, "wb") as f:
            f.write(data)
    else:
        target.write(data)
    return pages
