"""The Excel export is a sheet a reviewer can compute with: amounts and 占比 are numbers whose number
format shows exactly the printed text; nothing numeric is stored as text."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from helpers.reference_forms import VERSIONS, read_reference

from goalform.domain.amounts import parse_amount
from goalform.formats.layout import AMOUNT, DERIVED, build_grid

from .exported import export_reference, shown_as_excel


@pytest.mark.parametrize("version", VERSIONS)
def test_amounts_and_shares_are_numbers_shown_as_printed(tmp_path: Path, version: str) -> None:
    path = export_reference(version, tmp_path, ".xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    shown = openpyxl.load_workbook(shown_as_excel(path)).worksheets[0]
    numbers = [c for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
    shares = [c for c in numbers if c.number_format.endswith("%")]
    assert len(shares) >= 5 and len(numbers) - len(shares) >= 12, (len(shares), len(numbers))
    for cell in numbers:
        assert cell.number_format != "General"
        text = shown.cell(cell.row, cell.column).value
        if cell.number_format.endswith("%"):
            assert 0 <= cell.value <= 1 and text.endswith("%")
        else:
            assert float(text) == pytest.approx(cell.value)
    # Every amount, 合计 and 占比 of the grid is a number cell (only text a clerk typed that is no
    # amount stays text: «+86 27», «1,424万»).
    result = read_reference(version)
    grid = build_grid(result.template, result.form)
    figures = [c for row in grid.rows for c in row
               if c.role in (AMOUNT, DERIVED) and not c.merged and parse_amount(c.text.removesuffix("%")).value is not None]
    assert len(numbers) == len(figures)


def test_a_share_keeps_its_printed_decimals(tmp_path: Path) -> None:
    path = export_reference("2026", tmp_path, ".xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    formats = {c.number_format for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))}
    assert formats <= {"0", "0.0", "0.00", "0%", "0.0%", "0.00%"}, formats
