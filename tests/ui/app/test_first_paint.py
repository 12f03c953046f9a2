"""Start-up: the first frame of the window comes before the work it does not need (the first validation).

GOALFORM_STARTUP_PROBE=1 reports that frame for bench/bench_startup.py (tested in test_quit_after_show.py
with the other tests that run the application's event loop: one such run left behind breaks the
findings-list timing of some later tests in the same process).
"""
from __future__ import annotations

import pytest
from helpers.ui import shown_window

from goalform.ui.app.main_window import MainWindow


@pytest.fixture
def deferred_window(qtbot):
    with shown_window(qtbot, first_paint=True) as win:  # what app.start sets
        yield win


def test_the_first_form_is_validated_right_after_its_first_frame(deferred_window, blank_doc, qtbot):
    win = deferred_window
    win.set_document(blank_doc)
    assert win.runner is not None and win.runner.findings == [], "validated before the window was painted"
    qtbot.waitUntil(lambda: bool(win.findings), timeout=3000)  # a blank form has findings (required fields)
    assert win.count_label.text()  # the status bar shows them
    assert not win.validate_after_first_paint  # only the first form waits


def test_later_forms_are_validated_at_once(deferred_window, blank_doc, qtbot):
    win = deferred_window
    win.set_document(blank_doc)
    qtbot.waitUntil(lambda: bool(win.findings), timeout=3000)
    from goalform import assets
    from goalform.store.document import Document

    second = Document.new(assets.template("2026"), 2026)
    win.set_document(second)
    assert win.runner.findings, "a form opened later must show its findings at once"


def test_a_window_never_painted_still_gets_its_findings(qtbot, blank_doc):
    win = MainWindow()
    win.validate_after_first_paint = True
    win.show()  # offscreen: shown, but the fallback timer covers a window that is never painted
    win.setUpdatesEnabled(False)
    try:
        win.set_document(blank_doc)
        qtbot.waitUntil(lambda: bool(win.findings), timeout=3000)
    finally:
        win.setUpdatesEnabled(True)
        win.set_document(None)
        win.close()
        win.deleteLater()
