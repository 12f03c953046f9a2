"""The Excel reader: rows as formdump dumps them; numbers, percentages and dates as the clerk sees them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import formdump
import openpyxl
import pytest
from helpers.office_builders import write_xlsx
from helpers.reference_forms import VERSIONS, read_reference

from goalform.formats.content import ReadError
from goalform.formats.xlsx_reader import read_xlsx


@pytest.mark.parametrize("version", VERSIONS)
def test_rows_match_formdump(tmp_path: Path, version: str) -> None:
    ref = read_reference(version)
    path = write_xlsx(tmp_path / "f.xlsx", ref.template, ref.form, numbers=False)
    content = read_xlsx(path)
    assert (content.before, content.rows, content.after) == formdump.dump(str(path))


def test_cells_read_as_shown(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "标题"
    values = [1424, 581.4, 0.1 + 0.2, 0.0021, 1.0, dt.datetime(2025, 12, 31), "多行\r\n文字", None, 1e6]
    for c, v in enumerate(values, start=1):
        ws.cell(2, c, v)
        ws.cell(3, c, "x")
    ws.cell(2, 4).number_format = "0.00%"
    ws.cell(2, 5).number_format = "0%"
    ws["A5"] = "填报说明"
    path = tmp_path / "n.xlsx"
    wb.save(path)
    content = read_xlsx(path)
    assert content.before == ["标题"] and content.after == ["填报说明"]
    assert content.rows[0] == ["1424", "581.4", "0.3", "0.21%", "100%", "2025年12月31日", "多行\n文字", "", "1000000"]


def test_formatting_far_to_the_right_adds_no_columns(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 4):
        for c in range(1, 10):
            ws.cell(r, c, f"{r}{c}")
    ws.cell(1, 14).number_format = "0.00"  # touched but empty
    ws.cell(2, 14, "")
    path = tmp_path / "w.xlsx"
    wb.save(path)
    assert all(len(row) == 9 for row in read_xlsx(path).rows)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"nonsense")
    with pytest.raises(ReadError, match="不是有效的 Excel"):
        read_xlsx(path)


def test_parts_written_by_other_programs(tmp_path: Path) -> None:
    """What Excel, WPS and generators write that openpyxl does not: shared rich text with phonetic
    guides, rows and cells without addresses, booleans, errors, formula strings, ISO dates, the 1904
    date system and a date style."""
    from helpers import hostile_files as h

    ns = h.S_NS
    strings = (f'<sst xmlns="{ns}"><si><t>部门</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r>'
               '<rPh sb="0" eb="1"><t>ふ</t></rPh></si></sst>')
    styles = (f'<styleSheet xmlns="{ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>')
    rels = h._WORKBOOK_RELS.replace("</Relationships>", (
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>'))
    workbook = h._WORKBOOK.replace("<sheets>", '<workbookPr date1904="1"/><sheets>')
    data = ('<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="b"><v>1</v></c></row>'
            '<row><c t="e"><v>#N/A</v></c><c t="str"><v>公式</v></c><c t="d"><v>2025-12-31T00:00:00</v></c></row>'
            '<row r="4"><c r="B4" s="1"><v>44925</v></c><c s="2"><v>0.0125</v></c></row>')
    path = h.xlsx(tmp_path / "x.xlsx", data, extra={"xl/sharedStrings.xml": strings, "xl/styles.xml": styles,
                                                    "xl/_rels/workbook.xml.rels": rels, "xl/workbook.xml": workbook})
    rows = read_xlsx(path).rows
    expected = [["部门", "富文本", "是"], ["#N/A", "公式", "2025年12月31日"], ["", "", ""], ["", "2026年12月31日", "1.25%"]]
    assert [row[:3] for row in rows] == expected
    # 44925 is 2022-12-30 in the 1900 system: the workbook's 1904 system was honoured.
