"""The English translation proves the translation path: every user-visible text goes through Qt's tr."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from goalform.ui.app.app import choose_language, install_translators
from goalform.ui.app.main_window import MainWindow


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


def test_helper_alias_and_fstring_texts_in_english(english):
    """Texts lupdate misreads (a module-level _tr helper, ``tr = QCoreApplication.translate``, self.tr in an
    f-string) are in the .qm under the context the code asks with (tools/update_translations.py repairs them)."""
    from goalform.ui.files.actions import export_filters, import_filters
    from goalform.ui.app.unexpected_error import message_for

    assert message_for(RuntimeError("boom")).startswith("goalform ran into an unexpected error")
    assert "All files (*)" in import_filters() and "Word or Excel forms (" in import_filters()
    assert export_filters()[0].startswith("Word document (*.docx)")
    assert QApplication.translate("DiffDock", "当前表格") == "current form"
    assert QApplication.translate("LibraryDock", "来源：%1") == "Source: %1"


def test_update_translations_reads_what_lupdate_misreads(tmp_path):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = tmp_path / "sample.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('Helper', text)\n"
        "def filters():\n"
        "    tr = QCoreApplication.translate\n"
        "    return tr('Alias', '所有文件 (*)') + _tr('粘贴')\n"
        "class Pane:\n"
        "    def title(self, n):\n"
        "        return f\"<b>{self.tr('来源：%1')}</b>\" + QCoreApplication.translate('Other', '内置')\n"
        "    def not_text(self):\n"
        "        return notes('notes', 'notes')\n", encoding="utf-8")
    assert module.translated_calls(source) == [
        ("Alias", "所有文件 (*)", 6), ("Helper", "粘贴", 6), ("Pane", "来源：%1", 9), ("Other", "内置", 9)]
