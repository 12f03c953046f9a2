"""Undo commands: every edit of the document is one of these, pushed on the window's QUndoStack.

Each command calls the public API of the FormEditor (fields, funds) or of an IndicatorModel (the
trees), which write through the store and emit the signals the views need. Typing in a field
produces one command per keystroke that merges into the previous one while the same field is being
typed in, so one 撤销 takes back one edit, not one letter.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from goalform.store.document import Document, Subtree

if TYPE_CHECKING:
    from goalform.ui.indicators.model import IndicatorModel


class Writer(Protocol):
    """What the field and amount commands call: the FormEditor (named here by its shape, so that
    this module and the editor, which creates the commands, do not import each other)."""

    doc: Document
    typing_session: int

    def write_field(self, key: str, text: str) -> None: ...

    def write_fund(self, line: str, column: str, text: str, stated_total: tuple[str, str] | None = None) -> None: ...

_SET_FIELD_ID = 1001
_SET_FUND_ID = 1002



class SetField(QUndoCommand):
    """Change a header field, a text section or the deadline."""

    def __init__(self, editor: Writer, key: str, old: str, new: str, label: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "修改%1").replace("%1", label))
        self.editor, self.key, self.old, self.new = editor, key, old, new
        self.session = editor.typing_session

    def id(self) -> int:
        return _SET_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or other.key != self.key or other.session != self.session:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.editor.write_field(self.key, self.new)

    def undo(self) -> None:
        self.editor.write_field(self.key, self.old)


class SetFund(QUndoCommand):
    """Change one amount of the funds table.

    The amount is named by (line, column), the pair of a ``Cell.fund`` that every hop of an amount
    inside the program keys by (Form.funds, the grid's cells, ``fund_changed``, the store's API); a
    Cell is made where the spelling changes (widget name, comment target, grid key, stored 合计 line).
    """

    def __init__(self, editor: Writer, line: str, column: str, old: str, new: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "修改金额"))
        self.editor, self.line, self.column, self.old, self.new = editor, line, column, old, new
        self.session = editor.typing_session
        # Typing an amount drops its column's printed 合计 (kept from an import); undo brings it back.
        self.group = editor.doc.template.funds_group_of(line).key
        self.stated_total = editor.doc.stated_total(self.group, column)

    def id(self) -> int:
        return _SET_FUND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, SetFund) or (other.line, other.column) != (self.line, self.column)
                or other.session != self.session):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)  # typed and then refused or taken back: no step at all
        return True

    def redo(self) -> None:
        self.editor.write_fund(self.line, self.column, self.new)

    def undo(self) -> None:
        self.editor.write_fund(self.line, self.column, self.old, stated_total=(self.group, self.stated_total))


class Batch(QUndoCommand):
    """Several commands as one undo step (a paste, clearing a range, an insertion from the library):
    the one way to group edits, made by :meth:`goalform.ui.editor.FormEditor.one_step`. Each part is
    done as it is added, so a later part may build on an earlier one (a 二级 just inserted is the
    parent of the rows after it); pushing the batch does not do them again. Redone in order, undone
    in reverse. A plain list, not Qt child commands, whose Python side PySide would not keep alive."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.parts: list[QUndoCommand] = []
        self._done = True  # the parts were done as they were added: the push's redo has nothing to do

    def add(self, part: QUndoCommand) -> None:
        part.redo()
        self.parts.append(part)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


class SetIndicatorValue(QUndoCommand):
    """Change one column of an indicator (renaming is changing its name)."""

    def __init__(self, model: IndicatorModel, indicator_id: int, column: str, new: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "重命名指标") if column == "name" else QCoreApplication.translate("Commands", "修改指标值"))
        self.model, self.indicator_id, self.column = model, indicator_id, column
        self.old = model.doc.node(indicator_id).get(column)
        self.new = new

    def redo(self) -> None:
        self.model.set_value(self.indicator_id, self.column, self.new)

    def undo(self) -> None:
        self.model.set_value(self.indicator_id, self.column, self.old)


class InsertIndicators(QUndoCommand):
    """Add new 二级 or 三级 rows under ``parent_id`` from ``row`` on (one row added by hand, or the
    rows of a paste, one insertion for the views); redo after undo puts back the same rows with the
    same ids."""

    def __init__(self, model: IndicatorModel, parent_id: int, row: int, rows: list[dict[str, str]]) -> None:
        level = model.doc.node(parent_id).level + 1
        super().__init__(QCoreApplication.translate("Commands", "添加二级指标") if level == 2 else QCoreApplication.translate("Commands", "添加三级指标"))
        self.model, self.parent_id, self.row, self.rows = model, parent_id, row, rows
        self.new_ids: list[int] = []
        self._removed: list[Subtree] | None = None
        self.drop_on_undo = False  # Esc on the new, still empty row: undo it and leave no redo step

    def redo(self) -> None:
        if self._removed is not None:
            self.model.restore_many(self._removed)
        else:
            self.new_ids = self.model.insert_many(self.parent_id, self.row, self.rows)

    def undo(self) -> None:
        self._removed = self.model.remove_many(self.new_ids)
        if self.drop_on_undo:
            self.setObsolete(True)  # QUndoStack deletes an obsolete command after undoing it


class RemoveIndicator(QUndoCommand):
    """Delete an indicator with everything below it; undo restores it exactly."""

    def __init__(self, model: IndicatorModel, indicator_id: int) -> None:
        super().__init__(QCoreApplication.translate("Commands", "删除指标"))
        self.model, self.indicator_id = model, indicator_id
        self._removed: Subtree | None = None

    def redo(self) -> None:
        self._removed = self.model.remove(self.indicator_id)

    def undo(self) -> None:
        assert self._removed is not None
        self.model.restore(self._removed)


class MoveIndicator(QUndoCommand):
    """Move an indicator among its siblings (上移, 下移, drag and drop)."""

    def __init__(self, model: IndicatorModel, indicator_id: int, new_row: int) -> None:
        super().__init__(QCoreApplication.translate("Commands", "移动指标"))
        self.model, self.indicator_id, self.new_row = model, indicator_id, new_row
        self.old_row = model.doc.row_of(indicator_id)

    def redo(self) -> None:
        self.model.move(self.indicator_id, self.new_row)

    def undo(self) -> None:
        self.model.move(self.indicator_id, self.old_row)
