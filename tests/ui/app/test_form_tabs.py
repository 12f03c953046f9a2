"""Start-up builds the form's first tab only; every other tab is built when first shown (issue 25),
and until then its stand-in answers for it: the 待填 count in its title, the tab a jump goes to."""
from __future__ import annotations

import pytest
from helpers.ui import shown_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from goalform import assets
from goalform.domain.form import HEADER_FIELDS
from goalform.domain.validation import Location
from goalform.store.document import Document
from goalform.ui.app.form_tabs import LaterTab, shown_on

KINDS = ("header", "funds", "texts", "long_term", "annual", "instructions")  # the tabs of a 2026 form


@pytest.fixture
def started(qtbot):
    """A window as app.start makes it: the first form opened waits for the first frame."""
    with shown_window(qtbot, first_paint=True) as win:
        yield win


def test_only_the_first_tab_is_built_and_the_others_when_first_shown(started, saved_reference, qtbot):
    win = started
    win.set_document(Document.open(saved_reference))
    assert not isinstance(win.tab_pages[0], LaterTab)
    assert all(isinstance(p, LaterTab) for p in win.tab_pages[1:])
    built = []
    win.tabs_built.connect(built.extend)

    QTest.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # 资金情况, before the first frame
    funds = win.tab_pages[1]
    assert not isinstance(funds, LaterTab) and win.tabs.currentWidget() is funds and built == [funds]
    assert all(isinstance(p, LaterTab) for p in win.tab_pages[2:]), "a tab was built that nobody showed"
    qtbot.wait(50)
    QApplication.processEvents()
    assert funds.isAncestorOf(QApplication.focusWidget())  # the keys land on the tab shown


def test_the_tabs_not_shown_are_built_after_the_first_validation(started, saved_reference, qtbot):
    win = started
    win.set_document(Document.open(saved_reference))
    qtbot.waitUntil(lambda: bool(win.findings), timeout=3000)  # the first validation, after the first frame
    qtbot.waitUntil(lambda: not any(isinstance(p, LaterTab) for p in win.tab_pages), timeout=3000)
    assert win.tabs.currentIndex() == 0 and win.tabs.currentWidget() is win.tab_pages[0]


def test_a_jump_to_a_finding_builds_its_tab(started, saved_reference, qtbot):
    win = started
    win.set_document(Document.open(saved_reference))
    qtbot.waitUntil(lambda: bool(win.findings), timeout=3000)
    finding = next(f for f in win.findings if f.location.section == "long_term")
    win.navigate(finding.location)
    QApplication.processEvents()
    page = win.tabs.currentWidget()
    assert page is win.tab_pages[3] and not isinstance(page, LaterTab) and page.tree == "long_term"


def test_titles_count_what_is_to_fill_in_as_when_every_tab_is_built(started, window, qtbot):
    template_doc = Document.new(assets.template("2026"), 2026)
    started.set_document(template_doc)
    qtbot.waitUntil(lambda: bool(started.findings), timeout=3000)
    window.set_document(Document.new(template_doc.template, 2026))
    titles = [started.tabs.tabText(i) for i in range(started.tabs.count())]
    assert any("待填" in t for t in titles[1:])  # the stand-ins have counts too
    assert titles == [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_a_stand_in_owns_what_its_page_owns(window, saved_reference):
    """shown_on (the stand-in's answer) and each page's own ``owns`` agree on every place of a form."""
    window.set_document(Document.open(saved_reference))
    window.run_explicit_check()
    doc = window.doc
    places = {f.location for f in window.findings}
    for section, fields in (("header", [*HEADER_FIELDS, "template"]), ("notes", ["notes"]), ("funds", [g.key for g in doc.template.funds]),
                            ("texts", [t.key for t in doc.template.texts] + ["deadline"]),
                            ("long_term", ["name", "value"]), ("annual", ["name", "value"])):
        places |= {Location(section, field) for field in fields}
    assert len(places) > 20
    assert len(window.tab_pages) == len(KINDS)
    for kind, page in zip(KINDS, window.tab_pages):
        stand_in = shown_on(kind, doc.template)
        assert [p for p in places if stand_in(p) != page.owns(p)] == [], kind


def test_a_tab_built_later_shows_the_comment_marks_of_its_fields(started, saved_reference, qtbot):
    from PySide6.QtWidgets import QLineEdit

    from goalform.domain.cells import Cell

    with Document.open(saved_reference) as doc:
        doc.add_comment(Cell.fund("fiscal", "current").to_text(), "请核实", "李文静")
        doc.save()
    win = started
    win.set_document(Document.open(saved_reference))
    qtbot.waitUntil(lambda: bool(win.findings), timeout=3000)
    win.tabs.setCurrentIndex(1)  # 资金情况, built now
    QApplication.processEvents()
    cell = win.centralWidget().findChild(QLineEdit, "fund_fiscal_current")
    assert cell is not None and [a.objectName() for a in cell.actions()].count("comment_mark") == 1
