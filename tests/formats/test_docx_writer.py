"""The Word export: the reference forms cell for cell, one table, proper fonts and page set-up."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from helpers import formdump
import pytest
from .exported import EXEMPT, differing_cells, export_reference
from helpers.reference_forms import VERSIONS, read_reference

from goalform.formats.docx_writer import write_docx
from goalform.formats.layout import build_grid

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize("version", VERSIONS)
def test_docx_matches_reference_row_by_row(tmp_path: Path, version: str) -> None:
    path = export_reference(version, tmp_path, ".docx")
    assert differing_cells(path, version) == EXEMPT[version]


@pytest.mark.parametrize("version", VERSIONS)
def test_one_table_with_title_lines_and_notes(tmp_path: Path, version: str) -> None:
    path = export_reference(version, tmp_path, ".docx")
    body = docx.Document(str(path)).element.body
    assert len(body.findall(W + "tbl")) == 1
    before, _, after = formdump.dump(str(path))
    template = read_reference(version).template
    assert before[0] == template.title
    assert any("单位：万元" in line for line in before)
    if version == "2026":
        assert "填报日期：2025年12月31日" in before[1]
        assert after[:len(template.lines_below)] == list(template.lines_below)
    else:
        assert not any(after)


def test_merges_fonts_and_page(tmp_path: Path) -> None:
    path = export_reference("2026", tmp_path, ".docx")
    document = docx.Document(str(path))
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
    assert 'w:eastAsia="宋体"' in styles  # body font for Chinese, where Word and WPS look for it
    assert 'w:eastAsia="黑体"' in xml and "<w:b/>" in xml  # the title's heading face
    rows = document.element.body.find(W + "tbl").findall(W + "tr")
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows)  # rows never split
    restarts = xml.count('<w:vMerge w:val="restart"/>')
    # 部门总体资金情况, 收入/支出构成, the funds header cells, both indicator sections and the annual
    # header cells, plus every 一级 and 二级 group of more than one row
    assert restarts > 40
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    widths = [int(c.get(W + "w")) for c in document.element.body.iter(W + "gridCol")]
    assert len(widths) == 9 and min(widths) >= 500 and sum(widths) <= section.page_width.twips - 2 * 1000


def test_user_text_is_escaped_and_control_characters_dropped(tmp_path: Path) -> None:
    result = read_reference("2024")
    form = result.form
    form.department = "A&B <部门> \x0b \"引号\""
    form.texts["tasks"] = "第一行\n第二行"
    path = tmp_path / "x.docx"
    write_docx(build_grid(result.template, form), path)
    _, rows, _ = formdump.dump(str(path))
    assert rows[0][1] == 'A&B <部门>  "引号"'
    assert rows[13][1] == "第一行\n第二行"  # line breaks become paragraphs


def test_page_numbers_in_the_footer(tmp_path: Path) -> None:
    """「第 X 页 共 Y 页」 as PAGE and NUMPAGES fields in the footer of the one section (issue 16)."""
    path = export_reference("2024", tmp_path, ".docx")
    document = docx.Document(str(path))
    footer = document.sections[0].footer
    assert not footer.is_linked_to_previous
    element = footer._element
    fields = [t.text.strip() for t in element.iter(W + "instrText")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "".join(t.text for t in element.iter(W + "t")) == "第 1 页 共 1 页"  # until Word computes them
    assert [c.get(W + "fldCharType") for c in element.iter(W + "fldChar")] == ["begin", "separate", "end"] * 2


def test_a_text_longer_than_an_xml_text_node_is_written_whole(tmp_path: Path) -> None:
    """Issue 13, item 9: a 部门职能概述 of 10 MB (over lxml's text-node limit) used to end in a traceback."""
    result = read_reference("2026")
    text = "负责综合保税区规划、建设、申报、管理等工作。" * 160_000  # 3.5 million characters, 10.6 MB as UTF-8
    result.form.texts["functions"] = text
    path = tmp_path / "long.docx"
    write_docx(build_grid(result.template, result.form), path)
    _, rows, _ = formdump.dump(str(path))
    assert max(len(cell) for row in rows for cell in row) == len(text)
    assert any(cell == text for row in rows for cell in row)


@pytest.mark.parametrize("version", VERSIONS)
def test_word_keeps_headings_with_what_follows(tmp_path: Path, version: str) -> None:
    """As on the PDF (issue 26): heading rows (funds, indicator headers) keep with the next row, and the
    short 填报说明 stays together, its heading with item 1."""
    result = read_reference(version)
    grid = build_grid(result.template, result.form)
    path = tmp_path / "x.docx"
    write_docx(grid, path)
    document = docx.Document(str(path))
    table = document.tables[0]
    for r, row in enumerate(grid.rows):
        kept = {p.paragraph_format.keep_with_next for c in row if not c.merged for p in table.cell(r, c.col).paragraphs}
        assert kept == {row.kind in ("funds_header", "indicator_header") or None}, r
    paragraphs = document.paragraphs
    if grid.after:
        notes = paragraphs[len(paragraphs) - len(grid.after):]
        assert [p.text for p in notes][1:] == grid.after[1:]
        assert [p.paragraph_format.keep_with_next for p in notes] == [True] * (len(notes) - 1) + [None]
