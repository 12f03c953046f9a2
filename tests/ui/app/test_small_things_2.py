"""Small things of issue 26 a clerk notices: a new form untouched is not "unsaved"; dates typed as
clerks write them are stored as 2026-12-05; 上移 that cannot move says why; the close question's
buttons have accelerators; the first window fits a 1366×768 screen; example dates agree."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton
from helpers.ui import settle, type_text

from goalform import assets
from goalform.domain.form import Form
from goalform.domain.validation import validate
from goalform.store.document import Document
from goalform.ui.app.app import install_translators
from goalform.ui.fields.widgets import first_window_rect


def test_a_new_form_untouched_is_not_unsaved_and_closes_without_asking(window, qtbot, monkeypatch):
    monkeypatch.setattr("goalform.ui.files.new_dialog.NewFormDialog.exec", lambda self: self.DialogCode.Accepted)
    window.files.new_action.trigger()
    assert window.doc is not None and not window.doc.is_dirty
    assert "未保存" not in window.save_label.text()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(self.text()) or 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    window.files.close_action.trigger()
    assert window.doc is None and asked == []


def test_a_new_form_once_typed_in_is_unsaved(window, qtbot, monkeypatch):
    doc = Document.new(assets.template("2026"), 2026)
    window.set_document(doc)
    window.editor.edit_field("department", "某某局")
    assert doc.is_dirty and "未保存" in window.save_label.text()


@pytest.mark.parametrize("typed", ["2026/12/5", "2026.12.5", "2026年12月5日", "2026-12-05", "２０２６／１２／５"])
def test_a_typed_date_is_stored_as_the_form_writes_dates(window, qtbot, blank_doc, typed):
    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(0)
    field = window.findChild(QLineEdit, "field_fill_date")
    field.setFocus()
    type_text(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # leaving the field (Enter or Tab) ends the typing
    assert blank_doc.field("fill_date") == "2026-12-05" and field.text() == "2026-12-05"
    window.undo_action.trigger()  # the typing and its tidying are one undo step
    assert blank_doc.field("fill_date") == ""


def test_a_date_that_is_no_date_stays_as_typed_and_is_reported(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    field = window.findChild(QLineEdit, "field_fill_date")
    field.setFocus()
    type_text(field, "年底")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    settle(window)
    assert blank_doc.field("fill_date") == "年底"
    assert field.property("severity") == "error"


def _annual_tab(window):
    return next(p for p in window.tab_pages if getattr(p, "tree", None) == "annual")


def test_moving_a_row_that_cannot_move_says_why(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    tab = _annual_tab(window)
    window.tabs.setCurrentWidget(tab)
    # The first 一级: fixed by the form.
    first = tab.model.index(0, 0)
    tab.view.setCurrentIndex(first)
    tab.move_current(-1)
    assert "一级指标" in window.statusBar().currentMessage()
    # The first 二级 under it, moved up: already at the top (or alone in its group).
    second = tab.model.index(0, 0, first)
    tab.view.setCurrentIndex(second)
    tab.move_current(-1)
    assert window.statusBar().currentMessage() in ("已经在最上面", "这一组只有这一个指标，无需移动")


def test_the_close_question_buttons_have_accelerators(qapp):
    install_translators(qapp, "zh")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "保存修改", "?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel)
        texts = {b.text() for b in box.findChildren(QPushButton)}
        assert "保存(&S)" in texts
        assert any(t.endswith("(&D)") or t.endswith("(&N)") for t in texts), texts
        assert "取消" in texts
        box.deleteLater()
    finally:
        install_translators(qapp, "zh")


@pytest.mark.parametrize("screen", [(1366, 728), (1280, 984), (1920, 1040), (1024, 728)])
def test_the_first_window_fits_the_screen_it_opens_on(screen):
    area = QRect(0, 0, *screen)  # the free area of a screen with its taskbar
    rect = first_window_rect(area)
    frame = QRect(rect.x() - 8, rect.y() - 30, rect.width() + 16, rect.height() + 38)  # title bar, borders
    assert area.contains(frame), (rect, area)
    assert rect.width() == min(1280, screen[0] - 20)


def test_the_deadline_examples_agree_with_the_placeholder(window, blank_doc):
    window.set_document(blank_doc)
    tab = next(p for p in window.tab_pages if getattr(p, "tree", None) == "long_term")
    example = tab.deadline.placeholderText().removeprefix("如 ")
    form: Form = blank_doc.load_form()
    messages = [f.message for f in validate(form, blank_doc.template)
                if f.location.field == "deadline"]
    assert messages and all(example in m for m in messages), (example, messages)


def test_a_long_status_message_never_runs_under_the_permanent_texts(window, blank_doc):
    window.set_document(blank_doc)
    bar = window.statusBar()
    message = "已把审核记录保存到" + "很长的文件夹名称" * 30 + "（表格内容未改动）"
    bar.showMessage(message, 5000)
    shown = bar.currentMessage()
    assert shown != message and "…" in shown and bar.toolTip() == message
    assert bar.full_message() == message
    permanent_left = min(w.geometry().left() for w in (window.save_label, window.count_label) if w.isVisible())
    assert bar.fontMetrics().horizontalAdvance(shown) < permanent_left
    bar.showMessage("已保存到 a.goal", 5000)  # a short one is shown whole
    assert bar.currentMessage() == "已保存到 a.goal" and bar.toolTip() == ""


def test_the_library_pane_shows_a_twelve_character_name_whole(window, qtbot, blank_doc):
    window.set_document(blank_doc)
    window.resizeDocks([window.dock], [180], Qt.Orientation.Horizontal)  # the side docks made narrow
    window.library.show_pane("annual")
    dock = window.library.dock
    qtbot.waitUntil(lambda: dock.view.width() >= dock.name_width(12))
    assert dock.view.isColumnHidden(1) and dock.view.isColumnHidden(2)  # reference and source: below
    dock.view.setCurrentIndex(dock.model.first_entry_index())
    assert "来源" in dock.detail.text()


@pytest.mark.parametrize("lang, expected", [("C.UTF-8", "zh"), ("POSIX", "zh"), ("zh_CN.UTF-8", "zh"),
                                             ("en_US.UTF-8", "en")])
def test_the_c_locale_is_no_english_desktop(monkeypatch, lang, expected):
    from goalform.ui.app.app import choose_language

    monkeypatch.delenv("GOALFORM_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", lang)
    monkeypatch.setattr("goalform.ui.app.app.QLocale.system", lambda: __import__("PySide6.QtCore").QtCore.QLocale(
        "C" if lang in ("C.UTF-8", "POSIX") else lang.split(".")[0]))
    assert choose_language() == expected


def test_a_refusal_message_covers_no_field(window, qtbot, blank_doc):
    from PySide6.QtWidgets import QToolTip

    window.set_document(blank_doc)
    funds = next(p for p in window.tab_pages if p.objectName() == "funds_tab")
    window.tabs.setCurrentWidget(funds)
    QApplication.processEvents()
    cell = window.tabs.currentWidget().findChild(QLineEdit, "fund_unit_funds_current")
    qtbot.waitUntil(cell.isVisible)
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(cell, "12,5")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    assert "千位" in window.statusBar().toolTip() + window.statusBar().currentMessage()
    assert QToolTip.isVisible() and "千位" in QToolTip.text()  # the pop-up sits below every cell and label
    if True:
        tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
        from PySide6.QtWidgets import QLabel

        page = window.tabs.currentWidget()
        for widget in page.findChildren(QLineEdit) + page.findChildren(QLabel):
            if widget.isVisible() and widget is not tip:
                top_left = widget.mapToGlobal(widget.rect().topLeft())
                assert not tip.geometry().intersects(widget.rect().translated(top_left)), widget.objectName() or widget.text()
