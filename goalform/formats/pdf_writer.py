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
from dataclasses import dataclass
from pathlib import Path

from goalform.domain.form import Form
from goalform.domain.template import Template
from goalform.formats.layout import HEADER, Grid, GridCell, ROW_INDICATOR, build_grid

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


def paint_form(form: Form, template: Template, device) -> int:  # noqa: ANN001 - QPagedPaintDevice
    """Paint ``form`` in the official layout on ``device``; returns the number of pages."""
    return paint_grid(build_grid(template, form), device)


def paint_grid(grid: Grid, device) -> int:  # noqa: ANN001 - QPagedPaintDevice
    """Paint ``grid`` on a QPagedPaintDevice (QPdfWriter, QPrinter) page after page; returns the page count.

    The device's page layout (size, margins) is respected; the table fills the printable width.
    """
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

    ensure_gui_application()
    body_face = find_cjk_font(BODY_FACES) or QFont().family()
    title_face = find_cjk_font(TITLE_FACES) or body_face
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始绘制页面")
    try:
        width, height = float(device.width()), float(device.height())
        scale = width / sum(grid.column_widths)
        xs = [0.0]
        for w in grid.column_widths:
            xs.append(xs[-1] + w * scale)
        pad_x, pad_y = PADDING_TWIPS[0] * scale, PADDING_TWIPS[1] * scale

        def font(face: str, pt: float, bold: bool = False) -> QFont:
            f = QFont(face)
            f.setPointSizeF(pt)
            f.setBold(bold)
            return f

        body, bold = font(body_face, TABLE_PT), font(body_face, TABLE_PT, True)
        title, line_font = font(title_face, TITLE_PT, True), font(body_face, LINE_PT)
        note, note_bold = font(body_face, NOTE_PT), font(body_face, NOTE_PT, True)
        footer = font(body_face, FOOTER_PT)

        def flags_for(cell: GridCell) -> int:
            h = Qt.AlignmentFlag.AlignLeft if cell.align == "left" else Qt.AlignmentFlag.AlignHCenter
            return int(h | Qt.AlignmentFlag.AlignVCenter)

        def text_height(text: str, f: QFont, w: float, flags: int) -> tuple[float, int]:
            fm = QFontMetricsF(f, device)
            wrap = int(Qt.TextFlag.TextWordWrap)
            rect = fm.boundingRect(QRectF(0, 0, max(w, 1.0), 1e7), flags | wrap, text or " ")
            if rect.width() > w + 0.5:  # a long unbroken word: break it anywhere rather than overflow
                wrap = int(Qt.TextFlag.TextWrapAnywhere)
                rect = fm.boundingRect(QRectF(0, 0, max(w, 1.0), 1e7), flags | wrap, text or " ")
            return rect.height(), wrap

        row_scale: dict[int, float] = {}  # rows whose text would not fit on a page: smaller type

        def cell_font(cell: GridCell, row: int = -1) -> QFont:
            f = bold if cell.role == HEADER else body
            if row in row_scale:
                f = QFont(f)
                f.setPointSizeF(TABLE_PT * row_scale[row])
            return f

        footer_h = QFontMetricsF(footer, device).height() * 1.6
        usable = height - footer_h

        def row_height(r: int) -> float:
            h = QFontMetricsF(cell_font(grid.rows[r][0], r), device).height() + 2 * pad_y
            for cell in grid.rows[r]:
                if not cell.merged and cell.rowspan == 1:
                    w = xs[cell.col + cell.colspan] - xs[cell.col] - 2 * pad_x
                    h = max(h, text_height(cell.text, cell_font(cell, r), w, flags_for(cell))[0] + 2 * pad_y)
            return h

        # Row heights: single-row cells set their row; a merged cell that needs more grows its last row.
        # A row is never split, so a row taller than a page (a very long 部门职能概述) gets smaller
        # type until it fits, down to 55 %, rather than being cut off.
        heights = []
        for r in range(len(grid.rows)):
            h = row_height(r)
            scale = 1.0
            while h > usable * 0.92 and scale > 0.55:
                scale = round(scale - 0.05, 2)
                row_scale[r] = scale
                h = row_height(r)
            heights.append(h)
        for r, row in enumerate(grid.rows):
            for cell in row:
                if not cell.merged and cell.rowspan > 1:
                    w = xs[cell.col + cell.colspan] - xs[cell.col] - 2 * pad_x
                    need = text_height(cell.text, cell_font(cell, r), w, flags_for(cell))[0] + 2 * pad_y
                    have = sum(heights[r:r + cell.rowspan])
                    if need > have and cell.rowspan < 10:  # long section labels may spread over pages
                        heights[r + cell.rowspan - 1] += need - have

        # Owner of every grid position: the cell that starts the merge it belongs to.
        owner: dict[tuple[int, int], tuple[int, GridCell]] = {}
        for r, row in enumerate(grid.rows):
            for cell in row:
                owner[(r, cell.col)] = owner[(r - 1, cell.col)] if cell.merged else (r, cell)

        header_of: dict[int, tuple[int, int]] = {}
        for first, last in grid.header_rows:
            r = last + 1
            while r < len(grid.rows) and grid.rows[r].kind == ROW_INDICATOR:
                header_of[r] = (first, last)
                r += 1
        header_first = {first: last for first, last in grid.header_rows}

        # Pagination.
        pages: list[_Page] = [_Page([], [])]
        y = 0.0
        for i, text in enumerate(grid.before):
            f = title if i == 0 else line_font
            h = QFontMetricsF(f, device).height() * (1.8 if i == 0 else 1.4)
            pages[-1].paragraphs.append((text, y, "title" if i == 0 else "line"))
            y += h
        for r in range(len(grid.rows)):
            need = heights[r]
            if r in header_first:  # keep an indicator header with the first row under it
                last = header_first[r]
                need = sum(heights[r:last + 2])
            if y + need > usable and pages[-1].rows:
                pages.append(_Page([], []))
                y = 0.0
                if r in header_of:
                    first, last = header_of[r]
                    for hr in range(first, last + 1):
                        pages[-1].rows.append(_Placed(hr, y))
                        y += heights[hr]
            pages[-1].rows.append(_Placed(r, y))
            y += heights[r]
        y += pad_y * 4
        for i, text in enumerate(grid.after):
            f = note_bold if i == 0 else note
            h, _ = text_height(text, f, width, int(Qt.AlignmentFlag.AlignLeft))
            h += QFontMetricsF(f, device).height() * 0.3
            if y + h > usable:
                pages.append(_Page([], []))
                y = 0.0
            pages[-1].paragraphs.append((text, y, "note_title" if i == 0 else "note"))
            y += h

        # Drawing.
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(max(scale * 10, 0.5))  # about half a point
        for p, page in enumerate(pages):
            if p:
                device.newPage()
            for text, py, kind in page.paragraphs:
                if kind == "title":
                    painter.setFont(title)
                    h = QFontMetricsF(title, device).height() * 1.8
                    painter.drawText(QRectF(0, py, width, h), int(Qt.AlignmentFlag.AlignCenter), text.strip())
                elif kind == "line":
                    painter.setFont(line_font)
                    h = QFontMetricsF(line_font, device).height() * 1.4
                    parts = re.split(r"\s{2,}", text.strip())
                    rect = QRectF(0, py, width, h)
                    if len(parts) == 2:
                        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), parts[0])
                        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), parts[1])
                    else:
                        align = Qt.AlignmentFlag.AlignRight if text.strip().startswith("单位") else Qt.AlignmentFlag.AlignLeft
                        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text.strip())
                else:
                    f = note_bold if kind == "note_title" else note
                    painter.setFont(f)
                    h, wrap = text_height(text, f, width, int(Qt.AlignmentFlag.AlignLeft))
                    painter.drawText(QRectF(0, py, width, h), int(Qt.AlignmentFlag.AlignLeft) | wrap, text)
            placed = page.rows
            for i, pr in enumerate(placed):
                for cell in grid.rows[pr.row]:
                    own = owner[(pr.row, cell.col)]
                    if i > 0 and owner.get((placed[i - 1].row, cell.col)) is own:
                        continue  # drawn with the block above
                    j = i + 1
                    while j < len(placed) and owner.get((placed[j].row, cell.col)) is own:
                        j += 1
                    bottom = placed[j - 1].y + heights[placed[j - 1].row]
                    rect = QRectF(xs[cell.col], pr.y, xs[cell.col + cell.colspan] - xs[cell.col], bottom - pr.y)
                    painter.setPen(pen)
                    painter.drawRect(rect)
                    start_row, start = own
                    if start.text:
                        f = cell_font(start, start_row)
                        painter.setFont(f)
                        inner = rect.adjusted(pad_x, pad_y, -pad_x, -pad_y)
                        _, wrap = text_height(start.text, f, inner.width(), flags_for(start))
                        painter.drawText(inner, flags_for(start) | wrap, start.text)
            painter.setFont(footer)
            painter.drawText(QRectF(0, height - footer_h, width, footer_h),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             f"第 {p + 1} 页 共 {len(pages)} 页")
        return len(pages)
    finally:
        painter.end()


def setup_page(device) -> None:  # noqa: ANN001 - QPagedPaintDevice
    """A4 portrait with the form's margins (mm: 20 left/right, 15 top, 12 bottom), for the PDF export
    and for a QPrinter before print preview, so that both paginate alike."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 15, 20, 12), QPageLayout.Unit.Millimeter))


def write_pdf(grid: Grid, path: str | Path) -> int:
    """Write ``grid`` as an A4 PDF at ``path``; returns the number of pages."""
    from PySide6.QtGui import QPdfWriter

    ensure_gui_application()
    writer = QPdfWriter(str(path))
    setup_page(writer)
    writer.setResolution(600)
    writer.setTitle(grid.title)
    writer.setCreator("goalform")
    pages = paint_grid(grid, writer)
    del writer  # flushes and closes the file
    return pages
