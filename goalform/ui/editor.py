"""The FormEditor: the one object through which the GUI edits a Document.

It owns the undo stack and the two indicator models. Widgets call ``edit_*``, which push undo
commands; the commands call ``write_*`` (or the models), which write through the store and emit
``field_changed`` / ``fund_changed`` so every widget showing that value updates, on redo and undo alike.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from typing import TYPE_CHECKING

from goalform.domain import names
from goalform.domain.form import TREES
from goalform.domain.names import FIELD_NAMES
from goalform.domain.review import Comment, Status, StatusChange
from goalform.store.document import Document
from goalform.ui import undo_commands
from goalform.ui.review.undo import AddComment, RemoveComment

if TYPE_CHECKING:
    from goalform.domain.library import PlannedRow
    from goalform.ui.indicators.model import IndicatorModel


def field_label(doc: Document, key: str) -> str:
    """The name of a field for undo texts (goalform.domain.names), in the interface language."""
    if key in FIELD_NAMES:
        return QCoreApplication.translate(names.CONTEXT, FIELD_NAMES[key])
    return names.text_name(doc.template, key)


class FormEditor(QObject):
    field_changed = Signal(str)  # key
    field_typed = Signal(str, str)  # key, text: the user's own edit (never an undo, a redo or a file read)
    fund_changed = Signal(str, str)  # line, column
    changed = Signal()  # after any write (dirty marker)
    written = Signal(object)  # after any write: the Cell written, or None for any other change (revalidation)
    saved_state_changed = Signal()  # undo led back to what is saved: the dirty marker goes

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = QUndoStack(self)
        self._models: dict[str, IndicatorModel] | None = None
        self.typing_session = 0  # commands of one session merge (see undo_commands.SetField)
        doc.add_listener(self.changed.emit)
        doc.add_listener(self.written.emit, cells=True)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def models(self) -> dict[str, IndicatorModel]:
        """The Qt models of the indicator trees, by tree: made when first asked for (a tree's tab, an
        insertion, comment marks), so a start-up showing no tree does not import them."""
        if self._models is None:
            from goalform.ui.indicators.model import IndicatorModel

            self._models = {tree: IndicatorModel(self.doc, tree, self) for tree in TREES}
            for model in self._models.values():
                model.edit_requested.connect(lambda i, c, t, m=model: self.edit_indicator(m, i, c, t))
                model.move_requested.connect(lambda i, r, m=model: self.move_indicator(m, i, r))
        return self._models

    def mark_saved(self) -> None:
        """The document was just saved: undoing back to this point makes it clean again."""
        self.undo_stack.setClean()

    def _on_clean_changed(self, clean: bool) -> None:
        # The stack's clean index is a hint; the document compares the content with the file.
        if clean and self.doc.forget_edits_if_unchanged():
            self.saved_state_changed.emit()

    @property
    def read_only(self) -> bool:
        return self.doc.read_only

    def seal_typing(self) -> None:
        """End the current typing session: the next keystroke starts a new undo step."""
        self.typing_session += 1

    # -- edits (each one undo step) -----------------------------------------------------------------
    def edit_field(self, key: str, text: str) -> None:
        old = self.doc.field(key)
        if self.read_only or old == text:
            return
        self.undo_stack.push(undo_commands.SetField(self, key, old, text, field_label(self.doc, key)))
        self.field_typed.emit(key, text)

    def edit_fund(self, line: str, column: str, text: str) -> None:
        old = self.doc.fund(line, column)
        if self.read_only or old == text:
            return
        self.undo_stack.push(undo_commands.SetFund(self, line, column, old, text))

    @contextmanager
    def one_step(self, text: str) -> Iterator[undo_commands.Batch]:
        """The one way to make several edits one undo step named ``text`` (「撤销 粘贴指标」): each
        command given to the step's ``add`` is done at once; the step is pushed when the block ends
        (also when it ends in an error: what was done can be undone), unless nothing was added."""
        self.seal_typing()
        batch = undo_commands.Batch(text)
        try:
            yield batch
        finally:
            if batch.parts:
                self.undo_stack.push(batch)

    def edit_funds(self, changes: list[tuple[str, str, str]], text: str) -> None:
        """Write several amounts ``(line, column, text)`` as one undo step named ``text``."""
        changes = [c for c in changes if self.doc.fund(c[0], c[1]) != c[2]]
        if self.read_only or not changes:
            return
        with self.one_step(text) as step:
            for line, column, new in changes:
                step.add(undo_commands.SetFund(self, line, column, self.doc.fund(line, column), new))

    def edit_indicator(self, model: IndicatorModel, indicator_id: int, column: str, text: str) -> None:
        if self.read_only or model.doc.node(indicator_id).get(column) == text:
            return
        self.undo_stack.push(undo_commands.SetIndicatorValue(model, indicator_id, column, text))

    def add_indicator(self, model: IndicatorModel, parent_id: int, row: int, **values: str) -> int | None:
        if self.read_only:
            return None
        cmd = undo_commands.InsertIndicators(model, parent_id, row, [values])
        self.undo_stack.push(cmd)
        return cmd.new_ids[0]

    def insert_rows(self, model: IndicatorModel, rows: list[PlannedRow], text: str) -> list[int]:
        """Add the rows of a plan (``domain.library.plan_insert``) as ONE undo step named ``text``;
        returns the ids of the new rows. A 二级 added by the plan is the parent of the rows after it."""
        if self.read_only or not rows:
            return []
        made: dict[str, int] = {}
        new_ids: list[int] = []
        with self.one_step(text) as step:
            for row in rows:
                parent = made[row.parent] if isinstance(row.parent, str) else row.parent
                cmd = undo_commands.InsertIndicators(model, parent, row.row, [row.values])
                step.add(cmd)
                if row.ref:
                    made[row.ref] = cmd.new_ids[0]
                new_ids.append(cmd.new_ids[0])
        return new_ids

    def remove_indicator(self, model: IndicatorModel, indicator_id: int) -> None:
        if not self.read_only:
            self.undo_stack.push(undo_commands.RemoveIndicator(model, indicator_id))

    def move_indicator(self, model: IndicatorModel, indicator_id: int, new_row: int) -> None:
        if self.read_only or model.doc.row_of(indicator_id) == new_row:
            return
        self.undo_stack.push(undo_commands.MoveIndicator(model, indicator_id, new_row))

    # -- review records (a read-only form takes them too: Document.takes_review) ---------------------------
    def add_comment(self, target: str, text: str, author: str) -> Comment | None:
        """Add a 审核意见 on ``target`` as one undo step; the comment added (None if none was)."""
        command = AddComment(self.doc, target, text, author)
        self.undo_stack.push(command)
        return command.comment

    def remove_comment(self, comment: Comment) -> None:
        self.undo_stack.push(RemoveComment(self.doc, comment))

    def set_status(self, status: Status, who: str, note: str = "", *, accept_changes: bool = False) -> StatusChange:
        """提交 / 退回 / 通过: a record, not an undo step (see goalform.ui.review.undo)."""
        return self.doc.set_status(status, who, note, accept_changes=accept_changes)

    # -- writes (called by the commands only) -------------------------------------------------------
    def write_field(self, key: str, text: str) -> None:
        self.doc.set_field(key, text)
        self.field_changed.emit(key)

    def write_fund(self, line: str, column: str, text: str, stated_total: tuple[str, str] | None = None) -> None:
        """Write an amount; ``stated_total`` (group, text) puts back a printed 合计 the amount had dropped."""
        self.doc.set_fund(line, column, text)
        if stated_total is not None and stated_total[1]:
            self.doc.set_stated_total(stated_total[0], column, stated_total[1])
        self.fund_changed.emit(line, column)
