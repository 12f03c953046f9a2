"""A fresh form guides: empty required cells are 待填 until the clerk asks for a check (F5, export…)."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from helpers.ui import settle, type_text

from goalform.ui.markers import marker_icon


def _count(window, word: str) -> int:
    found = re.search(word + r" (\d+)", window.count_label.text())
    return int(found[1]) if found else 0


def test_a_fresh_form_shows_what_to_fill_in_not_errors(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    settle(window)
    assert _count(window, "错误") == 0 and _count(window, "警告") == 0
    pending = _count(window, "待填")
    assert pending > 100 and "待填 %d 项" % pending in window.count_label.text()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[0] == "基本信息 · 待填 4" and "年度目标 · 待填" in titles[4] and titles[5] == "填报说明"
    per_tab = sum(int(t.rsplit(" ", 1)[1]) for t in titles if "待填" in t)
    assert per_tab == pending  # every 待填 is counted on exactly one tab
    first = window.dock.list.item(0)
    assert first.text(0).startswith("待填：")
    assert first.icon(0).cacheKey() == marker_icon("pending").cacheKey()
    department = window.tab_pages[0].fields["department"]
    assert department.property("severity") == "pending"


def test_a_real_mistake_is_an_error_at_once(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(0)
    phone = window.tab_pages[0].fields["phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "12345")
    settle(window)
    assert phone.property("severity") == "error"
    assert _count(window, "错误") == 1 and _count(window, "待填") > 100


def test_f5_turns_what_is_still_empty_into_errors(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    settle(window)
    pending = _count(window, "待填")
    qtbot.keyClick(window.tab_pages[0].fields["department"], Qt.Key.Key_F5)
    settle(window)
    assert _count(window, "待填") == 0
    assert _count(window, "错误") + _count(window, "警告") == pending
    assert window.tabs.tabText(0) == "基本信息"
    assert window.tab_pages[0].fields["department"].property("severity") == "error"
    assert window.dock.list.item(0).text(0).startswith("错误：")
    assert "检查完成" in window.statusBar().currentMessage()
    # Filling a cell in still takes its finding away.
    type_text(window.tab_pages[0].fields["department"], "测试局")
    settle(window)
    assert window.tab_pages[0].fields["department"].property("severity") == ""


def test_export_is_an_explicit_check(window, qtbot, blank_doc, monkeypatch):
    window.set_document(blank_doc)
    settle(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # export anyway
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.files.export_action.trigger()  # cancelled in the file dialog: the check has run all the same
    settle(window)
    assert window.checked and _count(window, "待填") == 0 and _count(window, "错误") > 100


def test_a_form_opened_read_only_is_checked_at_once(window, saved_reference):
    window.files.open_path(saved_reference, read_only=True)
    settle(window)
    assert window.checked and "待填" not in window.count_label.text()
