"""The open document: a .goal file being edited through its working copy; the one front through which
goalform reads and writes a form.

Every read asks SQLite (through small caches that each write keeps right); every write is one
transaction in the working copy, so nothing lives only in memory and a crash loses no edit.
``save()`` writes the .goal atomically. The GUI's models and undo commands call this API; they
never run SQL themselves. What it does lives beside it: the document's life (open, save, recovery)
in :mod:`goalform.store.document_file`, the indicator table and its cache in
:mod:`goalform.store.indicator_table`, which row holds which cell in :mod:`goalform.store.form_rows`.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable

from goalform import assets
from goalform.domain.cells import TOTAL, Cell
from goalform.domain.fingerprint import fingerprint
from goalform.domain.form import HEADER_FIELDS, Form
from goalform.domain.review import (
    FROZEN,
    ChangedSinceSubmission,
    Comment,
    Review,
    ReviewError,
    Status,
    StatusChange,
    check_note,
    check_transition,
)
from goalform.domain.review_text import changed_after_submission
from goalform.domain.template import COLUMNS, Template, TemplateError
from goalform.store import review as review_store
from goalform.store.checks import shown
from goalform.store.database import as_text, transaction
from goalform.store.document_file import DocumentFile
from goalform.store.errors import CorruptFile, ReadOnlyError, StoreError
from goalform.store.form_rows import OTHER_FIELDS, fill_form, fill_funds, write_rows
from goalform.store.indicator_table import IndicatorRecord, IndicatorTable, Subtree
from goalform.store.workspace import WorkingCopy

__all__ = ["Document", "IndicatorRecord", "Subtree"]

_text = as_text  # short local name


class Document(DocumentFile):
    """A .goal document. Create with :meth:`new`, :meth:`open`, :meth:`from_form` or :meth:`recover`
    (:class:`DocumentFile`: its life, opening to saving)."""

    def __init__(self, conn: sqlite3.Connection, *, path: Path | None, read_only: bool,
                 working: WorkingCopy | None) -> None:
        super().__init__(conn, path=path, read_only=read_only, working=working)
        self._fields: dict[str, str] | None = None
        self._funds: dict[tuple[str, str], str] | None = None
        self._indicators = IndicatorTable(lambda: self._conn)
        self._review: Review | None = None
        self.template = self._load_template()
        self._year = self._load_year()

    @property
    def year(self) -> int:
        return self._year

    # -- fields ----------------------------------------------------------------------------
    def _all_fields(self) -> dict[str, str]:
        if self._fields is None:
            self._fields = {_text(k): _text(v) for k, v in self._conn.execute("SELECT key, value FROM field")}
        return self._fields

    def field(self, key: str) -> str:
        """A header field, a text section or deadline/notes; '' when unset."""
        return self._all_fields().get(key, "")

    def set_field(self, key: str, value: str) -> None:
        self._check_field_key(key)
        self._write("INSERT INTO field(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value))
        self._all_fields()[key] = value

    def set_year(self, year: int) -> None:
        if not 1990 <= year <= 2200:
            raise StoreError(f"年度 {year} 不在合理范围内")
        self._write("INSERT INTO field(key, value) VALUES ('year', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(year),))
        self._all_fields()["year"] = str(year)
        self._year = year

    def _check_field_key(self, key: str) -> None:
        allowed = set(HEADER_FIELDS) | set(OTHER_FIELDS) | {t.key for t in self.template.texts}
        if key not in allowed:
            raise KeyError(key)

    # -- funds -----------------------------------------------------------------------------
    def _all_funds(self) -> dict[tuple[str, str], str]:
        if self._funds is None:
            self._funds = {(_text(l), _text(c)): _text(v) for l, c, v in self._conn.execute("SELECT line, col, value FROM fund")}
        return self._funds

    def fund(self, line: str, column: str) -> str:
        return self._all_funds().get((line, column), "")

    def set_fund(self, line: str, column: str, text: str) -> None:
        """Set an amount cell. Typing an amount makes that column's 合计 derived again: a total
        kept from an imported document (see :meth:`stated_total`) no longer applies and is dropped."""
        if column not in COLUMNS:
            raise KeyError(column)
        stale: str | None = None
        if Cell.from_stored(line, column).kind != TOTAL:
            stale = Cell.total(self.template.funds_group_of(line).key, column).stored_line()  # raises for unknown lines
        self._require_writable()
        with transaction(self._conn):
            self._conn.execute("INSERT INTO fund(line, col, value) VALUES (?, ?, ?) "
                               "ON CONFLICT(line, col) DO UPDATE SET value = excluded.value", (line, column, text))
            if stale is not None:
                self._conn.execute("DELETE FROM fund WHERE line = ? AND col = ?", (stale, column))
        funds = self._all_funds()
        funds[(line, column)] = text
        if stale is not None:
            funds.pop((stale, column), None)
        self._changed(structure=False)

    def fill_funds(self, form: Form) -> None:
        """Make the amounts and stated totals of ``form`` (loaded from this document) what they are now."""
        fill_funds(form, self._all_funds())

    def stated_total(self, group: str, column: str) -> str:
        return self.fund(Cell.total(group, column).stored_line(), column)

    def set_stated_total(self, group: str, column: str, text: str) -> None:
        self.set_fund(Cell.total(group, column).stored_line(), column, text)

    # -- indicators (goalform.store.indicator_table) ---------------------------------------
    def roots(self, tree: str) -> list[int]:
        """Ids of the 一级 nodes of a tree, in order."""
        return self._indicators.roots(tree)

    def children(self, parent_id: int) -> list[int]:
        return self._indicators.children(parent_id)

    def node(self, indicator_id: int) -> IndicatorRecord:
        return self._indicators.node(indicator_id)

    def row_of(self, indicator_id: int) -> int:
        """The row of an indicator among its siblings (0 = first), in constant time."""
        return self._indicators.row_of(indicator_id)

    def set_indicator(self, indicator_id: int, column: str, value: str) -> None:
        self._indicators.check_set(indicator_id, column)
        self._require_writable()
        self._indicators.set(indicator_id, column, value)
        self._changed(structure=False)

    def insert_indicator(self, parent_id: int, row: int, **values: str) -> int:
        """Insert a new child of ``parent_id`` at ``row`` (0 = first); return its id."""
        return self.insert_indicators(parent_id, row, [values])[0]

    def insert_indicators(self, parent_id: int, row: int, rows: list[dict[str, str]]) -> list[int]:
        """Insert several children of ``parent_id`` from ``row`` on, in one transaction (a paste of
        many rows would otherwise re-read the whole tree once per row); return their ids."""
        self._indicators.check_insert(parent_id, rows)
        self._require_writable()
        new_ids = self._indicators.insert(parent_id, row, rows)
        self._changed(structure=True)
        return new_ids

    def remove_indicators(self, ids: list[int]) -> list[Subtree]:
        """Delete several siblings (with what is below them) in one transaction; undo with
        :meth:`restore_indicators`."""
        removed = self._indicators.subtrees(ids)
        self._require_writable()
        self._indicators.remove(ids)
        self._changed(structure=True)
        return removed

    def restore_indicators(self, subtrees: list[Subtree]) -> None:
        """Put back what :meth:`remove_indicators` removed: siblings at consecutive rows, same ids."""
        if not subtrees:
            return
        self._require_writable()
        self._indicators.restore(subtrees)
        self._changed(structure=True)

    def remove_indicator(self, indicator_id: int) -> Subtree:
        """Delete an indicator and everything below it; return what is needed to restore it."""
        return self.remove_indicators([indicator_id])[0]

    def restore_indicator(self, subtree: Subtree) -> None:
        """Put back what :meth:`remove_indicator` removed, with the same ids and at the same row."""
        self.restore_indicators([subtree])

    def move_indicator(self, indicator_id: int, new_row: int) -> None:
        """Move an indicator to ``new_row`` among its siblings (its row after the move)."""
        self._indicators.check_move(indicator_id)
        self._require_writable()
        self._indicators.move(indicator_id, new_row)
        self._changed(structure=True)

    # -- whole form --------------------------------------------------------------------------
    def load_form(self) -> Form:
        """The whole form as domain objects (indicator nodes carry their store ids)."""
        form = Form(template_id=self.template.id, year=self._year)
        fill_form(form, self.template, self._all_fields(), self._all_funds())
        for tree, roots in self._indicators.trees().items():
            form.tree(tree)[:] = roots
        review = self.review()
        form.review = Review(list(review.comments), list(review.history))
        return form

    def replace_form(self, form: Form) -> None:
        """Replace the whole content with ``form`` (same template), in one transaction."""
        if form.template_id != self.template.id:
            raise StoreError("模板版本不同，不能替换")
        self._require_writable()
        with transaction(self._conn):
            for table in ("field", "fund", "indicator"):
                self._conn.execute(f"DELETE FROM {table}")
            write_rows(self._conn, form, self.template)
        self._year = form.year
        self._changed(structure=True)

    # -- review ----------------------------------------------------------------------------
    def review(self) -> Review:
        """The 审核意见 and the status history stored in the file."""
        if self._review is None:
            self._review = review_store.load_review(self._conn)
        return self._review

    def comments(self) -> list[Comment]:
        return list(self.review().comments)

    def add_comment(self, location: str, text: str, author: str) -> Comment:
        """Attach a 审核意见 to ``location`` (the text of a :class:`goalform.domain.cells.Cell`)."""
        if not text.strip():
            raise ReviewError("审核意见不能为空")
        if not author.strip():
            raise ReviewError("请填写审核人")
        self._require_review_writable()
        created, uid = review_store.now(), review_store.new_uid()
        with transaction(self._conn):
            new_id = review_store.insert_comment(self._conn, location, text.strip(), author.strip(), created, uid)
        self._review_changed()
        return Comment(new_id, location, text.strip(), author.strip(), created, uid)

    def is_saved_comment(self, comment: Comment) -> bool:
        """True when ``comment`` is in the file already: evidence, which is never deleted."""
        base = self._base_form.review if self._base_form is not None else None
        return base is not None and any(c.uid == comment.uid for c in base.comments)

    def remove_comment(self, comment: Comment) -> Comment:
        """Delete a 审核意见 not yet saved to the file (a saved one is evidence and stays; a correction is
        a new comment); return it so that :meth:`restore_comment` can put it back (undo)."""
        self._require_review_writable()
        if self.is_saved_comment(comment):
            raise ReviewError("已保存到文件中的审核意见不能删除（可以再添加一条意见更正它）")
        with transaction(self._conn):
            removed = review_store.delete_comment(self._conn, comment.uid)
        self._review_changed()
        return removed

    def restore_comment(self, comment: Comment) -> Comment:
        """Put back a comment :meth:`remove_comment` removed (same uid, author and time); its number may differ."""
        self._require_review_writable()
        with transaction(self._conn):
            taken = self._conn.execute("SELECT 1 FROM review_comment WHERE id = ?", (comment.id,)).fetchone()
            new_id = review_store.insert_comment(self._conn, comment.location, comment.text, comment.author,
                                                 comment.created, comment.uid, None if taken else comment.id)
        self._review_changed()
        return Comment(new_id, comment.location, comment.text, comment.author, comment.created, comment.uid)

    def review_status(self) -> Status:
        """草稿 until someone submits; then the latest recorded status."""
        return self.review().status

    def set_status(self, status: Status, who: str, note: str = "", *, accept_changes: bool = False) -> StatusChange:
        """Move the form to ``status`` (raises ReviewError for a move that makes no sense), recording who,
        when, the note and the fingerprint of the form as it is now.

        通过 of a form whose content is no longer the content of its last 提交 raises
        :class:`ChangedSinceSubmission` unless ``accept_changes`` (the record then keeps the submitted
        fingerprint in ``changed_from``, so the approval says it covers a changed form)."""
        if not who.strip():
            raise ReviewError("请填写姓名")
        check_transition(self.review_status(), status)
        check_note(status, note)
        self._require_review_writable()
        now_fp = self.fingerprint()
        changed_from = self.check_approval(accept_changes) if status is Status.APPROVED else ""
        change = StatusChange(status, who.strip(), review_store.now(), now_fp, note.strip(),
                              review_store.new_uid(), changed_from)
        with transaction(self._conn):
            review_store.insert_status(self._conn, change)
        self._review_changed()
        return change

    def check_approval(self, accept_changes: bool = False) -> str:
        """Before 通过: raise :class:`ChangedSinceSubmission` when the content is not the content of the
        last 提交, unless ``accept_changes``; return the submitted fingerprint the approval departs
        from ('' when it is the submitted content)."""
        now_fp = self.fingerprint()
        submission = self.review().last_submission
        if submission is None or not submission.fingerprint or submission.fingerprint == now_fp:
            return ""
        if not accept_changes:
            raise ChangedSinceSubmission(changed_after_submission(submission, now_fp))
        return submission.fingerprint

    def submit(self, who: str, note: str = "") -> StatusChange:
        """提交: record the form's fingerprint so a reviewer can tell whether it changes afterwards."""
        return self.set_status(Status.SUBMITTED, who, note)

    def fingerprint(self) -> str:
        """SHA-256 of the form's canonical content (goalform.domain.fingerprint)."""
        return fingerprint(self.load_form())

    def modified_since_status(self) -> bool:
        """True when the form is 已提交/已通过 and its content no longer has the recorded fingerprint."""
        change = self.review().last_change
        if change is None or change.status not in FROZEN or not change.fingerprint:
            return False
        return self.fingerprint() != change.fingerprint

    def _review_changed(self) -> None:
        self._review = None
        self._changed(structure=False)

    def _reloaded(self, content: bool) -> None:
        self._review = None
        if content:
            self._indicators.forget()
            self._fields = self._funds = None
            self._year = self._load_year()

    # -- internals -------------------------------------------------------------------------
    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("此文件以只读方式打开，不能修改")

    def _require_review_writable(self) -> None:
        if not self.takes_review:
            raise ReadOnlyError("此文件以只读方式打开，不能添加审核意见或更改状态")

    def _write(self, sql: str, params: Iterable[object]) -> None:
        self._require_writable()
        with transaction(self._conn):
            self._conn.execute(sql, tuple(params))
        self._changed(structure=False)

    def _changed(self, *, structure: bool) -> None:
        if structure:
            self._indicators.forget()
            self._fields = self._funds = None
        self._changes += 1
        self._mark_dirty()
        for callback in list(self._listeners):
            callback()

    def _load_template(self) -> Template:
        template_id = self.field("template")
        try:
            return assets.template(template_id)
        except TemplateError:
            raise CorruptFile(f"文件使用了未知的模板版本「{shown(template_id)}」，可能由更新版本的 goalform 创建") from None

    def _load_year(self) -> int:
        text = self.field("year")
        try:
            year = int(text)
        except ValueError:
            raise CorruptFile(f"文件中的年度「{shown(text)}」无效") from None
        if not 1990 <= year <= 2200:
            raise CorruptFile(f"文件中的年度「{shown(text)}」无效")
        return year
