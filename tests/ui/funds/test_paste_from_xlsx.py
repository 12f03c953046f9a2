"""A block copied from a real .xlsx: openpyxl writes the workbook, the test reads it back and puts the
cells on the clipboard as Excel does (text/plain: the shown texts, tab-separated, rows ending in
CR LF; text/html: a <table> with one <td> per cell), then pastes into the funds table and a tree."""
from __future__ import annotations

from decimal import Decimal
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

openpyxl = pytest.importorskip("openpyxl")

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_text(cell) -> str:
    """The text Excel puts on the clipboard for a cell: numbers as formatted, text as it is."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        if cell.number_format == "#,##0.00":
            return f"{Decimal(str(value)):,.2f}"
        return str(value)
    return str(value)


def copy_as_excel(path: Path, cells: str) -> None:
    sheet = openpyxl.load_workbook(path).active
    rows = [[shown_text(c) for c in row] for row in sheet[cells]]
    text = "".join("\t".join(r) + "\r\n" for r in rows)
    html = ("<html><body><!--StartFragment--><table border=0 cellpadding=0 cellspacing=0>"
            + "".join("<tr height=19>" + "".join(f"<td class=xl65 x:num>{escape(c)}</td>" for c in r) + "</tr>"
                      for r in rows)
            + "</table><!--EndFragment--></body></html>")
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    amounts = [(1300, 1200, 1100.5), (350, 320, 300), (12.25, None, 8)]
    for r, row in enumerate(amounts, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            cell.number_format = "#,##0.00"
    sheet["A5"], sheet["B5"], sheet["C5"] = "办公费控制率", "≥95%", "≥96%"
    sheet["A6"], sheet["B6"], sheet["C6"] = "差旅费控制率", "≤80%", "≤85%"
    path = tmp_path / "figures.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("as_text_only", [False, True])
def test_amounts_copied_from_an_xlsx_paste_into_the_funds_table(window, qtbot, blank_doc, workbook,
                                                                   monkeypatch, as_text_only):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: told.append(text))
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    copy_as_excel(workbook, "B1:C3")  # the 前年 / 上年 figures of three lines
    if as_text_only:
        mime = QMimeData()
        mime.setText(QApplication.clipboard().text())
        QApplication.clipboard().setMimeData(mime)
    assert QApplication.clipboard().text().startswith("1,200.00\t1,100.50\r\n")
    start = window.findChild(QLineEdit, "fund_fiscal_prev2")
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.keyClick(start, Qt.Key.Key_V, CTRL)
    got = [[blank_doc.fund(l, c) for c in ("prev2", "prev1")] for l in ("fiscal", "special_account", "unit_funds")]
    assert got == [["1200", "1100.5"], ["320", "300"], ["", "8"]]
    assert window.findChild(QLineEdit, "total_income_prev1").text() == "1408.5"
    assert told == []


def test_indicator_rows_copied_from_an_xlsx_paste_into_a_tree(window, qtbot, blank_doc, workbook):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(4)
    QApplication.processEvents()
    tab = window.tab_pages[4]
    parent = next(c for r in blank_doc.roots("annual") for c in blank_doc.children(r)
                  if blank_doc.node(c).name == "公用经费控制")
    first = blank_doc.children(parent)[0]
    index = tab.model.index_of(first, 0)
    tab.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    copy_as_excel(workbook, "A5:C6")
    qtbot.keyClick(tab.view, Qt.Key.Key_V, CTRL)
    rows = [[blank_doc.node(i).get(c) for c in ("name", "prev2", "prev1")] for i in blank_doc.children(parent)]
    assert rows == [["办公费控制率", "≥95%", "≥96%"], ["差旅费控制率", "≤80%", "≤85%"]]
