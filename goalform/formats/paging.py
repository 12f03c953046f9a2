"""Lay the layout grid out on pages, without drawing: fonts, row heights, page breaks.

:func:`measure` finds the column positions and every row's height on a paged device (a row taller
than a page gets smaller type, or is cut into pieces of a page each); :func:`paginate` puts the rows
and paragraphs on pages. ``pdf_writer.draw`` paints the result; the PDF export and printing share it.
Qt embeds (a subset of) the font in the PDF; the face is a CJK font found on the machine (宋体-like
first, then any Noto/Source Han/YaHei).
"""
from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING

from goalform.domain.values import Value
from goalform.qt_loading import load_qt
from goalform.formats.layout import HEADER, HEADING_KINDS, ROW_INDICATOR, Grid, GridCell
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
# OpenType substitutions turned off, so that every character is drawn with the glyph the font's cmap
# gives it: the PDF's text layer (ToUnicode) is built from that cmap, and a substituted glyph (the
# ellipsis …, swapped by 'locl' for a Western form under a non-Chinese locale; fi, ffi, fl joined by
# 'liga') had no text at all. The cmap's own glyph for … is the centered Chinese one.
TEXT_AS_DRAWN = ("locl", "liga", "clig")
# Notes below the table (the 填报说明) that take at most this share of a page are kept together on one
# page; longer ones keep at least their heading with their first item.
NOTES_KEPT_WHOLE = 0.5


def ensure_gui_application(widgets: bool = True) -> None:
    """Painting text needs a Qt application; the CLI has none. Without a display, use offscreen.

    A QApplication (not only a QGuiApplication), so that widgets created later in the same process
    (the GUI, its tests) still work; ``widgets=False`` (a command-line export, which never shows a
    widget) makes a QGuiApplication and spares loading QtWidgets. On Windows always the native
    ``windows`` platform, whatever QT_QPA_PLATFORM says: it needs no visible window, and it is the one
    that knows the system's fonts (SimSun...). Offscreen there reads fonts with FreeType from Qt's own
    empty fonts folder, so a PDF would have no font at all.
    """
    load_qt()  # (the PDF writer's modules are imported after Qt: see goalform.qt_loading)
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    argv = [sys.argv[0] if sys.argv else "goalform"]
    if sys.platform == "win32":
        argv += ["-platform", "windows"]
    elif sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    if widgets:
        from PySide6.QtWidgets import QApplication

        _APP = QApplication(argv)
    else:
        from PySide6.QtGui import QGuiApplication

        _APP = QGuiApplication(argv)


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


class Placed(Value):
    row: int  # grid row
    y: float
    h: float
    texts: dict[int, str] | None  # a piece of a row split over pages: the text of each column

    def __init__(self, row: int, y: float, h: float = 0.0, texts: dict[int, str] | None = None) -> None:
        self.row, self.y, self.h, self.texts = row, y, h, texts


class Piece(Value):
    """A page's share of a row too tall for any page: the cells' texts cut at line boundaries."""

    h: float
    texts: dict[int, str]

    def __init__(self, h: float, texts: dict[int, str]) -> None:
        self.h, self.texts = h, texts


class Page(Value):
    rows: list[Placed]
    paragraphs: list[tuple[str, float, str]]  # (text, y, kind)

    def __init__(self, rows: list[Placed], paragraphs: list[tuple[str, float, str]]) -> None:
        self.rows, self.paragraphs = rows, paragraphs


class Layout(Value):
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
    heights: list[float]
    shrink: dict[int, float]
    pieces: dict[int, list[Piece]]  # rows split over pages
    measured: dict  # text_height's cache

    def __init__(self, width: float, usable: float, footer_h: float, unit: float, xs: list[float], pad_x: float,
                 pad_y: float, fonts: dict[str, "QFont"], heights: list[float] | None = None,
                 shrink: dict[int, float] | None = None, pieces: dict[int, list[Piece]] | None = None,
                 measured: dict | None = None) -> None:
        self.width = width
        self.usable = usable
        self.footer_h = footer_h
        self.unit = unit
        self.xs = xs
        self.pad_x = pad_x
        self.pad_y = pad_y
        self.fonts = fonts
        self.heights = [] if heights is None else heights
        self.shrink = {} if shrink is None else shrink
        self.pieces = {} if pieces is None else pieces
        self.measured = {} if measured is None else measured

    def cell_font(self, cell: GridCell, row: int = -1) -> "QFont":
        """The font of ``cell`` in ``row`` (smaller where the row is shrunk): one object per kind and size,
        kept here, so that text_height's cache can know it by its identity."""
        kind = "bold" if cell.role == HEADER else "body"
        if row not in self.shrink:
            return self.fonts[kind]
        key = f"{kind}@{self.shrink[row]}"
        if key not in self.fonts:
            from PySide6.QtGui import QFont

            f = self.fonts[key] = QFont(self.fonts[kind])
            f.setPointSizeF(TABLE_PT * self.shrink[row])
        return self.fonts[key]

    def inner_width(self, cell: GridCell) -> float:
        return self.xs[cell.col + cell.colspan] - self.xs[cell.col] - 2 * self.pad_x


def feature_tags() -> list:
    """QFont.Tag of each of TEXT_AS_DRAWN; none where this Qt cannot make one from its name: Qt < 6.7 has
    no QFont.Tag, and PySide6 6.8 (the newest arm64 wheel a Debian 12 glibc admits) binds no constructor
    from a str. There the features stay on; the text is the same, only some glyphs may be joined."""
    from PySide6.QtGui import QFont

    try:
        return [QFont.Tag(tag) for tag in TEXT_AS_DRAWN]
    except (AttributeError, TypeError):
        return []


def fonts_for_pages() -> dict[str, "QFont"]:
    from PySide6.QtGui import QFont

    body_face = find_cjk_font(BODY_FACES) or QFont().family()
    title_face = find_cjk_font(TITLE_FACES) or body_face
    tags = feature_tags()

    def font(face: str, pt: float, bold: bool = False) -> QFont:
        f = QFont(face)
        f.setPointSizeF(pt)
        f.setBold(bold)
        for tag in tags:  # each character drawn with its own glyph (see TEXT_AS_DRAWN)
            f.setFeature(tag, 0)
        return f

    return {"body": font(body_face, TABLE_PT), "bold": font(body_face, TABLE_PT, True),
            "title": font(title_face, TITLE_PT, True), "line": font(body_face, LINE_PT),
            "note": font(body_face, NOTE_PT), "note_bold": font(body_face, NOTE_PT, True),
            "footer": font(body_face, FOOTER_PT)}


# Qt's alignment and text flags (Qt::AlignmentFlag, Qt::TextFlag) as the plain ints Qt defines them, for
# drawText and boundingRect: the first touch of PySide6's ``Qt`` namespace builds every enum in it, about
# 20 ms (a tenth of a command-line PDF export), and combining enum members builds Python enum values each
# time (more than the layout itself). tests/formats/test_paging_flags.py checks them against Qt's own.
ALIGN_LEFT, ALIGN_RIGHT, ALIGN_HCENTER, ALIGN_BOTTOM, ALIGN_VCENTER = 0x0001, 0x0002, 0x0004, 0x0040, 0x0080
ALIGN_CENTER = ALIGN_HCENTER | ALIGN_VCENTER
TEXT_WORD_WRAP, TEXT_WRAP_ANYWHERE = 0x1000, 0x2000


def flags(cell: GridCell) -> int:
    """Qt's alignment of ``cell``'s text: horizontally as the grid says (``GridCell.align``), vertically centred."""
    return {"left": ALIGN_LEFT, "right": ALIGN_RIGHT}.get(cell.align, ALIGN_HCENTER) | ALIGN_VCENTER


@functools.lru_cache(maxsize=1)
def _qt_classes() -> tuple:
    """QRectF and QFontMetricsF, looked up once (an import statement goes through PySide6's import hook)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    return QRectF, QFontMetricsF


def font_metrics(font: "QFont", device, cache: dict | None = None):  # noqa: ANN001, ANN201 - QFontMetricsF
    """The metrics of ``font`` on ``device``, kept in ``cache`` (a Layout's) by the font's identity."""
    fm = cache.get(id(font)) if cache is not None else None
    if fm is None:
        fm = _qt_classes()[1](font, device)
        if cache is not None:
            cache[id(font)] = fm
    return fm


def text_height(text: str, font: "QFont", width: float, flags: int, device, cache: dict | None = None,  # noqa: ANN001
                ) -> tuple[float, int]:
    """Height of ``text`` wrapped to ``width``, and the wrap flag that fits it. ``cache`` (a
    Layout's, for one device and the fonts the Layout keeps): measuring and drawing ask for the same cells."""
    key = (text, id(font), width, flags) if cache is not None else None
    if key is not None and key in cache:
        return cache[key]
    QRectF = _qt_classes()[0]  # noqa: N806 - Qt's class
    word, anywhere = TEXT_WORD_WRAP, TEXT_WRAP_ANYWHERE
    fm = font_metrics(font, device, cache)
    if text and "\n" not in text and fm.horizontalAdvance(text) <= width:
        result = (fm.height(), word)  # one line (as boundingRect finds it, in half the time)
    else:
        wrap = word
        rect = fm.boundingRect(QRectF(0, 0, max(width, 1.0), 1e7), flags | wrap, text or " ")
        if rect.width() > width + 0.5:  # a long unbroken word: break it anywhere rather than overflow
            wrap = anywhere
            rect = fm.boundingRect(QRectF(0, 0, max(width, 1.0), 1e7), flags | wrap, text or " ")
        result = (rect.height(), wrap)
    if key is not None:
        cache[key] = result
    return result


def measure(grid: Grid, device) -> Layout:  # noqa: ANN001 - QPagedPaintDevice
    """Column positions, fonts and the height of every row on ``device``.

    Single-row cells set their row's height; a merged cell that needs more grows its last row. A row
    taller than a page (a very long 部门职能概述) gets smaller type until it fits, down to 55 %; a row
    that does not fit even then is cut into pieces of a page each, at line boundaries, in normal type
    (:func:`_split_row`), so that every character is printed.
    """
    from PySide6.QtGui import QFontMetricsF

    fonts = fonts_for_pages()
    width, height = float(device.width()), float(device.height())
    unit = width / sum(grid.column_widths)
    xs = [0.0]
    for w in grid.column_widths:
        xs.append(xs[-1] + w * unit)
    footer_h = QFontMetricsF(fonts["footer"], device).height() * 1.6
    layout = Layout(width=width, usable=height - footer_h, footer_h=footer_h, unit=unit, xs=xs,
                     pad_x=PADDING_TWIPS[0] * unit, pad_y=PADDING_TWIPS[1] * unit, fonts=fonts)

    def row_height(r: int) -> float:
        h = font_metrics(layout.cell_font(grid.rows[r][0], r), device, layout.measured).height() + 2 * layout.pad_y
        for cell in grid.rows[r]:
            if not cell.merged and cell.rowspan == 1:
                text_h = text_height(cell.text, layout.cell_font(cell, r), layout.inner_width(cell), flags(cell), device,
                                     layout.measured)[0]
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
        layout.heights.append(h)
    heights = layout.heights
    header_of = _header_of(grid)
    for r, h in enumerate(heights):
        if h > fits:
            layout.shrink.pop(r, None)
            first, last = header_of.get(r, (0, -1))  # repeated above each piece
            layout.pieces[r] = _split_row(grid, r, layout, fits - sum(heights[first:last + 1]), device)
            heights[r] = layout.pieces[r][0].h
    for r, row in enumerate(grid.rows):
        for cell in row:
            if not cell.merged and cell.rowspan > 1:
                need = text_height(cell.text, layout.cell_font(cell, r), layout.inner_width(cell), flags(cell),
                                    device, layout.measured)[0] + 2 * layout.pad_y
                have = sum(heights[r:r + cell.rowspan])
                if need > have and cell.rowspan < 10:  # long section labels may spread over pages
                    heights[r + cell.rowspan - 1] += need - have
                    if heights[r + cell.rowspan - 1] > layout.usable:  # (a merged cell is not cut in pieces)
                        raise ExportError(f"{grid.describe(r, cell)}的内容太长（{len(cell.text):,} 个字），无法在 PDF "
                                          "或打印件中排出。请缩短该项，或导出为 Word。")
    return layout


def _split_row(grid: Grid, r: int, layout: Layout, budget: float, device) -> list[Piece]:  # noqa: ANN001
    """Row ``r`` cut into pieces at most ``budget`` high. A cell whose text fits a piece is shown on
    every piece (the label, an indicator's name); a longer one is cut at line boundaries."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFontMetricsF, QTextLayout, QTextOption

    pad = 2 * layout.pad_y
    cuts: dict[int, list[str]] = {}
    for cell in grid.rows[r]:
        if cell.merged or cell.rowspan > 1 or not cell.text:
            continue
        font, width = layout.cell_font(cell), layout.inner_width(cell)
        if text_height(cell.text, font, width, flags(cell), device)[0] + pad <= budget:
            continue
        # QTextLayout breaks lines only at U+2028 (QPainter.drawText turns "\n" into it): same length.
        text_layout = QTextLayout(cell.text.replace("\n", "\u2028"), font, device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        text_layout.setTextOption(option)
        text_layout.beginLayout()
        parts, start, top, y = [], 0, 0.0, 0.0
        while (line := text_layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            if y + line.height() - top + pad > budget and line.textStart() > start:
                parts.append(cell.text[start:line.textStart()].strip("\n"))
                start, top = line.textStart(), y
            y += line.height()
        text_layout.endLayout()
        parts.append(cell.text[start:].strip("\n"))
        cuts[cell.col] = parts
    count = max((len(parts) for parts in cuts.values()), default=1)
    pieces = []
    for k in range(count):
        texts = {c.col: (cuts[c.col][k] if k < len(cuts[c.col]) else "") if c.col in cuts else c.text
                 for c in grid.rows[r] if not c.merged}
        h = QFontMetricsF(layout.cell_font(grid.rows[r][0]), device).height() + pad
        for cell in grid.rows[r]:
            if not cell.merged and cell.rowspan == 1 and texts.get(cell.col):
                h = max(h, text_height(texts[cell.col], layout.cell_font(cell), layout.inner_width(cell),
                                        flags(cell), device)[0] + pad)
        pieces.append(Piece(h, texts))
    return pieces


def _header_of(grid: Grid) -> dict[int, tuple[int, int]]:
    """Indicator row -> the (first, last) rows of its table's header, repeated on a new page."""
    header_of: dict[int, tuple[int, int]] = {}
    for first, last in grid.header_rows:
        r = last + 1
        while r < len(grid.rows) and grid.rows[r].kind == ROW_INDICATOR:
            header_of[r] = (first, last)
            r += 1
    return header_of


def _heading_runs(grid: Grid) -> dict[int, int]:
    """First row of each run of heading rows -> the row after the run (the first row it heads)."""
    runs: dict[int, int] = {}
    r, n = 0, len(grid.rows)
    while r < n:
        if grid.rows[r].kind in HEADING_KINDS:
            end = r
            while end < n and grid.rows[end].kind in HEADING_KINDS:
                end += 1
            runs[r] = end
            r = end
        else:
            r += 1
    return runs


def paginate(grid: Grid, layout: Layout, device) -> list[Page]:  # noqa: ANN001 - QPagedPaintDevice
    """The rows and paragraphs of every page. Rows never split (a row too tall for a page is placed
    as its pieces). No page ends with a heading: a run of heading rows goes to the next page with the
    first row under it; an indicator table's header is repeated at the top of a page that continues
    the table; the notes below the table are kept together when short (:data:`NOTES_KEPT_WHOLE`), and
    their heading always with their first item."""
    from PySide6.QtGui import QFontMetricsF

    heights, fonts = layout.heights, layout.fonts
    header_of = _header_of(grid)
    runs = _heading_runs(grid)
    gap = layout.pad_y * 4  # between the table and the notes
    notes = []
    for i, text in enumerate(grid.after):
        f = fonts["note_bold"] if i == 0 else fonts["note"]
        h = text_height(text, f, layout.width, ALIGN_LEFT, device)[0]
        notes.append(h + QFontMetricsF(f, device).height() * 0.3)
    # the notes' heading with its first item, or all of the notes when they are short
    notes_need = sum(notes) if sum(notes) <= layout.usable * NOTES_KEPT_WHOLE else sum(notes[:2])

    pages: list[Page] = [Page([], [])]
    y = 0.0
    for i, text in enumerate(grid.before):
        f = fonts["title"] if i == 0 else fonts["line"]
        pages[-1].paragraphs.append((text, y, "title" if i == 0 else "line"))
        y += QFontMetricsF(f, device).height() * (1.8 if i == 0 else 1.4)
    for r in range(len(grid.rows)):
        for k, piece in enumerate(layout.pieces.get(r, [None])):
            h = heights[r] if piece is None else piece.h
            need = h
            if r in runs and k == 0:  # a heading with the first row under it (its first piece)
                need = sum(heights[r:runs[r] + 1])
                if runs[r] == len(grid.rows) and notes:  # (a table with no rows under its header)
                    need += gap + notes_need
            if y + need > layout.usable and pages[-1].rows:
                pages.append(Page([], []))
                y = 0.0
                if r in header_of:
                    first, last = header_of[r]
                    for hr in range(first, last + 1):
                        pages[-1].rows.append(Placed(hr, y, heights[hr]))
                        y += heights[hr]
            pages[-1].rows.append(Placed(r, y, h, None if piece is None else piece.texts))
            y += h
    y += gap
    for i, (text, h) in enumerate(zip(grid.after, notes)):
        if y + (notes_need if i == 0 else h) > layout.usable and (pages[-1].rows or pages[-1].paragraphs):
            pages.append(Page([], []))
            y = 0.0
        pages[-1].paragraphs.append((text, y, "note_title" if i == 0 else "note"))
        y += h
    return pages
