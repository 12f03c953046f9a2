"""A province's summary (issue 25): worker processes and the streamed sheet give the summary one
process and openpyxl cell by cell give, for the same folder: every cell, its format and the order
of the rows."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from helpers.summary_pile import build_pile

from goalform.domain.review import Status
from goalform.formats.summary_xlsx import SHEET_FORMS, build_workbook, write_summary
from goalform.store import summary_reader

DEPARTMENTS = ["=HYPERLINK(\"x\")局", "+1 局", "-", "@局", "\t前有制表符", "\r前有回车", "  两边空格  ", "A & B <局>",
               "控制\x01字符", "局" * 40_000, "", "#N/A", "一\n二", "１２３", "'引号"]


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_pile(tmp_path_factory.mktemp("pile"), DEPARTMENTS, ["12.5", "abc", "", "1,000", "99999999999"])


def _one_process(monkeypatch: pytest.MonkeyPatch, folder: Path) -> summary_reader.SummaryRead:
    with monkeypatch.context() as m:
        m.setattr(summary_reader, "PARALLEL_FROM", 10**9)
        return summary_reader.summarize_paths([folder])


def test_worker_processes_give_the_result_of_one_process(pile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert summary_reader._workers(summary_reader.PARALLEL_FROM) > 1 or pytest.skip("one core")
    spread = summary_reader.summarize_paths([pile])
    single = _one_process(monkeypatch, pile)
    assert [s.path for s in spread.summaries] == [s.path for s in single.summaries]
    assert spread.summaries == single.summaries
    assert [s.findings for s in spread.summaries] == [s.findings for s in single.summaries]
    assert spread.unreadable == single.unreadable and len(spread.unreadable) == 2
    assert any(s.status is Status.SUBMITTED for s in spread.summaries)


def test_progress_and_cancel_with_worker_processes(pile: Path) -> None:
    seen: list[int] = []
    result = summary_reader.summarize_paths([pile], progress=lambda done, total, path: seen.append(done),
                                   cancelled=lambda: len(seen) >= 30)
    assert result.cancelled and seen == list(range(30)) and result.total == 30 + 1  # + the .docx found first


def _cells(ws) -> list[list[tuple]]:  # noqa: ANN001
    return [[(c.value, c.data_type, c.number_format, c.font.b, bool(c.quotePrefix), c.fill.fgColor.rgb,
              c.alignment.wrap_text) for c in row] for row in ws.iter_rows()]


def test_the_streamed_sheet_holds_what_openpyxl_writes_cell_by_cell(pile: Path, tmp_path: Path) -> None:
    result = summary_reader.summarize_paths([pile])
    unreadable = [(u.path, u.reason) for u in result.unreadable]
    out = tmp_path / "s.xlsx"
    write_summary(out, result.summaries, unreadable)
    reference = tmp_path / "reference.xlsx"
    build_workbook(result.summaries, unreadable).save(reference)
    streamed, expected = openpyxl.load_workbook(out), openpyxl.load_workbook(reference)
    assert streamed.sheetnames == expected.sheetnames
    for name in expected.sheetnames:
        a, b = streamed[name], expected[name]
        assert a.dimensions == b.dimensions
        assert _cells(a) == _cells(b)
        assert a.freeze_panes == b.freeze_panes and a.auto_filter.ref == b.auto_filter.ref
        assert {k: d.width for k, d in a.column_dimensions.items()} == {k: d.width for k, d in b.column_dimensions.items()}
        assert a.print_title_rows == b.print_title_rows and a.page_setup.orientation == b.page_setup.orientation
    ws = streamed[SHEET_FORMS]
    assert ws.max_row == len(result.summaries) + 2
    departments = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row)]
    assert any(d and d.startswith("=") for d in departments) and any(d and d.endswith("…（以下已截断）") for d in departments)


def test_no_forms_no_rows(tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    write_summary(out, [], [("a.goal", "坏")])
    reference = tmp_path / "r.xlsx"
    build_workbook([], [("a.goal", "坏")]).save(reference)
    a, b = openpyxl.load_workbook(out), openpyxl.load_workbook(reference)
    for name in b.sheetnames:
        assert _cells(a[name]) == _cells(b[name])
