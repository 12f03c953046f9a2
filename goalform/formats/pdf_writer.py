"""Paint the layout grid on pages: the PDF export (Qt's own PDF writer) and the GUI's print preview.

:func:`paint_grid` draws on any ``QPagedPaintDevice`` (a ``QPdfWriter`` or a ``QPrinter``), so a
printed page and an exported PDF are the same drawing. Rows never split across pages; when an
indicator table continues on a new page its header rows are drawn again, and a merged cell that runs
over a page break shows its text on each page it covers. Qt embeds (a subset of) the font in the PDF;
the face is a CJK font found on the machine (宋体-like first, then any Noto/Source Han/YaHei).
"""
from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from goalform.domain.form import Form
from goalform.domain.template import Template
from goalform.formats.layout import HEADER, Grid, GridCell, ROW_INDICATOR, build_grid
from goalform.formats.output import ExportError

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

# Preferred faces, best first: a Song (serif) face as the official form uses, then common sans faces.
BODY_FACES = (
    "SimSun", "宋体", "NSimSun", "新宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC",
    "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Noto Sans CJK JP", "Noto Sans CJK TC",
)
TITLE_FACES = (
    "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑",
    "WenQuanYi Micro Hei", "SimSun", "宋体", "Noto Serif CJK SC",
)
TABLE_PT, TITLE_PT, LINE_PT, NOTE_PT, FOOTER_PT = 10.0, 18.0, 10.5, 9.5, 8.0
PADDING_TWIPS = (57, 28)  # horizontal, vertical cell padding
LINE_TWIPS = 10  # the table's lines: half a point


def ensure_gui_application() -> None:
    """Painting text needs a Qt application; the CLI has none. Without a display, use offscreen.

    A QApplication (not only a QGuiApplication), so that widgets created later in the same process
    (the GUI, its tests) still work.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QApplication([sys.argv[0] if sys.argv else "goalform"])


_APP = None


@functools.lru_cache(maxsize=8)
def find_cjk_font(faces: tuple[str, ...] = BODY_FACES) -> str | None:
    """The first of ``faces`` installed here that can draw Chinese, or None (looked up once)."""
    from PySide6.QtGui import QFontDatabase

    ensure_gui_application()
    installed = set(QFontDatabase.families())
    for face in faces:
        if face in installed and QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(face):
            return face
    for family in sorted(installed):  # anything else that writes Simplified Chinese
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


@dataclass
class _Placed:
    row: int  # grid row
    y: float


@dataclass
class _Page:
    rows: list[_Placed]
    paragraphs: list[tuple[str, float, str]]  # (text, y, kind)


@dataclass
class _Layout:
    """What measuring a grid on a device found, in device units. ``unit`` is device units per twip
    (the grid's widths are twips); ``shrink`` holds the rows set in smaller type to fit on a page."""

    width: float
    usable: float  # page height above the footer
    footer_h: float
    unit: float
    xs: list[float]  # left edge of every grid column, and the right edge of the last
    pad_x: float
    pad_y: float
    fonts: dict[str, "QFont"]
    heights: list[float] = field(default_factory=list)
    shrink: dict[int, float] = field(default_factory=dict)

    def cell_font(self, cell: GridCell, row: int = -1) -> "QFont":
        f = self.fonts["bold" if cell.role == HEADER else "body"]
        if row in self.shrink:
            from PySide6.QtGui import QFont

            f = QFont(f)
            f.setPointSizeF(TABLE_PT * self.shrink[row])
        return f

    def inner_width(self, cell: GridCell) -> float:
        return self.xs[cell.col + cell.colspan] - self.xs[cell.col] - 2 * self.pad_x


def paint_form(form: Form, template: Template, device) -> int:  # noqa: ANN001 - QPagedPaintDevice
    """Paint ``form`` in the official layout on ``device``; returns the number of pages."""
    return paint_grid(build_grid(template, form), device)


def paint_grid(grid: Grid, device) -> int:  # noqa: ANN001 - QPagedPaintDevice
    """Paint ``grid`` on a QPagedPaintDevice (QPdfWriter, QPrinter) page after page; returns the page count.

    The device's page layout (size, margins) is respected; the table fills the printable width.
    ExportError (before anything is drawn) when a row cannot be set on one page even in small type.
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


def _fonts() -> dict[str, "QFont"]:
    from PySide6.QtGui import QFont

    body_face = find_cjk_font(BODY_FACES) or QFont().family()
    title_face = find_cjk_font(TITLE_FACES) or body_face

    def font(face: str, pt: float, bold: bool = False) -> QFont:
        f = QFont(face)
        f.setPointSizeF(pt)
        f.setBold(bold)
        return f

    return {"body": font(body_face, TABLE_PT), "bold": font(body_face, TABLE_PT, True),
            "title": font(title_face, TITLE_PT, True), "line": font(body_face, LINE_PT),
            "note": font(body_face, NOTE_PT), "note_bold": font(body_face, NOTE_PT, True),
            "footer": font(body_face, FOOTER_PT)}


def _flags(cell: GridCell) -> int:
    from PySide6.QtCore import Qt

    h = Qt.AlignmentFlag.AlignLeft if cell.align == "left" else Qt.AlignmentFlag.AlignHCenter
    return int(h | Qt.AlignmentFlag.AlignVCenter)


def _text_height(text: str, font: "QFont", width: float, flags: int, device) -> tuple[float, int]:  # noqa: ANN001
    """Height of ``text`` wrapped to ``width``, and the wrap flag that fits it."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFontMetricsF

    fm = QFontMetricsF(font, device)
    wrap = int(Qt.TextFlag.TextWordWrap)
    rect = fm.boundingRect(QRectF(0, 0, max(width, 1.0), 1e7), flags | wrap, text or " ")
    if rect.width() > width + 0.5:  # a long unbroken word: break it anywhere rather than overflow
        wrap = int(Qt.TextFlag.TextWrapAnywhere)
        rect = fm.boundingRect(QRectF(0, 0, max(width, 1.0), 1e7), flags | wrap, text or " ")
    return rect.height(), wrap


def measure(grid: Grid, device) -> _Layout:  # noqa: ANN001 - QPagedPaintDevice
    """Column positions, fonts and the height of every row on ``device``.

    Single-row cells set their row's height; a merged cell that needs more grows its last row. A row
    is never split, so a row taller than a page (a very long 部门职能概述) gets smaller type until it
    fits, down to 55 %; a row that does not fit even then is refused (ExportError) rather than cut off.
    """
    from PySide6.QtGui import QFontMetricsF

    fonts = _fonts()
    width, height = float(device.width()), float(device.height())
    unit = width / sum(grid.column_widths)
    xs = [0.0]
    for w in grid.column_widths:
        xs.append(xs[-1] + w * unit)
    footer_h = QFontMetricsF(fonts["footer"], device).height() * 1.6
    layout = _Layout(width=width, usable=height - footer_h, footer_h=footer_h, unit=unit, xs=xs,
                     pad_x=PADDING_TWIPS[0] * unit, pad_y=PADDING_TWIPS[1] * unit, fonts=fonts)

    def row_height(r: int) -> float:
        h = QFontMetricsF(layout.cell_font(grid.rows[r][0], r), device).height() + 2 * layout.pad_y
        for cell in grid.rows[r]:
            if not cell.merged and cell.rowspan == 1:
                text_h = _text_height(cell.text, layout.cell_font(cell, r), layout.inner_width(cell), _flags(cell), device)[0]
                h = max(h, text_h + 2 * layout.pad_y)
        return h

    fits = layout.usable * 0.92
    for r in range(len(grid.rows)):
        h = row_height(r)
        shrink = 1.0
        while h > fits and shrink > 0.55:
            shrink = round(shrink - 0.05, 2)
            layout.shrink[r] = shrink
            h = row_height(r)
        if h > layout.usable:
            cell = max(grid.rows[r], key=lambda c: len(c.text))
            raise ExportError(f"{grid.describe(r, cell)}的内容太长（{len(cell.text):,} 个字），缩小字号后仍超过一页，"
                              "无法在 PDF 或打印件中完整排出。请缩短该项，或导出为 Word。")
        layout.heights.append(h)
    heights = layout.heights
    for r, row in enumerate(grid.rows):
        for cell in row:
            if not cell.merged and cell.rowspan > 1:
                need = _text_height(cell.text, layout.cell_font(cell, r), layout.inner_width(cell), _flags(cell),
                                    device)[0] + 2 * layout.pad_y
                have = sum(heights[r:r + cell.rowspan])
                if need > have and cell.rowspan < 10:  # long section labels may spread over pages
                    heights[r + cell.rowspan - 1] += need - have
    return layout


def paginate(grid: Grid, layout: _Layout, device) -> list[_Page]:  # noqa: ANN001 - QPagedPaintDevice
    """The rows and paragraphs of every page. Rows never split; an indicator header stays with the
    first row under it and is repeated at the top of a page that continues its table."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF

    heights, fonts = layout.heights, layout.fonts
    header_of: dict[int, tuple[int, int]] = {}
    for first, last in grid.header_rows:
        r = last + 1
        while r < len(grid.rows) and grid.rows[r].kind == ROW_INDICATOR:
            header_of[r] = (first, last)
            r += 1
    header_first = {first: last for first, last in grid.header_rows}

    pages: list[_Page] = [_Page([], [])]
    y = 0.0
    for i, text in enumerate(grid.before):
        f = fonts["title"] if i == 0 else fonts["line"]
        pages[-1].paragraphs.append((text, y, "title" if i == 0 else "line"))
        y += QFontMetricsF(f, device).height() * (1.8 if i == 0 else 1.4)
    for r in range(len(grid.rows)):
        need = heights[r]
        if r in header_first:  # keep an indicator header with the first row under it
            need = sum(heights[r:header_first[r] + 2])
        if y + need > layout.usable and pages[-1].rows:
            pages.append(_Page([], []))
            y = 0.0
            if r in header_of:
                first, last = header_of[r]
                for hr in range(first, last + 1):
                    pages[-1].rows.append(_Placed(hr, y))
                    y += heights[hr]
        pages[-1].rows.append(_Placed(r, y))
        y += heights[r]
    y += layout.pad_y * 4
    for i, text in enumerate(grid.after):
        f = fonts["note_bold"] if i == 0 else fonts["note"]
        h = _text_height(text, f, layout.width, int(Qt.AlignmentFlag.AlignLeft), device)[0]
        h += QFontMetricsF(f, device).height() * 0.3
        if y + h > layout.usable:
            pages.append(_Page([], []))
            y = 0.0
        pages[-1].paragraphs.append((text, y, "note_title" if i == 0 else "note"))
        y += h
    return pages


def draw(painter, grid: Grid, layout: _Layout, pages: list[_Page], device) -> None:  # noqa: ANN001
    """Draw the paginated grid with ``painter`` (begun on ``device``), a footer on every page.

    A merged cell that runs over a page break is drawn, with its text, on each page it covers.
    """
    from PySide6.QtCore import Qt

    # Owner of every grid position: the cell that starts the merge it belongs to.
    owner: dict[tuple[int, int], tuple[int, GridCell]] = {}
    for r, row in enumerate(grid.rows):
        for cell in row:
            owner[(r, cell.col)] = owner[(r - 1, cell.col)] if cell.merged else (r, cell)
    pen = _pen(layout.unit)
    for p, page in enumerate(pages):
        if p:
            device.newPage()
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
                bottom = placed[j - 1].y + layout.heights[placed[j - 1].row]
                _draw_cell(painter, layout, own, cell, pr.y, bottom, pen, device)
        painter.setFont(layout.fonts["footer"])
        painter.drawText(_rect(0, layout.usable, layout.width, layout.footer_h),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                         f"第 {p + 1} 页 共 {len(pages)} 页")


def _pen(unit: float):  # noqa: ANN202 - QPen
    """The table's lines: half a point wide (10 twips in device units), at least half a device pixel."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPen

    pen = QPen(Qt.GlobalColor.black)
    pen.setWidthF(max(unit * LINE_TWIPS, 0.5))
    return pen


def _rect(x: float, y: float, w: float, h: float):  # noqa: ANN202 - QRectF
    from PySide6.QtCore import QRectF

    return QRectF(x, y, w, h)


def _draw_paragraph(painter, layout: _Layout, text: str, y: float, kind: str, device) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF

    fonts, width = layout.fonts, layout.width
    if kind == "title":
        painter.setFont(fonts["title"])
        h = QFontMetricsF(fonts["title"], device).height() * 1.8
        painter.drawText(_rect(0, y, width, h), int(Qt.AlignmentFlag.AlignCenter), text.strip())
    elif kind == "line":
        painter.setFont(fonts["line"])
        rect = _rect(0, y, width, QFontMetricsF(fonts["line"], device).height() * 1.4)
        parts = re.split(r"\s{2,}", text.strip())
        middle = Qt.AlignmentFlag.AlignVCenter
        if len(parts) == 2:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | middle), parts[0])
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | middle), parts[1])
        else:
            align = Qt.AlignmentFlag.AlignRight if text.strip().startswith("单位") else Qt.AlignmentFlag.AlignLeft
            painter.drawText(rect, int(align | middle), text.strip())
    else:
        f = fonts["note_bold" if kind == "note_title" else "note"]
        painter.setFont(f)
        h, wrap = _text_height(text, f, width, int(Qt.AlignmentFlag.AlignLeft), device)
        painter.drawText(_rect(0, y, width, h), int(Qt.AlignmentFlag.AlignLeft) | wrap, text)


def _draw_cell(painter, layout: _Layout, own: tuple[int, GridCell], cell: GridCell, top: float, bottom: float,  # noqa: ANN001
               pen, device) -> None:  # noqa: ANN001
    """One cell's box from ``top`` to ``bottom`` with the text of the merge it belongs to."""
    x = layout.xs[cell.col]
    rect = _rect(x, top, layout.xs[cell.col + cell.colspan] - x, bottom - top)
    painter.setPen(pen)
    painter.drawRect(rect)
    start_row, start = own
    if start.text:
        f = layout.cell_font(start, start_row)
        painter.setFont(f)
        inner = rect.adjusted(layout.pad_x, layout.pad_y, -layout.pad_x, -layout.pad_y)
        wrap = _text_height(start.text, f, inner.width(), _flags(start), device)[1]
        painter.drawText(inner, _flags(start) | wrap, start.text)


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
    disk left a truncated PDF and no error), Python's file writes raise them.
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
    if isinstance(target, (str, Path)):
        with open(target, "wb") as f:
            f.write(data)
    else:
        target.write(data)
    return pages
