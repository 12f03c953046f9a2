"""An English desktop gets English findings and refusals, not half-Chinese ones (issue 26)."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from helpers.ui import settle, shown_window

from goalform.store.document import Document
from goalform.ui.app.app import install_translators


@pytest.fixture
def english_window(qtbot, qapp):
    assert install_translators(qapp, "en")
    with shown_window(qtbot) as win:
        yield win
    install_translators(qapp, "zh")


def test_findings_are_english_in_an_english_session(english_window, saved_reference):
    window = english_window
    window.set_document(Document.open(saved_reference))
    settle(window)
    texts = [window.dock.list.topLevelItem(i).text(0) for i in range(window.dock.list.topLevelItemCount())]
    assert len(texts) > 10
    for text in texts:
        assert re.match(r"(Error|Warning|Note|To fill in): ", text), text
    assert any("is not specific: give a measurable figure" in t for t in texts)
    tooltips = [w.toolTip() for w in window.findChildren(QLineEdit) if w.property("severity") in ("error", "warning")]
    assert tooltips and all(re.match(r"(Error|Warning|Note|To fill in): ", t) for t in tooltips)


def test_a_refused_amount_is_explained_in_english(english_window, qtbot, saved_reference):
    window = english_window
    window.set_document(Document.open(saved_reference))
    funds = next(p for p in window.tab_pages if p.objectName() == "funds_tab")
    window.tabs.setCurrentWidget(funds)
    cell = funds.findChild(QLineEdit, "fund_fiscal_current")
    cell.setFocus()
    cell.selectAll()
    qtbot.keyClicks(cell, "12,5")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()
    message = window.statusBar().toolTip() or window.statusBar().currentMessage()
    assert "comma outside the thousands positions" in message, message


def test_the_funds_headers_are_english_in_an_english_session(english_window, saved_reference):
    from PySide6.QtWidgets import QLabel

    window = english_window
    window.set_document(Document.open(saved_reference))
    funds = next(p for p in window.tab_pages if p.objectName() == "funds_tab")
    labels = {label.text() for label in funds.findChildren(QLabel)}
    assert {"Share", "Amounts of the last two years", "Fiscal appropriation", "Income", "Total"} <= labels, labels
    assert not [t for t in labels if re.search(r"[\u4e00-\u9fff]", t)]
