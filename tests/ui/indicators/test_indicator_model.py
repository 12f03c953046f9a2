"""The indicator tree model over the store: Qt's model checks, structure edits, drag and drop."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from goalform import assets
from goalform.store.document import Document
from goalform.domain.sections import column_keys
from goalform.ui.indicators.model import IdRole, IndicatorModel, LevelRole


@pytest.fixture
def doc():
    d = Document.new(assets.template("2026"), 2026)
    yield d
    d.close()


def l2_index(model: IndicatorModel, l1_row: int = 0, l2_row: int = 0) -> QModelIndex:
    return model.index(l2_row, 0, model.index(l1_row, 0))


@pytest.mark.parametrize("tree", ["long_term", "annual"])
def test_model_passes_qt_checks(qtmodeltester, doc, tree):
    model = IndicatorModel(doc, tree)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(doc.template.level1)


def test_model_reads_the_store_and_keeps_no_copy(doc):
    model = IndicatorModel(doc, "annual")
    assert model.columns == column_keys("annual") == ("name", "prev2", "prev1", "value", "basis", "category")
    l3 = model.index(0, 0, l2_index(model))
    indicator_id = l3.data(IdRole)
    assert l3.data(LevelRole) == 3
    assert l3.data() == "公用经费控制率"
    doc.set_indicator(indicator_id, "name", "公用经费节约率")  # written elsewhere: the model sees it
    assert l3.data() == "公用经费节约率"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "2024年值"


def test_level1_is_fixed_and_level2_has_only_a_name(doc):
    model = IndicatorModel(doc, "long_term")
    l1 = model.index(0, 0)
    assert not model.flags(l1) & Qt.ItemFlag.ItemIsEditable
    l2 = l2_index(model)
    assert model.flags(l2) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(l2.siblingAtColumn(1)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 1, l2)) & Qt.ItemFlag.ItemIsEditable


def test_set_data_requests_an_edit_instead_of_writing(qtbot, doc):
    model = IndicatorModel(doc, "long_term")
    l3 = model.index(0, 1, l2_index(model))
    with qtbot.waitSignal(model.edit_requested) as blocker:
        assert model.setData(l3, "≤100%")
    assert blocker.args == [l3.internalId(), "value", "≤100%"]
    assert doc.node(l3.internalId()).value == ""  # the undo command writes, not setData


def test_insert_remove_restore_move_emit_signals(qtmodeltester, qtbot, doc):
    model = IndicatorModel(doc, "long_term")
    qtmodeltester.check(model, force_py=True)
    parent = l2_index(model, 0, 2)  # 项目支出成本控制: two 三级
    parent_id = parent.internalId()
    with qtbot.waitSignal(model.rowsInserted):
        new_id = model.insert(parent_id, 1, name="差旅费控制率")
    assert [doc.node(i).name for i in doc.children(parent_id)] == ["会议费控制率", "差旅费控制率", "“三公”经费变动率"]
    with qtbot.waitSignal(model.rowsMoved):
        model.move(new_id, 2)
    assert doc.row_of(new_id) == 2
    with qtbot.waitSignal(model.rowsRemoved):
        removed = model.remove(new_id)
    assert len(doc.children(parent_id)) == 2
    model.restore(removed)
    assert doc.row_of(new_id) == 2 and doc.node(new_id).name == "差旅费控制率"


def test_move_rows_api(doc):
    model = IndicatorModel(doc, "long_term")
    parent = l2_index(model, 0, 2)
    first = model.index(0, 0, parent).internalId()
    assert model.moveRows(parent, 0, 1, parent, 2)  # Qt's destination: before the move
    assert doc.row_of(first) == 1
    assert not model.moveRows(parent, 0, 1, model.index(1, 0), 0)  # only within a parent


def test_drop_within_parent_requests_a_move(qtbot, doc):
    model = IndicatorModel(doc, "long_term")
    parent = l2_index(model, 0, 2)
    first = model.index(0, 0, parent)
    data = model.mimeData([first])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 2, 0, parent)
    with qtbot.waitSignal(model.move_requested) as blocker:
        # False: the view must not remove the dragged row itself
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, parent)
    assert blocker.args == [first.internalId(), 1]
    # not into another parent, and not into the other tree
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, l2_index(model, 0, 0))
    other = IndicatorModel(doc, "annual")
    assert not other.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, l2_index(other, 0, 2))
