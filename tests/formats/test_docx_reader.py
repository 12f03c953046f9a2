"""The Word reader: rows exactly as formdump dumps them, and the odd things hand-made files hold."""
from __future__ import annotations

from pathlib import Path

from helpers import formdump
import pytest
from docx import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from helpers.office_builders import Quirks, write_docx
from helpers.reference_forms import VERSIONS, read_reference

from goalform.formats.content import ReadError
from goalform.formats.docx_reader import read_docx

NS = nsdecls("w")


@pytest.mark.parametrize("version", VERSIONS)
def test_rows_match_formdump(tmp_path: Path, version: str) -> None:
    ref = read_reference(version)
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    content = read_docx(path)
    before, rows, after = formdump.dump(str(path))
    assert (content.before, content.rows, content.after) == (before, rows, after)
    assert content.other_tables == []


def _doc_with_table(tmp_path: Path, rows_xml: str, *, before: str = "", after: str = "") -> Path:
    doc = WordDocument()
    body = doc.element.body
    sect = body[-1]
    xml = f"<w:tbl {NS}><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{rows_xml}</w:tbl>"
    for fragment in (before, xml, after):
        if fragment:
            for el in parse_xml(f"<w:body {NS}>{fragment}</w:body>"):
                sect.addprevious(el)
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


def _tc(inner: str, pr: str = "") -> str:
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{inner}</w:tc>"


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def test_merges_bookmarks_breaks_and_paragraphs(tmp_path: Path) -> None:
    rows = (
        "<w:tr>" + _tc(_p("部门总体"), "<w:vMerge w:val='restart'/>") + _tc(_p("近两年"), "<w:gridSpan w:val='2'/>") + "</w:tr>"
        "<w:tr>" + _tc("<w:p/>", "<w:vMerge/>")
        + _tc("<w:p><w:bookmarkStart w:id='0' w:name='_GoBack'/><w:r><w:t>合</w:t></w:r>"
              "<w:bookmarkEnd w:id='0'/><w:r><w:t>计</w:t><w:br/><w:t>二行</w:t></w:r></w:p>" + _p("第二段"))
        + _tc("<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del>"
              "<w:ins><w:r><w:t>加上</w:t></w:r></w:ins></w:p>")
        + "</w:tr>"
    )
    content = read_docx(_doc_with_table(tmp_path, rows, before=_p("标题"), after=_p("说明")))
    assert content.rows == [["部门总体", "近两年"], ["", "合计\n二行\n第二段", "a b加上"]]
    assert content.before == ["标题"] and content.after == ["说明"]


def test_content_controls_and_legacy_horizontal_merge(tmp_path: Path) -> None:
    rows = (
        "<w:sdt><w:sdtContent><w:tr>" + _tc(_p("甲"), "<w:hMerge w:val='restart'/>") + _tc(_p(""), "<w:hMerge/>")
        + "<w:sdt><w:sdtContent>" + _tc(_p("乙")) + "</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>"
    )
    assert read_docx(_doc_with_table(tmp_path, rows)).rows == [["甲", "乙"]]


def test_nested_table_text_joins_its_cell(tmp_path: Path) -> None:
    nested = ("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>" + _tc(_p("x")) + _tc(_p("y"))
              + "</w:tr><w:tr>" + _tc(_p("z")) + _tc(_p("")) + "</w:tr></w:tbl>")
    rows = "<w:tr>" + _tc(_p("外") + nested + "<w:p/>") + _tc(_p("旁")) + "</w:tr>"
    content = read_docx(_doc_with_table(tmp_path, rows))
    assert content.rows == [["外\nx y\nz\n", "旁"]]


def test_text_box_text_once(tmp_path: Path) -> None:
    box = (
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r>"
        "<mc:AlternateContent xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'>"
        "<mc:Choice Requires='wps'><w:drawing><wps:txbx xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
        f"<w:txbxContent>{_p('框中文字')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent>{_p('框中文字')}</w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    content = read_docx(_doc_with_table(tmp_path, "<w:tr>" + _tc(_p("a")) + "</w:tr>", before=box))
    assert content.before == ["正文\n框中文字"]


def test_split_table_is_joined_and_the_form_is_the_largest_table(tmp_path: Path) -> None:
    small = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{_tc(_p('封面'))}</w:tr></w:tbl>"
    rows = "".join(f"<w:tr>{_tc(_p(str(i)))}{_tc(_p('v'))}</w:tr>" for i in range(3))
    second = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{_tc(_p('3'))}{_tc(_p('v'))}</w:tr></w:tbl>"
    path = _doc_with_table(tmp_path, rows, before=small + _p("标题"), after="<w:p/>" + second + _p("尾"))
    content = read_docx(path)
    assert [r[0] for r in content.rows] == ["0", "1", "2", "3"]
    assert content.other_tables == [[["封面"]]]
    assert content.before == ["标题"] and content.after == ["尾"]


def test_quirky_builder_reads_like_the_plain_one_after_folding(tmp_path: Path) -> None:
    ref = read_reference("2024")
    plain = read_docx(write_docx(tmp_path / "a.docx", ref.template, ref.form))
    quirky = read_docx(write_docx(tmp_path / "b.docx", ref.template, ref.form, Quirks(bookmarks=True, paragraphs=False)))
    assert quirky.rows == plain.rows  # bookmarks dropped, line breaks read as newlines


@pytest.mark.parametrize("payload", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_unreadable_files_raise_a_chinese_message(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(payload)
    with pytest.raises(ReadError, match="不是有效的 Word"):
        read_docx(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="找不到文件"):
        read_docx(tmp_path / "nope.docx")


def test_inserted_symbols_are_read(tmp_path: Path) -> None:
    rows = ("<w:tr>" + _tc("<w:p><w:r><w:sym w:font='Symbol' w:char='F0B3'/><w:t>95%</w:t></w:r></w:p>")
            + _tc("<w:p><w:r><w:sym w:font='Symbol' w:char='F0A3'/><w:t>100%</w:t>"
                  "<w:sym w:font='Wingdings' w:char='F0FC'/></w:r></w:p>")
            + _tc("<w:p><w:r><w:sym w:font='SimSun' w:char='2265'/><w:t>1</w:t></w:r></w:p>") + "</w:tr>")
    assert read_docx(_doc_with_table(tmp_path, rows)).rows == [["≥95%", "≤100%", "≥1"]]
