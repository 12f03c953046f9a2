"""With no form open, the window offers to create or open one and nothing pretends a form is there."""
from __future__ import annotations

from goalform.ui.app.main_window import MainWindow


def test_nothing_open_means_no_document_actions_and_no_verdict(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    files = window.files
    for action in (files.save_action, files.save_as_action, files.export_action, files.print_action,
                   files.rollover_action, files.compare_action):
        assert not action.isEnabled(), action.text()
    assert files.new_action.isEnabled() and files.open_action.isEnabled()
    assert not window.revalidate_action.isEnabled()  # 检查 needs a form
    assert window.dock.list.topLevelItem(0).text(0) == "未打开表格"  # not 「没有发现问题」


def test_the_start_page_offers_new_open_import_and_recent_files(window, qtbot, saved_reference, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from goalform.ui.app.start_page import StartPage

    window.settings.add_recent(tmp_path / "gone.goal")
    window.settings.add_recent(saved_reference)
    window.set_document(None)  # as after 关闭
    QApplication.processEvents()
    page = window.centralWidget()
    assert isinstance(page, StartPage) and page.isVisible()
    assert not window.dock.isVisible() and not window.review.dock.isVisible()  # no empty 检查结果 panel
    assert {b.text() for b in page.buttons.values()} == {"新建表格…", "打开表格…", "导入 Word/Excel…"}
    texts = [page.recent.item(i).text() for i in range(page.recent.count())]
    assert texts[0].startswith("reference-2026.goal") and "（文件已不在）" in texts[1]
    assert not page.recent.item(1).flags() & Qt.ItemFlag.ItemIsEnabled

    item = page.recent.item(0)
    qtbot.mouseClick(page.recent.viewport(), Qt.MouseButton.LeftButton, pos=page.recent.visualItemRect(item).center())
    QApplication.processEvents()
    assert window.doc is not None and window.doc.path == saved_reference
    assert window.dock.isVisible()  # the findings come back with a form

    window.files.close_action.trigger()
    QApplication.processEvents()
    assert isinstance(window.centralWidget(), StartPage) and not window.dock.isVisible()


def test_the_start_page_buttons_run_the_file_actions(window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    called = []
    monkeypatch.setattr(window.files, "import_file", lambda: called.append("import"))
    window.files.import_action.triggered.disconnect()
    window.files.import_action.triggered.connect(window.files.import_file)
    qtbot.mouseClick(window.centralWidget().buttons["import"], Qt.MouseButton.LeftButton)
    assert called == ["import"]


def test_closing_a_form_clears_what_the_status_bar_said_about_it(window, saved_reference):
    window.files.open_path(saved_reference)
    window.statusBar().showMessage("「12,5」的逗号不在千位上")
    window.set_document(None)
    assert window.statusBar().currentMessage() == ""
