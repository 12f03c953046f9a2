"""Budgets that count what is expanded, not what is stored (issue 23, items 1 and 3): a small .xlsx
whose cells all show one long shared (or inline) string, and unplaceable text past what a cell of the
notes holds, in import and in rollover."""
from __future__ import annotations

from pathlib import Path

from helpers import hostile_files as h
import pytest
from helpers.valid_forms import valid_form

from goalform import cli
from goalform.domain import limits
from goalform.domain.form import Indicator
from goalform.domain.rollover import roll_forward
from goalform.formats import importer, xlsx_reader
from goalform.formats.reading import ReadError
from goalform.formats.importer import import_file
from goalform.formats.library_xlsx import read_library
from goalform.store import Document


def test_cells_showing_one_shared_string_count_once_per_cell(tmp_path: Path) -> None:
    # 300 rows of 9 cells pointing to one 90,000-character string: 8 KB, 243 million characters.
    bomb = h.xlsx_shared_string_bomb(tmp_path / "bomb.xlsx", rows=300)
    assert bomb.stat().st_size < 64 * 1024
    with pytest.raises(ReadError, match=f"{limits.MAX_FORM_CHARS:,} 字.*每格都计入"):
        import_file(bomb)


def test_the_cli_refuses_it_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bomb = h.xlsx_shared_string_bomb(tmp_path / "bomb.xlsx", rows=1000)
    assert cli.main(["import", str(bomb), "-o", str(tmp_path / "out.goal")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "导入上限" in err and "Traceback" not in err
    assert not (tmp_path / "out.goal").exists()


def test_inline_strings_count_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "MAX_FORM_CHARS", 5_000)
    rows = h.FORM_ROWS + [["产出指标", "数量指标", "x" * 1000, "y" * 1000] for _ in range(3)]
    path = h.xlsx(tmp_path / "inline.xlsx", h.sheet_rows(rows))
    with pytest.raises(ReadError, match="5,000 字"):
        xlsx_reader.read_xlsx(path)


def test_a_library_sheet_of_shared_strings_is_refused(tmp_path: Path) -> None:
    bomb = h.xlsx_shared_string_bomb(tmp_path / "lib.xlsx", rows=9000, columns=5,
                                     header=["一级指标", "二级指标", "三级指标", "指标解释", "参考值"])
    with pytest.raises(ReadError, match="导入上限"):
        read_library(bomb)


def test_a_word_file_past_the_budget_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "MAX_FORM_CHARS", 50_000)
    body = h.word_table(h.FORM_ROWS) + "".join(f"<w:p><w:r><w:t>{'段' * 20_000}</w:t></w:r></w:p>" for _ in range(3))
    with pytest.raises(ReadError, match="60,\\d{3} 字，超过一张表 50,000 字的导入上限"):
        import_file(h.docx(tmp_path / "long.docx", body))


def test_unplaceable_text_past_the_notes_limit_is_cut_with_a_note(tmp_path: Path) -> None:
    # Twelve paragraphs of 90,000 characters after the table: none has a place in the form.
    body = h.word_table(h.FORM_ROWS) + "".join(
        f"<w:p><w:r><w:t>第{i}段{'长' * 90_000}</w:t></w:r></w:p>" for i in range(12))
    result = import_file(h.docx(tmp_path / "long.docx", body))
    notes = result.form.notes
    assert len(notes) <= limits.MAX_CELL_CHARS
    assert notes.startswith("导入「long.docx」时未能放入表中的内容（共 12 处）：")
    assert "第0段" in notes and "第11段" not in notes
    assert notes.splitlines()[-1].startswith("……其余 ") and "没有保存，请对照原文件" in notes.splitlines()[-1]
    assert len(result.report) == 12  # the report still lists every one
    assert len(importer.format_report(result.told())) < 12 * 400  # shown by their start
    with Document.from_form(result.form) as doc:  # and the form can be saved (it could not)
        doc.save(tmp_path / "long.goal")
    assert Document.open(tmp_path / "long.goal", read_only=True).field("notes") == notes


def test_rollover_marks_past_the_notes_limit_are_cut_and_the_form_saves(tmp_path: Path) -> None:
    form, template = valid_form("2026")
    l2 = form.annual[0].children[0]
    for i in range(150):
        l2.children.append(Indicator(level=3, name=f"指标{i}" + "名" * 990, value="≥90%", prev1="88%", prev2="80%",
                                     basis=template.basis.values[0], category=template.category.values[0]))
    form.notes = "办事员自己的备注"
    result = roll_forward(form, template)
    notes = result.form.notes
    assert len(notes) <= limits.MAX_CELL_CHARS
    assert notes.startswith("办事员自己的备注\n\n")
    assert "待核对的记录" in notes.splitlines()[-1]
    with Document.from_form(result.form) as doc:
        doc.save(tmp_path / "next.goal")
