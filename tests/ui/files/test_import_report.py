"""The import report is one piece of data (formats.importer.ImportReport) that the GUI's 导入报告 box and
the CLI's output each render in their own words: the same notices and the same described texts."""
from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument
from helpers.office_builders import write_docx
from helpers.reference_forms import read_reference

from goalform.cli import main
from goalform.formats.importer import import_file
from goalform.ui import telling

LONG = "附表说明" + "很长的说明" * 60  # longer than the report shows (REPORT_TEXT_CHARS)


def word_file_with_stray_paragraphs(tmp_path: Path) -> Path:
    ref = read_reference("2026")
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    doc = WordDocument(str(path))
    doc.paragraphs[0].insert_paragraph_before("附件2")
    doc.add_paragraph(LONG)
    doc.save(str(path))
    return path


def test_the_gui_and_the_cli_tell_the_same_report(tmp_path, window, monkeypatch, capsys) -> None:
    path = word_file_with_stray_paragraphs(tmp_path)
    report = import_file(path).told()
    assert len(report.unplaced) == 2 and report.notices
    assert any("附件2" in line for line in report.unplaced)
    shortened = next(line for line in report.unplaced if "附表说明" in line)
    assert LONG not in shortened and f"（共 {len(LONG):,} 字）" in shortened

    assert main(["import", str(path), "-o", str(tmp_path / "f.goal")]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [*report.notices, f"已导入为 {tmp_path / 'f.goal'}", "以下 2 处内容未能放入表中，已保存在表的备注中：",
                       *(f"  {line}" for line in report.unplaced)]

    shown = []
    monkeypatch.setattr(telling, "choose", lambda parent, icon, title, text, *a, details="", **k:
                        shown.append((title, text, details)))
    assert window.files.import_path(path)
    assert shown == [("导入报告", "已导入「f.docx」。", "\n".join([
        *report.notices, "以下 2 处内容在表格中没有对应位置，已原样记入「备注」（基本信息页）：",
        *(f"· {line}" for line in report.unplaced)]))]


def test_an_import_with_everything_placed(tmp_path, capsys) -> None:
    ref = read_reference("2026")
    path = write_docx(tmp_path / "f.docx", ref.template, ref.form)
    report = import_file(path).told()
    assert report.unplaced == () and report.notices
    assert main(["import", str(path), "-o", str(tmp_path / "f.goal")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "所有内容均已导入。"
