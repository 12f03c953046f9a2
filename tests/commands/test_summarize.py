"""goalform summarize: files and folders to one .xlsx row per form, unreadable files listed with the reason."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from helpers.valid_forms import find, valid_form

from goalform.cli import main
from goalform.domain.review import Status
from goalform.domain.summary import summarize_form
from goalform.formats.summary_xlsx import SHEET_FORMS, SHEET_UNREADABLE
from goalform.store import Document
from goalform.store.batch import collect_paths, summarize_paths


def save(form, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


@pytest.fixture
def pile(tmp_path: Path) -> Path:
    """A folder as a reviewer receives it: good forms, one in a subfolder, a changed submission, junk."""
    folder = tmp_path / "收件"
    a, _ = valid_form("2026")
    a.department = "甲局"
    a.funds[("fiscal", "current")] = "509.41"
    a.funds[("operation", "current")] = "469.41"
    save(a, folder / "a.goal")
    b, _ = valid_form("2024")
    b.department = "乙局"
    find(b, "annual", "会议费控制率").value = "有效提升"
    save(b, folder / "子目录" / "b.goal")
    c, _ = valid_form("2026")
    c.department = "丙局"
    path = save(c, folder / "c.goal")
    with Document.open(path) as doc:
        doc.submit("李文静")
        doc.save()
        doc.set_field("tasks", "提交后改过")
        doc.save()
    (folder / "坏.goal").write_bytes(b"not a database" * 50)
    (folder / "空.goal").write_bytes(b"")
    (folder / "丁局.docx").write_bytes(b"PK")  # a submission sent as Word: listed, not dropped
    (folder / "Thumbs.db").write_bytes(b"x")  # system and hidden files are nobody's submission
    (folder / ".hidden.goal").write_bytes(b"x")
    return folder


def test_summarize_a_folder(pile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = pile / "汇总.xlsx"  # written into the folder it summarises
    out.write_bytes(b"an older summary")
    assert main(["summarize", str(pile), "-o", str(out)]) == 1  # some files were not summarised
    captured = capsys.readouterr()
    assert "已汇总 3 张表（3 个文件未能汇总，见上），写入" in captured.out
    assert "坏.goal" in captured.err and "空.goal" in captured.err and "丁局.docx" in captured.err

    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_FORMS]
    header = [c.value for c in ws[1]]
    for name in ("部门（单位）", "版本", "年度", "财政拨款（万元）", "收入合计（万元）", "年度指标·运行成本",
                 "量化指标占比", "错误", "警告", "状态", "指纹（SHA-256）", "文件"):
        assert name in header
    col = {name: i for i, name in enumerate(header)}
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=4)]
    assert [r[col["部门（单位）"]] for r in rows] == ["甲局", "丙局", "乙局"]  # a, c, 子目录/b
    first = rows[0]
    assert first[col["财政拨款（万元）"]] == pytest.approx(509.41)
    assert ws.cell(row=2, column=col["财政拨款（万元）"] + 1).number_format == "0.00"
    assert first[col["版本"]] == "2026" and first[col["年度"]] == 2026
    assert first[col["错误"]] == 0 and first[col["状态"]] == "草稿"
    assert len(first[col["指纹（SHA-256）"]]) == 64
    changed = rows[1]
    assert changed[col["状态"]] == "已提交" and changed[col["状态人"]] == "李文静"
    assert changed[col["提交后被修改"]] == "是" and changed[col["错误"]] == 1
    b_row = rows[2]
    assert b_row[col["警告"]] >= 1 and b_row[col["量化指标占比"]] == pytest.approx(73 / 74, abs=0.001)
    # The totals row follows the filter.
    totals = [c.value for c in ws[5]]
    assert totals[0].startswith("合计（3 张表")
    x = openpyxl.utils.get_column_letter(col["财政拨款（万元）"] + 1)
    assert totals[col["财政拨款（万元）"]] == f"=SUBTOTAL(109,{x}2:{x}4)"
    assert totals[col["量化指标占比"]].startswith("=IFERROR(SUBTOTAL(109,")
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}4"
    assert ws.freeze_panes == "B2"

    bad = [[c.value for c in r] for r in wb[SHEET_UNREADABLE].iter_rows()]
    assert bad[0] == ["文件", "原因"]
    reasons = {Path(p).name: reason for p, reason in bad[1:]}
    assert set(reasons) == {"坏.goal", "空.goal", "丁局.docx"}
    assert "不是 goalform 文件" in reasons["坏.goal"] and "空" in reasons["空.goal"]
    assert "请先导入" in reasons["丁局.docx"]
    assert main(["summarize", str(pile), "-o", str(out)]) == 1  # run again: its own output is not listed


def test_summarize_all_good_files_exits_0(tmp_path: Path) -> None:
    form, _ = valid_form("2026")
    one = save(form, tmp_path / "one.goal")
    out = tmp_path / "s.xlsx"
    assert main(["summarize", str(one), str(one), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb[SHEET_FORMS].max_row == 3  # header, one form (given twice, read once), totals
    assert wb[SHEET_UNREADABLE]["A2"].value == "全部 1 个文件均已读取"


def test_summarize_nothing_usable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.goal").write_bytes(b"junk" * 100)
    out = tmp_path / "s.xlsx"
    assert main(["summarize", str(tmp_path / "x.goal"), "-o", str(out)]) == 2
    assert "未汇总" in capsys.readouterr().err
    assert openpyxl.load_workbook(out)[SHEET_UNREADABLE]["B2"].value  # the reason is in the report too
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    assert main(["summarize", str(empty), "-o", str(tmp_path / "t.xlsx")]) == 2
    assert "没有找到 .goal 文件" in capsys.readouterr().err
    assert not (tmp_path / "t.xlsx").exists()
    assert main(["summarize", str(empty), "-o", str(tmp_path / "t.csv")]) == 2


def test_batch_api_reports_progress_and_can_be_cancelled(pile: Path) -> None:
    files, problems = collect_paths([pile, pile / "nope.goal"])
    assert [f.name for f in files] == ["a.goal", "c.goal", "坏.goal", "b.goal", "空.goal"]  # by path below the folder
    assert [(Path(m.path).name, m.reason[:6]) for m in problems] == [("丁局.docx", "不是 goa"), ("nope.goal", "找不到文件或")]
    seen: list[tuple[int, int]] = []
    result = summarize_paths([pile], progress=lambda done, total, path: seen.append((done, total)))
    assert seen == [(i, 5) for i in range(5)] and result.total == 6 and not result.cancelled
    calls = iter([False, False, True])
    partial = summarize_paths([pile], cancelled=lambda: next(calls))
    assert partial.cancelled and len(partial.summaries) + len(partial.unreadable) == 3  # two read + the .docx


def test_summary_of_a_form() -> None:
    form, template = valid_form("2026")
    find(form, "annual", "会议费控制率").value = "有效提升"
    s = summarize_form(form, template, "x.goal")
    assert s.funds["fiscal"] == Decimal("100") and s.totals[("income", "current")] == Decimal("100")
    assert s.annual_counts["运行成本"] == 4 and s.annual_count == 37 and s.long_term_count == 37
    assert (s.quantified.quantified, s.quantified.total) == (73, 74)
    assert s.errors == 0 and s.warnings == 1  # the qualitative 指标值
    assert s.status is Status.DRAFT and not s.modified_after_status


def test_untrusted_text_stays_text(tmp_path: Path) -> None:
    form, _ = valid_form("2026")
    form.department = '=HYPERLINK("http://example.invalid","点我")'
    form.filler = "李\x07文静"
    save(form, tmp_path / "in" / "x.goal")
    form.department = "控制\x01字符局"
    save(form, tmp_path / "in" / "y.goal")
    out = tmp_path / "s.xlsx"
    assert main(["summarize", str(tmp_path / "in"), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)[SHEET_FORMS]
    assert ws["A2"].value == '=HYPERLINK("http://example.invalid","点我")' and ws["A2"].data_type == "s"
    assert ws["A3"].value == "控制字符局"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_like_a_formula_gets_the_quote_prefix(tmp_path: Path, start: str) -> None:
    """Issue 13, item 11: also in the summary, such a cell is marked as typed text (Excel's ' prefix),
    so that editing it, or saving the sheet as CSV, does not turn it into a formula."""
    import dataclasses

    from goalform.formats.summary_xlsx import write_summary

    form, template = valid_form("2026")
    summary = summarize_form(form, template, "x.goal")  # (which trims a leading tab or CR: set it after)
    out = tmp_path / "s.xlsx"
    write_summary(out, [dataclasses.replace(summary, department=f"{start}SUM(A1)局")], [])
    cell = openpyxl.load_workbook(out)[SHEET_FORMS]["A2"]
    assert cell.value == f"{start}SUM(A1)局" and cell.data_type == "s" and cell.quotePrefix


def test_a_text_longer_than_a_cell_is_cut_visibly(tmp_path: Path) -> None:
    from goalform.formats.summary_xlsx import CUT, build_workbook
    from goalform.formats.xlsx_writer import CELL_CHARS

    form, template = valid_form("2026")
    form.department = "局" * 40_000
    wb = build_workbook([summarize_form(form, template, "x.goal")], [("y.goal", "坏" * 40_000)])
    value = wb[SHEET_FORMS]["A2"].value
    assert len(value) == CELL_CHARS and value.endswith(CUT)
    assert wb[SHEET_UNREADABLE]["B2"].value.endswith(CUT)


def test_a_summary_that_cannot_be_written_keeps_the_old_one(pile: Path, tmp_path: Path, monkeypatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    from goalform.formats import output

    out = tmp_path / "s.xlsx"
    out.write_bytes(b"last week's summary")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)
    assert main(["summarize", str(pile), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"goalform: 无法写入汇总表「{out}」：磁盘已满，原有文件未改动"
    assert out.read_bytes() == b"last week's summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.xlsx", "收件"]
