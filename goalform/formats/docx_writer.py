"""Write the layout grid as a Word document that looks like the official form.

Every part of the package is written here as WordprocessingML text straight from the layout grid, in
one pass, and zipped: no python-docx (importing it and loading its template cost more than the whole
export otherwise does; its template also carried 350 KB of styles, a theme and a thumbnail that the
form never uses). The package holds the document, one style (Normal), the settings, the footer with
the page numbers and the core properties.

Fonts: Word picks the East Asian face from ``w:eastAsia``; setting only ``w:ascii`` leaves Chinese in
whatever the reader's default is (WPS and Word then disagree), so every run style sets both.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from goalform.formats.layout import HEADER, HEADING_KINDS, Grid, GridCell

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import IO

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
LATIN_FONT = "Times New Roman"
TABLE_SIZE = 20  # half-points: 10 pt
TITLE_SIZE = 36  # 18 pt (小二)
NOTE_SIZE = 20
FOOTER_SIZE = 18  # 9 pt
LONG_ROW_CHARS = 1200  # about two thirds of a page of 10 pt text in the wide text column
NOTES_KEPT_WHOLE_CHARS = 1200  # notes below the table this short are kept on one page (the PDF: half a page)
TEXT_NODE_CHARS = 1_000_000  # at most 4 MB of UTF-8 per w:t, well under the parser's 10 MB

# A4 in twips, 2 cm side margins (the grid's widths fill the 9 638 twips between them).
PAGE_W, PAGE_H = 11906, 16838
MARGIN_LR, MARGIN_TB = 1134, 1134

# Characters XML 1.0 cannot carry (pasted control characters would make Word refuse the file): the C0
# controls but tab and line breaks, U+FFFE and U+FFFF. None of them is printable (str.isprintable), so
# the common text, printable throughout, is not translated character by character.
_INVALID_XML = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def _text(s: str) -> str:
    # (xml.sax.saxutils.escape would pull in urllib at import time: a tenth of the export's run time.)
    if not s.isprintable():
        s = s.translate(_INVALID_XML)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fonts(face: str) -> str:
    return (f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{face}" '
            f'w:cs="{LATIN_FONT}" w:hint="eastAsia"/>')


def _t(text: str) -> str:
    """``w:t`` elements for ``text``: a long text is cut into several, because the XML parser refuses a
    text node over 10 MB (lxml's limit without XML_PARSE_HUGE). Readers join a run's ``w:t`` texts."""
    if len(text) <= TEXT_NODE_CHARS:
        return f'<w:t xml:space="preserve">{_text(text)}</w:t>'
    return "".join(f'<w:t xml:space="preserve">{_text(text[i:i + TEXT_NODE_CHARS])}</w:t>'
                   for i in range(0, len(text), TEXT_NODE_CHARS))


def _run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:r>{rpr}{_t(text)}</w:r>" if text else ""


def _cell_xml(cell: GridCell, width: int, keep_next: bool = False) -> str:
    head, ppr = _cell_parts(width, cell.colspan, cell.merged, cell.rowspan > 1, keep_next, cell.align)
    bold = cell.role == HEADER
    paras = [f"<w:p>{ppr}{_run(line, bold)}</w:p>" for line in (cell.text.split("\n") if cell.text else [""])]
    return f'{head}{"".join(paras)}</w:tc>'


@functools.lru_cache(maxsize=256)  # a table has a few dozen kinds of cell, and hundreds of cells
def _cell_parts(width: int, colspan: int, merged: bool, restart: bool, keep_next: bool, align: str) -> tuple[str, str]:
    """A cell's opening with its properties, and its paragraphs' properties."""
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if colspan > 1:
        props.append(f'<w:gridSpan w:val="{colspan}"/>')
    if merged:
        props.append("<w:vMerge/>")
    elif restart:
        props.append('<w:vMerge w:val="restart"/>')
    props.append('<w:vAlign w:val="center"/>')
    ppr = f'<w:pPr>{"<w:keepNext/>" if keep_next else ""}<w:jc w:val="{align}"/></w:pPr>'
    return f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr>', ppr


def table_xml(grid: Grid) -> str:
    """The whole table as one ``w:tbl`` element (namespaced text)."""
    widths = grid.column_widths
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>',
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>",
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>',
        '<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for row in grid.rows:
        # A row never breaks across pages; heading rows (funds, indicator headers) stay with the row below
        # (keepNext on a row's paragraphs keeps the row with the next one).
        # (Except a text row long enough to fill a page by itself: Word would cut it off at the
        # page's foot rather than move it, so such a row may break.)
        long_text = sum(len(c.text) for c in row) > LONG_ROW_CHARS
        out.append("<w:tr>" if long_text else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        keep = row.kind in HEADING_KINDS
        for cell in row:
            out.append(_cell_xml(cell, sum(widths[cell.col:cell.col + cell.colspan]), keep))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _paragraph_xml(text: str, *, size: int, face: str = BODY_FONT, bold: bool = False, jc: str = "left",
                   after: int = 0, keep_next: bool = False) -> str:
    """A paragraph outside the table. A line like 「填报日期：…      单位：万元」 puts its last part flush
    right with a right tab stop, as the official form does, instead of relying on typed spaces."""
    tabs = ""
    parts = re.split(r"\s{2,}", text.strip()) if jc == "left" else [text]
    if len(parts) == 2:
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{PAGE_W - 2 * MARGIN_LR}"/></w:tabs>'
    ppr = (f'<w:pPr>{"<w:keepNext/>" if keep_next else ""}{tabs}<w:spacing w:before="0" w:after="{after}"/>'
           f'<w:jc w:val="{jc}"/>')
    rpr = f'<w:rPr>{_fonts(face)}{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    ppr += f"{rpr}</w:pPr>"
    if len(parts) == 2:
        # (The spaces before the tab change nothing on the page, the right tab stop places the last
        # part, but keep the two parts apart for anyone reading the text without layout.)
        runs = (f'<w:r>{rpr}<w:t xml:space="preserve">{_text(parts[0])}    </w:t></w:r><w:r>{rpr}<w:tab/></w:r>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{_text(parts[1])}</w:t></w:r>')
    else:
        runs = f"<w:r>{rpr}{_t(text)}</w:r>" if text else ""
    return f'<w:p xmlns:w="{W_NS}">{ppr}{runs}</w:p>'


_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_WML}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_WML}.settings+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_WML}.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>")
_PACKAGE_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_R_NS}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/></Relationships>')
_DOCUMENT_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_R_NS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_R_NS}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_R_NS}/footer" Target="footer1.xml"/></Relationships>')
# Word 2010 compatibility (as python-docx's template had): East Asian layout, no compressed punctuation.
_SETTINGS = (
    f'{_XML}<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:useFELayout/>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="14"/>'
    "</w:compat></w:settings>")


def styles_xml() -> str:
    """Normal: 宋体 10 pt (Times New Roman for Latin), no spacing, single lines, Chinese as the
    document's language (line breaking and fonts in Word and WPS); the document defaults name 宋体 too,
    for anything that does not inherit from Normal. The table's runs inherit Normal."""
    fonts = _fonts(BODY_FONT)
    size = f'<w:sz w:val="{TABLE_SIZE}"/><w:szCs w:val="{TABLE_SIZE}"/>'
    return (f'{_XML}<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}{size}'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            "<w:pPrDefault/></w:docDefaults>"
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'<w:rPr>{fonts}{size}<w:lang w:eastAsia="zh-CN"/></w:rPr></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>')


def _field(instr: str, rpr: str) -> str:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it when the page is laid out;
    the text between ``separate`` and ``end`` is only shown until they do."""
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr}<w:t>1</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def footer_xml(*, namespace: bool = True) -> str:
    """The footer paragraph: 「第 X 页 共 Y 页」, centred, as on the PDF (``namespace``: declare w:)."""
    rpr = f'<w:rPr>{_fonts(BODY_FONT)}<w:sz w:val="{FOOTER_SIZE}"/><w:szCs w:val="{FOOTER_SIZE}"/></w:rPr>'

    def text(s: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{s}</w:t></w:r>'

    declare = f' xmlns:w="{W_NS}"' if namespace else ""
    return (f'<w:p{declare}><w:pPr><w:jc w:val="center"/>{rpr}</w:pPr>'
            f'{text("第 ")}{_field("PAGE", rpr)}{text(" 页 共 ")}{_field("NUMPAGES", rpr)}{text(" 页")}</w:p>')


def _core_xml(title: str) -> str:
    return (f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_text(title)}</dc:title><dc:creator>goalform</dc:creator></cp:coreProperties>")


def document_xml(grid: Grid) -> str:
    """The body: the title and notes above the table, the table, the notes below it, the section (A4,
    2 cm margins, the footer with the page numbers)."""
    parts: list[str] = []
    if grid.before:
        parts.append(_paragraph_xml(grid.before[0].strip(), size=TITLE_SIZE, face=TITLE_FONT, bold=True,
                                    jc="center", after=120, keep_next=True))
    for line in grid.before[1:]:
        jc = "right" if line.strip().startswith("单位") else "left"
        parts.append(_paragraph_xml(line, size=NOTE_SIZE + 2, jc=jc, after=60, keep_next=True))
    parts.append(table_xml(grid))
    if grid.after:
        # As on the PDF: the heading stays with its first note, short notes stay together on one page.
        whole = sum(len(line) for line in grid.after) <= NOTES_KEPT_WHOLE_CHARS
        parts.append(_paragraph_xml(grid.after[0], size=NOTE_SIZE + 2, bold=True, after=60,
                                    keep_next=len(grid.after) > 1))
        last = len(grid.after) - 1
        parts += [_paragraph_xml(line, size=NOTE_SIZE, after=20, keep_next=whole and i < last)
                  for i, line in enumerate(grid.after[1:], start=1)]
    else:
        parts.append(_paragraph_xml("", size=4))  # Word wants a paragraph after a table
    section = (f'<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
               f'<w:pgMar w:top="{MARGIN_TB}" w:right="{MARGIN_LR}" w:bottom="{MARGIN_TB}" w:left="{MARGIN_LR}" '
               'w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/>'
               "</w:sectPr>")
    return (f'{_XML}<w:document xmlns:w="{W_NS}" xmlns:r="{_R_NS}"><w:body>{"".join(parts)}{section}'
            "</w:body></w:document>")


def write_docx(grid: Grid, target: str | Path | IO[bytes]) -> None:
    """Write ``grid`` as a .docx to ``target`` (a path or a binary file); texts of any length are
    written whole."""
    import zipfile

    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "docProps/core.xml": _core_xml(grid.title),
        "word/document.xml": document_xml(grid),
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/settings.xml": _SETTINGS,
        "word/footer1.xml": f'{_XML}<w:ftr xmlns:w="{W_NS}">{footer_xml(namespace=False)}</w:ftr>',
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text.encode("utf-8"))
