"""Shared by the export tests: the reference forms written in each format, and a row-by-row check."""
from __future__ import annotations

from pathlib import Path

from helpers import formdump
from helpers.reference_forms import read_reference, reference_dump

from goalform.formats.export import export_file

# Cells where an export of a reference form differs from the reference dump, and why. Nothing else
# may differ. (The filler row would differ against the original forms; tests/data holds the same
# made-up names our forms carry, so it does not here.)
EXEMPT: dict[str, dict[tuple[int, int], tuple[str, str]]] = {
    # known error of the 2024 form: income 合计 history cells hold 「100%」 instead of the totals
    "2024": {(7, 5): ("100%", "651.74"), (7, 6): ("100%", "655.81")},
    # known error of the 2026 form: its annual history header prints 「前 年」「上 年」, we print the years
    "2026": {(59, 4): ("前年", "2024年"), (59, 5): ("上年", "2025年")},
}


def export_reference(version: str, folder: Path, suffix: str) -> Path:
    result = read_reference(version)
    return export_file(result.form, result.template, folder / f"reference_{version}{suffix}")


def differing_cells(path: Path, version: str) -> dict[tuple[int, int], tuple[str, str]]:
    """Compare a written file with the reference dump cell by cell (formdump's normalisation, strict
    merge structure: the number of cells per row must match)."""
    _, rows, _ = formdump.dump(str(shown_as_excel(path) if path.suffix == ".xlsx" else path))
    want = [[formdump.norm(c) for c in row] for row in reference_dump(version)[1]]
    got = [[formdump.norm(c) for c in row] for row in rows]
    assert len(got) == len(want), f"{len(got)} rows, reference has {len(want)}"
    differ = {}
    for r, (g, w) in enumerate(zip(got, want)):
        assert len(g) == len(w), f"row {r}: {len(g)} cells, reference has {len(w)}: {g}"
        differ.update({(r, c): (wc, gc) for c, (gc, wc) in enumerate(zip(g, w)) if gc != wc})
    return differ


def shown_as_excel(path: Path) -> Path:
    """A copy of the workbook at ``path`` whose number cells hold the text Excel shows for them (the
    formats goalform writes: «0», «0.0», «0.00», the same with «%»), so a dump reads as the printed form.
    formdump reads raw values; a 占比 stored as the number 0.6068 is printed 「60.68%」."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for row in wb.worksheets[0].iter_rows():
        for cell in row:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                fmt = cell.number_format
                places = len(fmt.rstrip("%").partition(".")[2])
                value = cell.value * 100 if fmt.endswith("%") else cell.value
                cell.value = f"{value:.{places}f}" + ("%" if fmt.endswith("%") else "")
    shown = path.with_name(path.stem + "-shown.xlsx")
    wb.save(shown)
    return shown
