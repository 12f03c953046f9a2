"""The comparison as .xlsx: one row per difference, years as numbers, untrusted text kept as text."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from openpyxl import load_workbook
from helpers.reference_forms import reference_form, reference_template

from goalform.domain.diff import diff_forms
from goalform.formats.diff_xlsx import TABLE_ROW, write_diff


def test_rows_years_and_untrusted_text(tmp_path: Path) -> None:
    a = reference_form("2024")
    b = copy.deepcopy(a)
    b.funds[("fiscal", "prev2")] = "700"
    b.filler = "=1+1\x07"  # a formula and a control character .xlsx cannot hold
    t = reference_template("2024")
    diffs = diff_forms(a, b, t, t)
    target = tmp_path / "diff.xlsx"
    write_diff(target, diffs, "a.goal（2024年）", "b.goal（2024年）")
    ws = load_workbook(target).active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=TABLE_ROW + 1)]
    assert [r[0] for r in rows] == ["填报人", "财政拨款（2022年金额）"]
    assert rows[0][3] == "=1+1" and ws.cell(TABLE_ROW + 1, 4).data_type == "s"
    assert rows[1][1] == 2022 and rows[1][2:4] == ["651.74", "700"]
    assert rows[1][4] == "财政拨款（2022年金额）：「651.74」 改为 「700」"
    assert ws.auto_filter.ref == f"A{TABLE_ROW}:E{TABLE_ROW + 2}"
    assert [p.name for p in tmp_path.iterdir()] == ["diff.xlsx"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    """The diff export goes through the one safe writer: a full disk leaves the previous file and no
    temporary file, and says so in Chinese."""
    from goalform.formats import output
    from goalform.formats.output import ExportError

    target = tmp_path / "diff.xlsx"
    target.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", full)
    with pytest.raises(ExportError, match="磁盘已满"):
        write_diff(target, [], "a", "b")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["diff.xlsx"]
