"""Write the layout grid as a Word document that looks like the official form.

The table is built as WordprocessingML text in one pass and parsed once: python-docx's
``table.cell()`` walks the whole grid on every call, which makes a form take seconds instead of a
fraction of one. python-docx is used only for the package (styles, section, saving).

Fonts: Word picks the East Asian face from ``w:eastAsia``; setting only ``w:ascii`` leaves Chinese in
whatever the reader's default is (WPS and Word then disagree), so every run style sets both.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from goalform.formats.layout import HEADER, HEADING_KINDS, Grid, GridCell

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

# Characters XML 1.0 cannot carry (pasted control characters would make Word refuse the file).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(s: str) -> str:
    # (xml.sax.saxutils.escape would pull in urllib at import time: a tenth of the export's run time.)
    return _INVALID_XML.sub("", s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if cell.colspan > 1:
        props.append(f'<w:gridSpan w:val="{cell.colspan}"/>')
    if cell.merged:
        props.append("<w:vMerge/>")
    elif cell.rowspan > 1:
        props.append('<w:vMerge w:val="restart"/>')
    props.append('<w:vAlign w:val="center"/>')
    ppr = f'<w:pPr>{"<w:keepNext/>" if keep_next else ""}<w:jc w:val="{cell.align}"/></w:pPr>'
    bold = cell.role == HEADER
    paras = [f"<w:p>{ppr}{_run(line, bold)}</w:p>" for line in (cell.text.split("\n") if cell.text else [""])]
    return f'<w:tc><w:tcPr>{"".join(props)}</w:tcPr>{"".join(paras)}</w:tc>'


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


def _setup_styles(document) -> None:  # noqa: ANN001 - python-docx's Document
    """Normal: 宋体 10 pt, no spacing; the table's runs inherit it."""
    from docx.oxml import parse_xml

    normal = document.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    for old in rpr.findall(f"{{{W_NS}}}rFonts") + rpr.findall(f"{{{W_NS}}}sz") + rpr.findall(f"{{{W_NS}}}szCs"):
        rpr.remove(old)
    rpr.insert(0, parse_xml(f'<w:rFonts xmlns:w="{W_NS}" w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" '
                            f'w:eastAsia="{BODY_FONT}" w:cs="{LATIN_FONT}" w:hint="eastAsia"/>'))
    rpr.append(parse_xml(f'<w:sz xmlns:w="{W_NS}" w:val="{TABLE_SIZE}"/>'))
    rpr.append(parse_xml(f'<w:szCs xmlns:w="{W_NS}" w:val="{TABLE_SIZE}"/>'))
    pf = normal.paragraph_format
    pf.space_before = 0
    pf.space_after = 0
    pf.line_spacing = 1.0
    # The document's language: Chinese line breaking and fonts in Word and WPS.
    lang = rpr.find(f"{{{W_NS}}}lang")
    if lang is None:
        lang = parse_xml(f'<w:lang xmlns:w="{W_NS}"/>')
        rpr.append(lang)
    lang.set(f"{{{W_NS}}}eastAsia", "zh-CN")
    # The document defaults name a theme font for East Asian text (a Japanese face in python-docx's
    # template); point them at 宋体 as well, for anything that does not inherit from Normal.
    defaults = document.styles.element.find(f"{{{W_NS}}}docDefaults/{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr/{{{W_NS}}}rFonts")
    if defaults is not None:
        for attr in list(defaults.attrib):
            if attr.endswith("eastAsiaTheme"):
                del defaults.attrib[attr]
        defaults.set(f"{{{W_NS}}}eastAsia", BODY_FONT)


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


def _add_page_numbers(document) -> None:  # noqa: ANN001 - python-docx's Document
    """Give the first section a footer part of our own with the page numbers.

    The part is built from our XML rather than through ``section.footer``: python-docx reads its
    default footer from a file found relative to its own modules' folder, which does not exist in
    the PyInstaller bundle (the modules live in its archive), so the export failed there.
    """
    from docx.enum.section import WD_HEADER_FOOTER
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.parts.hdrftr import FooterPart

    document_part = document.part
    package = document_part.package
    element = parse_xml(f'<w:ftr xmlns:w="{W_NS}">{footer_xml(namespace=False)}</w:ftr>')
    part = FooterPart(package.next_partname("/word/footer%d.xml"), CONTENT_TYPE.WML_FOOTER, element, package)
    r_id = document_part.relate_to(part, RELATIONSHIP_TYPE.FOOTER)
    document.sections[0]._sectPr.add_footerReference(WD_HEADER_FOOTER.PRIMARY, r_id)


def write_docx(grid: Grid, target: str | Path | IO[bytes]) -> None:
    """Write ``grid`` as a .docx to ``target`` (a path or a binary file); texts of any length are
    written whole."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Twips

    document = docx.Document()
    _setup_styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    section.left_margin = section.right_margin = Twips(MARGIN_LR)
    section.top_margin = section.bottom_margin = Twips(MARGIN_TB)
    section.header_distance = section.footer_distance = Twips(567)
    _add_page_numbers(document)

    body = document.element.body
    sect_pr = body[-1]  # the body's sectPr stays last
    for p in list(body.iterchildren(f"{{{W_NS}}}p")):
        body.remove(p)
    parts: list[str] = []
    if grid.before:
        parts.append(_paragraph_xml(grid.before[0].strip(), size=TITLE_SIZE, face=TITLE_FONT, bold=True,
                                    jc="center", after=120, keep_next=True))
    for line in grid.before[1:]:
        jc = "right" if line.strip().startswith("单位") else "left"
        parts.append(_paragraph_xml(line, size=NOTE_SIZE + 2, jc=jc, after=60, keep_next=True))
    elements = [parse_xml(p) for p in parts]
    elements.append(parse_xml(table_xml(grid)))
    if grid.after:
        # As on the PDF: the heading stays with its first note, short notes stay together on one page.
        whole = sum(len(line) for line in grid.after) <= NOTES_KEPT_WHOLE_CHARS
        elements.append(parse_xml(_paragraph_xml(grid.after[0], size=NOTE_SIZE + 2, bold=True, after=60,
                                                 keep_next=len(grid.after) > 1)))
        last = len(grid.after) - 1
        elements += [parse_xml(_paragraph_xml(line, size=NOTE_SIZE, after=20, keep_next=whole and i < last))
                     for i, line in enumerate(grid.after[1:], start=1)]
    else:
        elements.append(parse_xml(_paragraph_xml("", size=4)))  # Word wants a paragraph after a table
    for element in elements:
        sect_pr.addprevious(element)
    document.core_properties.title = grid.title
    document.core_properties.author = "goalform"
    document.save(target)
