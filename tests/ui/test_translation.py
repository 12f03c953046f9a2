"""The English translation proves the translation path: every user-visible text goes through Qt's tr."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from goalform.ui.app import choose_language, install_translators
from goalform.ui.main_window import MainWindow


@pytest.fixture
def english(qapp):
    assert install_translators(qapp, "en")
    yield
    install_translators(qapp, "zh")


def test_window_in_english(english, blank_doc):
    window = MainWindow()
    try:
        window.set_document(blank_doc)
        titles = [window.tabs.tabText(i).split(" · ")[0] for i in range(window.tabs.count())]
        assert titles == ["Header", "Funds", "Functions and tasks", "Long-term goal", "Annual goal", "Instructions"]
        assert window.count_label.text().startswith("Errors ")
        window.editor.edit_fund("fiscal", "current", "1")
        assert window.undo_action.text() == "Undo Edit amount"
        assert window.tab_pages[4].model.headerData(1, Qt.Orientation.Horizontal) == "2024 value"
    finally:
        window.set_document(None)
        window.deleteLater()


def test_chinese_is_the_default(qapp):
    assert not install_translators(qapp, "zh")
    assert QApplication.translate("MainWindow", "资金情况") == "资金情况"


def test_language_choice(monkeypatch):
    monkeypatch.setenv("GOALFORM_LANG", "en")
    assert choose_language() == "en"
    assert choose_language("zh") == "zh"
    monkeypatch.setenv("GOALFORM_LANG", "zh_CN")
    assert choose_language() == "zh"
