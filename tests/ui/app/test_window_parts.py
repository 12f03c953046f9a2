"""Issue 16: the window's parts expose actions, menus and docks, and the window places them; review
edits go through the FormEditor like every other edit."""
from __future__ import annotations

from goalform.domain.cells import Cell


def test_the_window_places_what_its_parts_offer(window):
    bar = [a.menu() for a in window.menuBar().actions()]
    titles = [m.title() for m in bar]
    assert titles.index("审核(&R)") == len(titles) - 2  # before 帮助
    assert bar[titles.index("审核(&R)")] is window.review.menu
    file_menu = bar[0].actions()
    assert window.review.summarize.action in file_menu
    assert file_menu.index(window.review.summarize.action) < file_menu.index(window.files.close_action)
    edit_menu = bar[1].actions()
    assert all(a in edit_menu for a in window.library.menu_actions)
    assert window.review.status_label.parent() is not None  # in the status bar


def test_review_edits_go_through_the_editor(window, saved_reference):
    window.files.open_path(saved_reference, read_only=True)
    editor = window.editor
    comment = editor.add_comment(Cell.field("phone").to_text(), "请核对电话", "王审核")
    assert comment is not None and [c.text for c in window.doc.comments()] == ["请核对电话"]
    assert editor.undo_stack.undoText() == "添加审核意见"
    editor.undo_stack.undo()
    assert window.doc.comments() == []
    editor.undo_stack.redo()
    editor.remove_comment(window.doc.comments()[0])
    assert window.doc.comments() == [] and editor.undo_stack.undoText() == "删除审核意见"
