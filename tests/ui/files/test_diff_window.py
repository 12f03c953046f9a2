"""与另一文件比较: the comparison dock (table, filter, jump to the cell in the open form, export to
.xlsx), last year's form against this year's."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from helpers.reference_forms import reference_form, reference_template
from helpers.ui import type_text

from goalform.domain.rollover import roll_forward
from goalform.store.document import Document
from goalform.ui.files.diff_window import COL_AFTER, COL_BEFORE, COL_WHERE, COL_YEAR, DiffDock
from goalform.ui.indicators.model import IdRole

FUNDS_TAB, ANNUAL_TAB = 1, 4


def _save(form, path: Path) -> Path:
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


@pytest.fixture
def two_years(tmp_path: Path) -> tuple[Path, Path]:
    """Last year's form (2024) and this year's (its rollover, with a corrected 2023 figure, the 2024
    actual of an indicator and one indicator fewer)."""
    last = reference_form("2024")
    last.department = '=HYPERLINK("http://example.invalid","x")'  # must stay text in the export
    this = roll_forward(last, reference_template("2024")).form
    this.department = "鄂州市示例中心"
    this.funds[("fiscal", "prev2")] = "660"  # 2023: 655.81 in last year's form (its 上年)
    this.annual[0].children[0].children[0].prev1 = "98%"  # 2024: ≤100% expected last year
    del this.annual[1].children[1].children[0]  # 预算编制科学性 removed
    return _save(last, tmp_path / "2024.goal"), _save(this, tmp_path / "2025.goal")


def compare_with(window, qtbot, monkeypatch, other: Path) -> DiffDock:
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(other), ""))
    window.files.compare_action.trigger()
    dialog = window.files.diff_window
    assert isinstance(dialog, DiffDock) and dialog.isVisible()
    assert window.dockWidgetArea(dialog) in (Qt.DockWidgetArea.RightDockWidgetArea,
                                             Qt.DockWidgetArea.BottomDockWidgetArea)
    qtbot.waitUntil(lambda: dialog.table.isVisible() and dialog.table.viewport().height() > 40)
    return dialog


def rows(dialog: DiffDock) -> list[list[str]]:
    proxy = dialog.proxy
    return [[proxy.index(r, c).data() for c in range(4)] for r in range(proxy.rowCount())]


def row_of(dialog: DiffDock, text: str) -> int:
    return next(r for r, row in enumerate(rows(dialog)) if text in row[COL_WHERE])


def double_click(qtbot, dialog: DiffDock, row: int) -> None:
    table = dialog.table
    index = dialog.proxy.index(row, COL_WHERE)
    table.scrollTo(index)
    QApplication.processEvents()
    center = table.visualRect(index).center()
    # As a mouse delivers it: a click, then the double-click (QTest's double-click alone lacks the first press).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)


def test_this_years_form_against_last_years_shows_only_real_changes_by_year(window, qtbot, qtmodeltester, monkeypatch,
                                                                             two_years):
    last, this = two_years
    window.files.open_path(this)
    dialog = compare_with(window, qtbot, monkeypatch, last)
    model = dialog.model
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (COL_BEFORE, COL_AFTER)] == ["之前（2024年）", "之后（2025年）"]
    assert "之前：2024.goal（2024年）" in dialog.summary.text() and "2022年、2025年未比较" in dialog.summary.text()
    table = rows(dialog)
    fund = table[row_of(dialog, "财政拨款")]
    assert fund == ["财政拨款（2023年金额）", "2023", "655.81", "660"]
    assert table[row_of(dialog, "公用经费控制率")][1:] == ["2024", "≤100%", "98%"]
    assert not any("2022" == row[COL_YEAR] for row in table)
    assert len([r for r in table if r[COL_YEAR]]) == 3  # the fund, the indicator and the printed 「100%」 total

    # Jump: double-click the 2023 amount -> the 资金情况 tab, the 2023 cell (上年 column... of 2025: prev2).
    window.tabs.setCurrentIndex(0)
    double_click(qtbot, dialog, row_of(dialog, "财政拨款"))
    assert window.tabs.currentIndex() == FUNDS_TAB
    assert window.focusWidget().objectName() == "fund_fiscal_prev2"
    # ... the indicator row in the open form, on its 上年值 (2024) cell.
    double_click(qtbot, dialog, row_of(dialog, "公用经费控制率"))
    assert window.tabs.currentIndex() == ANNUAL_TAB
    view = window.tab_pages[ANNUAL_TAB].view
    leaf = window.doc.load_form().annual[0].children[0].children[0]
    assert view.currentIndex().data(IdRole) == leaf.id
    assert window.tab_pages[ANNUAL_TAB].model.columns[view.currentIndex().column()] == "prev1"
    # A removed indicator is only in the other file: the window says so and stays where it is.
    double_click(qtbot, dialog, row_of(dialog, "预算编制科学性"))
    assert "只在另一个文件中" in dialog.hint.text()


def test_filter_and_export_what_is_shown(window, qtbot, monkeypatch, tmp_path, two_years):
    last, this = two_years
    window.files.open_path(this)
    dialog = compare_with(window, qtbot, monkeypatch, last)
    total = dialog.model.rowCount()
    qtbot.keyClicks(dialog.filter, "2023")
    shown = rows(dialog)
    assert shown and len(shown) < total and all("2023" in "".join(r) for r in shown)
    assert dialog.count.text() == f"显示 {len(shown)} / {total} 处"
    dialog.filter.clear()
    assert dialog.proxy.rowCount() == total

    target = tmp_path / "比较"
    monkeypatch.setattr("goalform.ui.files.diff_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    type_text(dialog.filter, "部门")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "比较.xlsx"
    assert written.exists() and "已导出" in dialog.hint.text()
    assert not list(tmp_path.glob(".*.tmp"))
    ws = load_workbook(written).active
    assert ws["B1"].value == "2024.goal（2024年）" and ws["B2"].value == "2025.goal（2025年）"
    assert ws["A3"].value == "筛选：部门"
    assert [c.value for c in ws[4]] == ["位置", "年份", "之前", "之后", "说明"]
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    assert len(body) == 1 and body[0][0] == "部门（单位）名称"
    injected = ws["C5"]
    assert injected.value.startswith("=HYPERLINK") and injected.data_type == "s"


def test_the_older_open_form_comes_first_and_jumps_in_itself(window, qtbot, monkeypatch, two_years):
    last, this = two_years
    window.files.open_path(last)
    dialog = compare_with(window, qtbot, monkeypatch, this)
    assert dialog.model.headerData(COL_BEFORE, Qt.Orientation.Horizontal) == "之前（2024年）"
    window.tabs.setCurrentIndex(0)
    double_click(qtbot, dialog, row_of(dialog, "财政拨款"))
    assert window.focusWidget().objectName() == "fund_fiscal_prev1"  # 2023 in the 2024 form
    double_click(qtbot, dialog, row_of(dialog, "预算编制科学性"))  # removed: the open (older) form has it
    assert window.tabs.currentIndex() == ANNUAL_TAB


def test_equal_forms_and_an_unreadable_file(window, qtbot, monkeypatch, tmp_path, saved_reference):
    window.files.open_path(saved_reference)
    copy_path = tmp_path / "copy.goal"
    copy_path.write_bytes(saved_reference.read_bytes())
    dialog = compare_with(window, qtbot, monkeypatch, copy_path)
    assert "两个文件内容相同" in dialog.summary.text() and dialog.model.rowCount() == 0
    assert not dialog.export_button.isEnabled()
    dialog.close_button.click()
    assert not dialog.isVisible()
    again = compare_with(window, qtbot, monkeypatch, copy_path)  # a new comparison replaces the old one
    assert again is not dialog and window.findChildren(DiffDock, "diff_window") == [again]

    bad = tmp_path / "bad.goal"
    bad.write_bytes(b"not a form")
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.files.compare_action.trigger()
    assert warnings and warnings[0][0] == "比较失败" and "bad.goal" in warnings[0][1]
    assert window.files.diff_window is again and window.doc is not None  # the last comparison stays


def test_after_the_form_is_closed_a_row_does_not_jump(window, qtbot, monkeypatch, two_years):
    last, this = two_years
    window.files.open_path(this)
    dialog = compare_with(window, qtbot, monkeypatch, last)
    window.set_document(None)
    double_click(qtbot, dialog, 0)
    assert "已关闭" in dialog.hint.text()


def test_the_export_reports_a_file_that_cannot_be_written(window, qtbot, monkeypatch, tmp_path, two_years):
    last, this = two_years
    window.files.open_path(this)
    dialog = compare_with(window, qtbot, monkeypatch, last)
    folder = tmp_path / "missing" / "x.xlsx"
    monkeypatch.setattr("goalform.ui.files.diff_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(folder), ""))
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    assert not dialog.export()
    assert warnings and warnings[0][0] == "导出失败" and dialog.isVisible()


def test_export_of_a_form_with_errors_asks_first(window, monkeypatch, tmp_path, saved_reference):
    window.files.open_path(saved_reference)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda p, t, text, *a: asked.append(text) or answer[0])
    saves: list[str] = []
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr("goalform.ui.files.actions.QFileDialog.getSaveFileName",
                        lambda *a, **k: saves.append("asked") or (str(target), ""))
    window.files.export_action.trigger()
    assert asked and asked[0].startswith("此表还有 ") and asked[0].endswith(" 个错误，仍要导出吗？")
    assert saves == [] and not target.exists()
    answer[0] = QMessageBox.StandardButton.Yes
    window.files.export_action.trigger()
    assert target.exists()


def _export_to(dialog: DiffDock, qtbot, monkeypatch, target: Path) -> list[tuple[str, str]]:
    """Click 导出 Excel… choosing ``target`` in the file dialog; the warnings shown."""
    monkeypatch.setattr("goalform.ui.files.diff_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return warnings


def test_the_export_goes_through_the_safe_writer(window, qtbot, monkeypatch, tmp_path, two_years):
    """Issue 23 item 7: a read-only file is refused (not replaced), a FIFO refused at once (no hang, not
    replaced), a symlink's target written (the link stays a link), and neither compared file is ever
    replaced through a link."""
    import os
    import stat

    last, this = two_years
    window.files.open_path(this)
    dialog = compare_with(window, qtbot, monkeypatch, last)

    locked = tmp_path / "只读.xlsx"
    locked.write_bytes(b"keep me")
    locked.chmod(0o444)
    warnings = _export_to(dialog, qtbot, monkeypatch, locked)
    assert warnings and "只读" in warnings[0][1] and locked.read_bytes() == b"keep me"

    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "管道.xlsx"
        os.mkfifo(pipe)
        warnings = _export_to(dialog, qtbot, monkeypatch, pipe)
        assert warnings and "不是普通文件" in warnings[0][1] and stat.S_ISFIFO(os.lstat(pipe).st_mode)

        real = tmp_path / "real.xlsx"
        real.write_bytes(b"old")
        link = tmp_path / "link.xlsx"
        link.symlink_to(real)
        assert _export_to(dialog, qtbot, monkeypatch, link) == []
        assert link.is_symlink() and load_workbook(real).active["A4"].value == "位置"

        for compared in (last, this):
            before = compared.read_bytes()
            trap = tmp_path / f"trap-{compared.stem}.xlsx"
            trap.symlink_to(compared)
            warnings = _export_to(dialog, qtbot, monkeypatch, trap)
            assert warnings and "输入文件" in warnings[0][1] and compared.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_where_column_is_never_narrower_than_its_text(window, qtbot, monkeypatch, two_years, size):
    """Issue 21: at 1366x768 the 位置 column wrapped 「财政拨款（2024年金额）」 over five lines. Now the
    column is as wide as its widest text and 之前/之后 are on screen beside it at a readable width (the
    dock takes the width it needs beside the form, which scrolls)."""
    last, this = two_years
    window.resize(*size)
    window.open_path(this)
    dialog = compare_with(window, qtbot, monkeypatch, last)
    qtbot.wait(50)  # the dock's size is set once laid out
    table = dialog.table
    header = table.horizontalHeader()
    assert header.sectionSize(COL_WHERE) >= table.sizeHintForColumn(COL_WHERE)
    widest = max(table.fontMetrics().horizontalAdvance(str(row[COL_WHERE])) for row in rows(dialog))
    assert header.sectionSize(COL_WHERE) >= widest
    right_edge = header.sectionViewportPosition(COL_AFTER) + header.sectionSize(COL_AFTER)
    assert right_edge <= table.viewport().width() + 1, "之前/之后 off screen"
    assert header.sectionSize(COL_BEFORE) >= table.fontMetrics().horizontalAdvance("0") * 12  # not a column of characters
    if window.dockWidgetArea(dialog) == Qt.DockWidgetArea.RightDockWidgetArea:  # beside the form: all of it
        assert dialog.width() >= dialog.needed_width() - 2


def test_without_room_beside_the_form_the_comparison_goes_below_it(window, qtbot, monkeypatch, two_years):
    last, this = two_years
    window.resize(1024, 768)
    window.open_path(this)
    dialog = compare_with(window, qtbot, monkeypatch, last)
    qtbot.wait(50)
    assert window.dockWidgetArea(dialog) == Qt.DockWidgetArea.BottomDockWidgetArea
    header = dialog.table.horizontalHeader()
    assert header.sectionSize(COL_WHERE) >= dialog.table.sizeHintForColumn(COL_WHERE)
