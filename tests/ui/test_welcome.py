"""With no form open, the window offers to create or open one and nothing pretends a form is there."""
from __future__ import annotations

from goalform.ui.main_window import MainWindow


def test_nothing_open_means_no_document_actions_and_no_verdict(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    files = window.files
    for action in (files.save_action, files.save_as_action, files.export_action, files.print_action,
                   files.rollover_action, files.compare_action):
        assert not action.isEnabled(), action.text()
    assert files.new_action.isEnabled() and files.open_action.isEnabled()
    assert window.dock.list.topLevelItem(0).text(0) == "未打开表格"  # not 「没有发现问题」
