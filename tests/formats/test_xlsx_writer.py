"""The Excel export: same grid, merged ranges with full borders, text never a formula, A4 set-up."""
from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from helpers import formdump
import openpyxl
from openpyxl.utils import get_column_letter
import pytest
from .exported import EXEMPT, differing_cells, export_reference
from helpers.reference_forms import VERSIONS, read_reference

from goalform.formats.layout import build_grid
from goalform.formats.xlsx_writer import write_xlsx


@pytest.mark.parametrize("version", VERSIONS)
def test_xlsx_matches_reference_row_by_row(tmp_path: Path, version: str) -> None:
    path = export_reference(version, tmp_path, ".xlsx")
    assert differing_cells(path, version) == EXEMPT[version]
    before, _, after = formdump.dump(str(path))
    assert before[0] == read_reference(version).template.title
    if version == "2026":
        assert after[0] == "填报说明" and len(after) == 10


@pytest.mark.parametrize("text", ["=1+1", "=HYPERLINK(\"http://example.com\",\"x\")", "+86 27", "-5", "@SUM(A1)"])
def test_user_text_never_becomes_a_formula(tmp_path: Path, text: str) -> None:
    result = read_reference("2024")
    form = result.form
    form.department = text
    form.funds[("fiscal", "prev2")] = text  # an amount cell holding text stays text too
    form.annual[0].children[0].children[0].basis = text
    path = tmp_path / "x.xlsx"
    write_xlsx(build_grid(result.template, form), path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    found = [c for row in ws.iter_rows() for c in row if c.value == text]
    assert len(found) == 3
    assert all(c.data_type == "s" for c in found)
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def _raw_borders(path: Path) -> dict[str, set[str]]:
    """Cell reference -> the sides with a border, read from the file's XML (openpyxl's loader
    rewrites the borders of merged cells, so it cannot be used to check what was written)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        styles = ET.fromstring(z.read("xl/styles.xml"))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    borders = []
    for b in styles.find("m:borders", ns):
        borders.append({side for side in ("left", "right", "top", "bottom")
                        if (el := b.find(f"m:{side}", ns)) is not None and el.get("style") == "thin"})
    xfs = [int(xf.get("borderId", 0)) for xf in styles.find("m:cellXfs", ns)]
    return {c.get("r"): borders[xfs[int(c.get("s", 0))]] for c in sheet.iter(f"{{{ns['m']}}}c")}


def test_merged_ranges_have_borders_on_every_cell(tmp_path: Path) -> None:
    path = export_reference("2024", tmp_path, ".xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    raw = _raw_borders(path)
    table = [r for r in ws.merged_cells.ranges if r.max_row - r.min_row > 0 or (r.max_col - r.min_col) < 8]
    assert len(table) > 60
    for rng in table:
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                ref = f"{get_column_letter(col)}{row}"
                assert raw.get(ref) == {"left", "right", "top", "bottom"}, (str(rng), ref)


def test_amounts_are_numbers_and_page_is_set_up(tmp_path: Path) -> None:
    path = export_reference("2026", tmp_path, ".xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    values = [c.value for row in ws.iter_rows() for c in row]
    assert 1424 in values and 581.4 in values  # reviewers can sum them
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    # every table cell wraps, and rows with long text are taller than one line
    functions_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "部门职能概述")
    assert ws.row_dimensions[functions_row].height > 100
    assert ws.cell(functions_row, 3).alignment.wrap_text
    widths = [ws.column_dimensions[chr(65 + i)].width for i in range(9)]
    assert all(w >= 5 for w in widths)


def test_page_numbers_in_the_footer_and_the_unit_flush_right(tmp_path: Path) -> None:
    """Issue 16: 「第 X 页 共 Y 页」 (&P, &N) in the footer; 「单位：万元」 right-aligned as in the Word form."""
    path = export_reference("2026", tmp_path, ".xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    rows = {ws.cell(r, 1).value: ws.cell(r, 1) for r in range(1, 5)}
    assert rows["单位：万元"].alignment.horizontal == "right"
    assert rows["填报日期：2025年12月31日"].alignment.horizontal == "left"
    before, _, _ = formdump.dump(str(path))
    assert before == [read_reference("2026").template.title, "填报日期：2025年12月31日", "单位：万元"]
    path = export_reference("2024", tmp_path, ".xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.cell(2, 1).value == "单位：万元" and ws.cell(2, 1).alignment.horizontal == "right"


def test_a_text_longer_than_a_cell_is_refused_naming_the_field(tmp_path: Path) -> None:
    """Issue 13, item 9: Excel holds 32,767 characters a cell; a longer text is refused, never cut."""
    from goalform.formats.export import ExportError, export_file
    from goalform.formats.xlsx_writer import CELL_CHARS

    result = read_reference("2024")
    form = result.form
    form.texts["functions"] = "职" * CELL_CHARS  # fits exactly: written whole
    path = export_file(form, result.template, tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert "职" * CELL_CHARS in [c.value for row in ws.iter_rows() for c in row]
    before = path.read_bytes()
    form.texts["functions"] = "职" * (CELL_CHARS + 1)
    with pytest.raises(ExportError, match="「部门职能概述」有 32,768 个字.*Word 或 PDF"):
        export_file(form, result.template, path)
    form.texts["functions"] = ""
    leaf = form.annual[0].children[0].children[0]
    leaf.basis = "依" * 40_000
    with pytest.raises(ExportError, match=f"指标「{leaf.name}」有 40,000 个字"):
        export_file(form, result.template, path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]


@pytest.mark.parametrize("text", ["\tx", "\r1", "=1"])
def test_tab_and_carriage_return_starts_get_the_quote_prefix(tmp_path: Path, text: str) -> None:
    result = read_reference("2024")
    result.form.department = text
    path = tmp_path / "x.xlsx"
    write_xlsx(build_grid(result.template, result.form), path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == text)
    assert cell.data_type == "s" and cell.quotePrefix
