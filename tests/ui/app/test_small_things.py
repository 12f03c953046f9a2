"""Small things a clerk notices: a calendar for 填报日期, the phone placeholder accepted, every readable
format in the file dialogs, Qt's own dialogs in Chinese."""
from __future__ import annotations

import datetime
import re

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QToolButton
from helpers.ui import settle, type_text

from goalform.ui.files import actions as file_actions
from goalform.ui.app.app import install_translators


def _header(window, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    return window.tab_pages[0]


def test_the_fill_date_has_a_calendar_and_still_takes_typed_dates(window, qtbot, blank_doc):
    tab = _header(window, blank_doc)
    field = tab.fields["fill_date"]
    button = next(b for b in field.findChildren(QToolButton) if b.defaultAction() is tab.calendar)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    calendar = field.property("calendar")
    assert calendar.isVisible()
    start = calendar.selectedDate()
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)  # the next day …
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)  # … picked
    picked = start.addDays(1).toString("yyyy-MM-dd")
    assert not calendar.isVisible()
    assert field.text() == picked and blank_doc.field("fill_date") == picked
    window.undo_action.trigger()
    assert field.text() == datetime.date.today().isoformat() or field.text() == ""

    field.selectAll()
    field.setFocus()
    type_text(field, "2025年12月31日")
    settle(window)
    assert blank_doc.field("fill_date") == "2025年12月31日"
    assert field.property("severity") in ("", None)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert calendar.selectedDate().toString("yyyy-MM-dd") == "2025-12-31"  # the calendar opens on the typed date
    calendar.hide()


def test_the_phone_placeholder_is_a_valid_number(window, qtbot, blank_doc):
    tab = _header(window, blank_doc)
    phone = tab.fields["phone"]
    example = re.search(r"\d{3}-\d{8}", phone.placeholderText())[0]
    phone.setFocus()
    qtbot.keyClicks(phone, example)
    settle(window)
    assert blank_doc.field("phone") == example == "027-12345678"
    assert phone.property("severity") in ("", None)
    assert not [f for f in window.findings if f.rule == "header.phone"]


def test_file_dialogs_list_every_format_that_can_be_read(window, monkeypatch, blank_doc):
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a[3]), ("", ""))[1])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[3]), ("", ""))[1])
    window.files.import_action.trigger()
    window.files.open_action.trigger()
    window.set_document(blank_doc)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # export anyway
    window.files.export_action.trigger()
    imported, opened, exported = asked
    every = set(re.findall(r"\*(\.\w+)", imported.split(";;")[0]))
    assert {".docx", ".doc", ".wps", ".xlsx", ".xls", ".et"} <= every
    assert every <= set(re.findall(r"\*(\.\w+)", opened))
    assert opened.startswith("goalform 表格 (*.goal)")
    assert [f.rsplit("(", 1)[1] for f in exported.split(";;")] == ["*.docx)", "*.xlsx)", "*.pdf)"]


def test_opening_a_legacy_office_file_imports_it(window, monkeypatch, tmp_path):
    imported = []
    monkeypatch.setattr(window.files, "import_path", lambda path: imported.append(path) or True)
    for name in ("old.doc", "old.WPS", "old.xls", "old.et", "new.xlsx"):
        window.files.open_path(tmp_path / name)
    assert [p.name for p in imported] == ["old.doc", "old.WPS", "old.xls", "old.et", "new.xlsx"]
    assert not file_actions.is_importable(tmp_path / "form.goal")


def test_qt_dialogs_speak_chinese(qtbot, qapp):
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if not QTranslator().load(QLocale("zh_CN"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        pytest.skip("this PySide6 ships without qtbase_zh_CN.qm")
    install_translators(qapp, "zh")  # as the program does at start
    dialog = QFileDialog(None, "打开", "", "goalform 表格 (*.goal)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert not [t for t in labels if re.search(r"[A-Za-z]{3,}", t.replace("goalform", ""))], labels
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] in (["确定", "取消"], ["取消", "确定"])
