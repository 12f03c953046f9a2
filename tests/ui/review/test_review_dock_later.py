"""The 审核 dock of a starting window (app.start) is built when first shown, and shows then what it
would have shown had it been built at once."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication
from helpers.ui import starting_window

from goalform.domain.cells import Cell
from goalform.store.document import Document


def test_the_review_dock_is_built_when_first_shown(qtbot, saved_reference):
    window = starting_window(qtbot, saved_reference)
    dock = window.review.dock
    assert not dock._built and window.review.status_label.text() == "审核：草稿"
    dock.raise_()
    qtbot.waitUntil(lambda: dock._built)
    QApplication.processEvents()
    assert dock.current_print.property("fingerprint") == window.doc.fingerprint()
    assert dock.status_label.text() and dock.list.topLevelItemCount() == 1  # 「还没有审核意见…」
    window.set_document(None)


def test_its_title_counts_the_comments_before_it_is_built(qtbot, saved_reference):
    doc = Document.open(saved_reference)
    doc.add_comment(Cell.field("phone").to_text(), "请补充依据", "王审核")
    doc.save()
    doc.close()
    window = starting_window(qtbot, saved_reference)
    dock = window.review.dock
    assert not dock._built and dock.windowTitle() == "审核（1 条意见）"
    [item] = dock.comment_items()  # asked for: built then, showing what it was given
    assert dock._built and "请补充依据" in item.text(0) and "【联系电话】" in item.text(0)
    window.set_document(None)
