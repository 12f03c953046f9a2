"""import_file: Word and Excel forms as clerks really have them import whole; nothing is lost silently."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from docx import Document as WordDocument
from helpers.office_builders import Quirks, write_docx, write_xlsx
from helpers.reference_forms import VERSIONS, read_reference

from goalform.domain.diff import diff_forms
from goalform.domain.form import Indicator
from goalform.formats import legacy
from goalform.formats.reading import ReadError
from goalform.formats.importer import format_report, import_file

QUIRKS = {
    "plain": Quirks(),
    "repeated_merges": Quirks(repeated_merges=True),
    "spaced_labels": Quirks(spaced_labels=True),
    "bookmarks": Quirks(bookmarks=True),
    "placeholder_rows": Quirks(placeholder_rows=True),
    "empty_rows": Quirks(empty_rows=True),
    "line_breaks": Quirks(paragraphs=False),
    "thousands": Quirks(thousands=True),
    "share_without_percent": Quirks(share_without_percent=True),
    "everything": Quirks(repeated_merges=True, spaced_labels=True, bookmarks=True, placeholder_rows=True,
                         empty_rows=True, paragraphs=False, thousands=True, share_without_percent=True),
}


def expected(version: str, quirks: Quirks):
    """The form the importer should give back: the reference, with the document's extra rows."""
    ref = read_reference(version)
    form = copy.deepcopy(ref.form)
    form.stated_totals = {}  # the builder prints the derived totals, which add up
    if quirks.placeholder_rows:
        for roots in (form.long_term, form.annual):
            for l1 in roots:
                for l2 in l1.children:
                    l2.children.append(Indicator(level=3, name=ref.template.placeholder))
    return ref, form


@pytest.mark.parametrize("quirk", list(QUIRKS))
@pytest.mark.parametrize("version", VERSIONS)
def test_word_quirks_import_whole(tmp_path: Path, version: str, quirk: str) -> None:
    quirks = QUIRKS[quirk]
    ref, want = expected(version, quirks)
    path = write_docx(tmp_path / "form.docx", ref.template, ref.form, quirks)
    result = import_file(path)
    assert result.report == [] and result.complete
    assert result.template.id == version and result.form.year == int(version)
    assert [d.message for d in diff_forms(want, result.form)] == []


@pytest.mark.parametrize("quirk", ["plain", "repeated_merges", "spaced_labels", "thousands", "share_without_percent"])
@pytest.mark.parametrize("version", VERSIONS)
def test_excel_quirks_import_whole(tmp_path: Path, version: str, quirk: str) -> None:
    quirks = QUIRKS[quirk]
    ref, want = expected(version, quirks)
    for numbers in (True, False):
        path = write_xlsx(tmp_path / f"form{numbers}.xlsx", ref.template, ref.form, quirks, numbers=numbers)
        result = import_file(path)
        assert result.report == []
        assert result.template.id == version and result.form.year == int(version)
        assert [d.message for d in diff_forms(want, result.form)] == []


def test_thousands_separators_and_units_become_plain_amounts(tmp_path: Path) -> None:
    ref = read_reference("2026")
    form = copy.deepcopy(ref.form)
    form.funds[("fiscal", "current")] = "12345.6"
    path = write_docx(tmp_path / "f.docx", ref.template, form, Quirks(thousands=True))
    imported = import_file(path).form
    assert imported.fund("fiscal", "current") == "12345.6"


def test_unplaced_cells_and_paragraphs_are_reported_and_kept_in_notes(tmp_path: Path) -> None:
    ref = read_reference("2024")
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    doc = WordDocument(str(path))
    table = doc.tables[0]
    row = table.add_row()
    row.cells[0].text = "单位负责人签字"
    row.cells[5].text = "王某"
    doc.paragraphs[0].insert_paragraph_before("附件2")
    extra = doc.add_table(rows=1, cols=2)
    extra.cell(0, 1).text = "审核意见：同意"
    doc.save(str(path))

    result = import_file(path)
    texts = {(item.row, item.column, item.text) for item in result.report}
    n_rows = len(table.rows)
    assert (n_rows, 1, "单位负责人签字") in texts
    assert any(item.text == "王某" and item.row == n_rows for item in result.report)
    assert (None, None, "附件2") in texts
    assert any(item.text == "审核意见：同意" and "第2张表格" in item.reason for item in result.report)
    for item in result.report:
        assert item.text.strip() in result.form.notes
    assert result.form.notes.startswith("导入「f.docx」时未能放入表中的内容（共 4 处）：")
    assert "4 处内容未能放入表中" in format_report(result.told())
    # What could be placed still was.
    assert result.form.department == ref.form.department and result.form.fund("fiscal", "current") == "509.41"


def test_version_and_year_can_be_overridden(tmp_path: Path) -> None:
    ref = read_reference("2026")
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    result = import_file(path, template_id="2026", year=2030)
    assert result.form.year == 2030 and result.template.id == "2026"
    with pytest.raises(ReadError, match="未知的模板版本"):
        import_file(path, template_id="1999")
    with pytest.raises(ReadError, match="年度"):
        import_file(path, year=10)


def _strip_history_labels(path: Path, title: str | None = None) -> None:
    """Blank the year labels of the history columns (and optionally replace the title)."""
    doc = WordDocument(str(path))
    for row in doc.tables[0].rows:
        for cell in row.cells:
            if cell.text.strip() in ("2022年", "2023年", "2022 年", "2023 年", "2024年", "2025年"):
                for p in cell.paragraphs:
                    for r in p.runs:
                        r.text = ""
    if title is not None:
        doc.paragraphs[0].runs[0].text = title
    doc.save(str(path))


def test_year_from_title_fill_date_or_deadline(tmp_path: Path) -> None:
    ref = read_reference("2024")
    path = write_docx(tmp_path / "a.docx", ref.template, ref.form)
    _strip_history_labels(path, title="2025年度部门整体绩效目标表")
    assert import_file(path).form.year == 2025  # the title says so

    form = copy.deepcopy(ref.form)
    form.deadline = "2027年12月"
    path = write_docx(tmp_path / "b.docx", ref.template, form)
    _strip_history_labels(path)
    assert import_file(path).form.year == 2025  # deadline 2027: the form is at most two years before

    ref26 = read_reference("2026")
    form = copy.deepcopy(ref26.form)
    form.fill_date = "2026-11-30"
    path = write_docx(tmp_path / "c.docx", ref26.template, form)
    _strip_history_labels(path)
    result = import_file(path)
    assert result.form.year == 2027 and result.form.fill_date == "2026-11-30"


@pytest.mark.parametrize("name,payload,message", [
    ("x.pdf", b"%PDF-1.4", "不是可导入的文件"),
    ("x.docx", b"garbage", "不是有效的 Word"),
    ("x.xlsx", b"garbage", "不是有效的 Excel"),
    ("x.bin", b"\xd0\xcf\x11\xe0rest", "旧版 Office 文件"),
])
def test_unusable_files_say_why(tmp_path: Path, name: str, payload: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(payload)
    with pytest.raises(ReadError, match=message):
        import_file(path)


def test_a_word_file_without_the_form(tmp_path: Path) -> None:
    doc = WordDocument()
    doc.add_paragraph("会议纪要")
    doc.save(str(tmp_path / "a.docx"))
    with pytest.raises(ReadError, match="没有找到表格"):
        import_file(tmp_path / "a.docx")
    doc.add_table(rows=2, cols=2).cell(0, 0).text = "姓名"
    doc.save(str(tmp_path / "b.docx"))
    with pytest.raises(ReadError, match="不像部门整体绩效目标表"):
        import_file(tmp_path / "b.docx")


def test_a_docx_with_the_wrong_extension_is_recognised(tmp_path: Path) -> None:
    ref = read_reference("2024")
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    renamed = path.rename(tmp_path / "f.dat")
    assert import_file(renamed).form.department == ref.form.department


def test_legacy_file_without_libreoffice_asks_to_save_as(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(legacy, "find_soffice", lambda: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(legacy.LibreOfficeMissing, match="另存为 .docx"):
        import_file(path)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(legacy.LibreOfficeMissing, match="Excel 中打开它，另存为 .xlsx"):
        import_file(xls)


@pytest.mark.slow
@pytest.mark.skipif(legacy.find_soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("version", VERSIONS)
def test_legacy_doc_through_libreoffice(tmp_path: Path, version: str) -> None:
    ref, want = expected(version, Quirks())
    docx = write_docx(tmp_path / "form.docx", ref.template, ref.form)
    # Make a real Word 97 .doc from our .docx with LibreOffice itself.
    import subprocess

    soffice = legacy.find_soffice()
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "out"), str(docx)],
                   check=True, capture_output=True, timeout=180)
    doc = tmp_path / "out" / "form.doc"
    named = tmp_path / "去年的表.doc"
    shutil.move(doc, named)
    result = import_file(named)
    assert "LibreOffice" in " ".join(result.notices)
    assert result.report == [] and result.template.id == version
    assert [d.message for d in diff_forms(want, result.form)] == []


def test_excel_with_a_cover_sheet_and_the_date_and_unit_in_two_cells(tmp_path: Path) -> None:
    import openpyxl

    ref, want = expected("2026", Quirks())
    path = write_xlsx(tmp_path / "f.xlsx", ref.template, ref.form)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    ws.merge_cells("A1:I1")  # the title centred over the table
    ws["A2"] = "填报日期：2025年12月31日"
    ws["H2"] = "单位：万元"
    cover = wb.create_sheet("封面", 0)
    cover["A1"] = "2026年部门预算"
    cover["B3"] = "编制单位：某局"
    wb.save(path)
    result = import_file(path)
    assert result.report == [] and result.template.id == "2026"
    assert result.form.fill_date == "2025-12-31"
    assert [d.message for d in diff_forms(want, result.form)] == []


@pytest.mark.slow
@pytest.mark.skipif(legacy.find_soffice() is None, reason="LibreOffice is not installed")
def test_legacy_xls_through_libreoffice(tmp_path: Path) -> None:
    import subprocess

    ref, want = expected("2026", Quirks())
    xlsx = write_xlsx(tmp_path / "form.xlsx", ref.template, ref.form)
    subprocess.run([legacy.find_soffice(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "xls", "--outdir", str(tmp_path / "out"), str(xlsx)],
                   check=True, capture_output=True, timeout=180)
    result = import_file(tmp_path / "out" / "form.xls")
    assert result.report == [] and result.template.id == "2026"
    assert [d.message for d in diff_forms(want, result.form)] == []


@pytest.mark.parametrize("label,deadline", [
    ("长期目标（截止2028年12月）", "2028年12月"),  # no colon
    ("长期目标：截止2028年", "2028年"),  # no brackets
    ("长期目标 ：", ""),  # no deadline at all
    ("长期目标", ""),
])
def test_long_term_goal_label_variants(tmp_path: Path, label: str, deadline: str) -> None:
    ref = read_reference("2026")
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    doc = WordDocument(str(path))
    cell = next(c for row in doc.tables[0].rows for c in row.cells if c.text.startswith("长期目标"))
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    cell.paragraphs[0].runs[0].text = label
    doc.save(str(path))
    result = import_file(path)
    assert result.report == []
    assert result.form.deadline == deadline
    assert result.form.text("long_term_goal") == ref.form.text("long_term_goal")


@pytest.mark.parametrize("version", VERSIONS)
def test_funds_lines_under_the_names_clerks_use(tmp_path: Path, version: str) -> None:
    """「财政拨款收入」, 「人员类项目」…: the other labels the template lists for a funds line import as it."""
    ref = read_reference(version)
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    doc = WordDocument(str(path))
    renamed = 0
    for group in ref.template.funds:
        for line in group.lines:
            assert line.aliases, line.key
            cell = next(c for row in doc.tables[0].rows for c in row.cells if c.text == line.label)
            cell.paragraphs[0].runs[0].text = line.aliases[-1]
            renamed += 1
    doc.save(str(path))
    result = import_file(path)
    assert renamed == 6 and result.report == []
    assert result.form.funds == ref.form.funds
