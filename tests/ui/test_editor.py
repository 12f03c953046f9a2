"""FormEditor.one_step, the one way several edits become one undo step: a paste of amounts, a paste of
indicator rows (rows added and rows changed), an insertion from the library (a new 二级 and the rows
under it). Each is one 撤销 with the same text as before, undone whole and redone with the same ids."""
from __future__ import annotations

import pytest

from goalform import assets
from goalform.domain.library import PlannedRow
from goalform.store.document import Document
from goalform.ui import undo_commands
from goalform.ui.editor import FormEditor


@pytest.fixture
def editor(qtbot):
    doc = Document.new(assets.template("2026"), 2026)
    editor = FormEditor(doc)
    yield editor
    editor.deleteLater()
    doc.close()


def tree(doc: Document, name: str = "annual") -> list[tuple]:
    """Every row of a tree: (id, level, name, value), in order."""
    rows: list[tuple] = []

    def walk(ids: list[int]) -> None:
        for i in ids:
            node = doc.node(i)
            rows.append((i, node.level, node.name, node.value))
            walk(doc.children(i))

    walk(doc.roots(name))
    return rows


def level2(doc: Document, name: str) -> int:
    return next(c for r in doc.roots("annual") for c in doc.children(r) if doc.node(c).name == name)


def test_a_paste_of_amounts_is_one_step(editor) -> None:
    doc, stack = editor.doc, editor.undo_stack
    changes = [("fiscal", "current", "10"), ("special_account", "current", "20"), ("fiscal", "prev1", "9")]
    editor.edit_funds(changes, "粘贴金额")
    assert [doc.fund(line, column) for line, column, _ in changes] == ["10", "20", "9"]
    assert (stack.count(), stack.undoText()) == (1, "粘贴金额")
    stack.undo()
    assert [doc.fund(line, column) for line, column, _ in changes] == ["", "", ""]
    stack.redo()
    assert [doc.fund(line, column) for line, column, _ in changes] == ["10", "20", "9"]
    assert stack.count() == 1


def test_a_paste_of_indicator_rows_is_one_step_and_redo_brings_back_the_same_ids(editor) -> None:
    doc, stack, model = editor.doc, editor.undo_stack, editor.models["annual"]
    parent = level2(doc, "公用经费控制")
    first = doc.children(parent)[0]
    before = tree(doc)
    with editor.one_step("粘贴指标") as step:
        step.add(undo_commands.SetIndicatorValue(model, first, "value", "≤95%"))
        insert = undo_commands.InsertIndicators(model, parent, 1, [{"name": "办公费控制率", "value": "≤90%"},
                                                                    {"name": "差旅费控制率", "value": "≤80%"}])
        step.add(insert)
    added = insert.new_ids
    assert [doc.node(i).name for i in doc.children(parent)][1:] == ["办公费控制率", "差旅费控制率"]
    assert doc.children(parent)[1:] == added and doc.node(first).value == "≤95%"
    after = tree(doc)
    assert (stack.count(), stack.undoText()) == (1, "粘贴指标")
    stack.undo()
    assert tree(doc) == before
    stack.redo()
    assert tree(doc) == after  # the same rows with the same ids
    stack.undo()
    assert tree(doc) == before


def test_an_insertion_from_the_library_with_a_new_level2_is_one_step(editor) -> None:
    doc, stack, model = editor.doc, editor.undo_stack, editor.models["annual"]
    performance = doc.roots("annual")[2]
    before = tree(doc)
    rows = [PlannedRow(2, performance, 0, {"name": "新的二级"}, ref="new"),
            PlannedRow(3, "new", 0, {"name": "招商活动经费保障率", "value": "100%"}),
            PlannedRow(3, "new", 1, {"name": "机场影响力", "value": "提升"})]
    new_ids = editor.insert_rows(model, rows, "从指标库插入 2 个指标")
    assert doc.children(performance)[0] == new_ids[0] and doc.children(new_ids[0]) == new_ids[1:]
    after = tree(doc)
    assert (stack.count(), stack.undoText()) == (1, "从指标库插入 2 个指标")
    stack.undo()
    assert tree(doc) == before
    stack.redo()
    assert tree(doc) == after
    assert stack.count() == 1


def test_a_row_added_by_hand_is_its_own_step(editor) -> None:
    doc, stack, model = editor.doc, editor.undo_stack, editor.models["annual"]
    parent = level2(doc, "公用经费控制")
    new_id = editor.add_indicator(model, parent, 1)
    assert doc.children(parent)[1] == new_id and stack.undoText() == "添加三级指标"
    stack.undo()
    assert new_id not in doc.children(parent)
    stack.redo()
    assert doc.children(parent)[1] == new_id
    performance = doc.roots("annual")[2]
    editor.add_indicator(model, performance, 0)
    assert stack.undoText() == "添加二级指标"


def test_a_step_that_ends_in_an_error_can_still_be_undone(editor) -> None:
    doc, stack = editor.doc, editor.undo_stack
    with pytest.raises(ZeroDivisionError), editor.one_step("粘贴金额") as step:
        step.add(undo_commands.SetFund(editor, "fiscal", "current", "", "10"))
        1 / 0
    assert doc.fund("fiscal", "current") == "10" and stack.undoText() == "粘贴金额"
    stack.undo()
    assert doc.fund("fiscal", "current") == ""


def test_a_step_with_nothing_in_it_leaves_no_undo_step(editor) -> None:
    with editor.one_step("粘贴指标"):
        pass
    editor.edit_funds([("fiscal", "current", "")], "粘贴金额")  # nothing changes
    assert editor.undo_stack.count() == 0
