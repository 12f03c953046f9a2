"""The yardstick for bench_export_docx: a bare python-docx script that writes the same table in one pass.

Reads the grid (texts, spans, vertical merges, column widths) from a JSON file and writes a .docx with
one table, building each row's XML directly (no table.cell()). Usage: docx_baseline.py GRID.json OUT.docx
"""
import json
import sys

import docx
from docx.oxml import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def main(src: str, out: str) -> None:
    grid = json.load(open(src, encoding="utf-8"))
    widths = grid["widths"]
    parts = [f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>']
    parts += [f'<w:{s} w:val="single" w:sz="4"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")]
    parts.append('</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>')
    parts += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    parts.append("</w:tblGrid>")
    for row in grid["rows"]:
        parts.append("<w:tr>")
        for text, col, span, rowspan, merged in row:
            pr = f'<w:tcW w:w="{sum(widths[col:col + span])}" w:type="dxa"/>'
            pr += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            pr += "<w:vMerge/>" if merged else ('<w:vMerge w:val="restart"/>' if rowspan > 1 else "")
            paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{line.replace("&", "&amp;").replace("<", "&lt;")}</w:t></w:r></w:p>'
                            for line in (text.split("\n") if text else [""]))
            parts.append(f"<w:tc><w:tcPr>{pr}</w:tcPr>{paras}</w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    document = docx.Document()
    for line in grid["before"]:
        document.add_paragraph(line)
    document.element.body[-1].addprevious(parse_xml("".join(parts)))
    for line in grid["after"] or [""]:
        document.add_paragraph(line)
    document.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
