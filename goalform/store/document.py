"""The open document: a .goal file being edited through its working copy; the one front through which
goalform reads and writes a form.

Every read asks SQLite (through small caches that each write keeps right); every write is one
transaction in the working copy, so nothing lives only in memory and a crash loses no edit.
``save()`` writes the .goal atomically. The GUI's models and undo commands call this API; they
never run SQL themselves. The document is the front of parts it holds, each with one job: the file
on disk and its working copy (open, save under the lock, recovery: :mod:`goalform.store.document_file`),
the indicator table and its cache (:mod:`goalform.store.indicator_table`), the 审核意见 and status
history (:mod:`goalform.store.review_records`); which row holds which cell is :mod:`goalform.store.form_rows`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, TypeVar

from goalform import assets
from goalform.domain.cells import Cell
from goalform.domain.fingerprint import fingerprint
from goalform.domain.form import HEADER_FIELDS, OTHER_FIELDS, Form, new_form
from goalform.domain.review import Comment, Review, Status, StatusChange
from goalform.domain.template import COLUMNS, Template, TemplateError
from goalform.store.checks import shown
from goalform.store.database import as_text, transaction
from goalform.store.document_file import DocumentFile
from goalform.store.merging import SaveOutcome
from goalform.store.review_records import ReviewRecords
from goalform.store.errors import CorruptFile, ReadOnlyError, StoreError
from goalform.store.form_rows import fill_form, write_rows
from goalform.store.indicator_table import IndicatorRecord, IndicatorTable, Subtree
from goalform.store.workspace import WorkingCopy, Workspace

__all__ = ["Document", "IndicatorRecord", "Subtree"]

_text = as_text  # short local name
D = TypeVar("D", bound="Document")


class Document:
    """A .goal document. Create with :meth:`new`, :meth:`open`, :meth:`from_form` or :meth:`recover`.
    It holds its file (:class:`DocumentFile`: the .goal on disk and the working copy, opening to saving)."""

    def __init__(self, file: DocumentFile) -> None:
        self._file = file
        self._listeners: list[tuple[Callable[..., None], bool]] = []  # (callback, whether it takes the cell)
        self._fields: dict[str, str] | None = None
        self._funds: dict[tuple[str, str], str] | None = None
        self._indicators = IndicatorTable(lambda: self._conn)
        self._records = ReviewRecords(lambda: self._conn, may_record=self._require_review_writable,
                                      fingerprint=self.fingerprint, saved_review=self._saved_review,
                                      changed=lambda: self._changed(structure=False))
        self.template = self._load_template()
        self._year = self._load_year()

    # -- creating and opening (goalform.store.document_file) --------------------------------
    @classmethod
    def new(cls: type[D], template: Template, year: int | None = None, *, workspace: Workspace | None = None,
            starting: dict[str, str] | None = None) -> D:
        """A new document holding a blank form with the template's default indicators and the header
        fields ``starting`` (the user's own name and phone, today's date). Nothing in it is the clerk's
        work yet, so it starts clean: closing it untouched asks nothing (the first edit makes it dirty;
        保存 still asks where to save it)."""
        form = new_form(template, year)
        for key, value in (starting or {}).items():
            if key not in HEADER_FIELDS:
                raise ValueError(f"not a header field: {key}")
            setattr(form, key, value)
        doc = cls.from_form(form, workspace=workspace)
        doc._file.saved_at = doc._file.changes
        return doc

    @classmethod
    def from_form(cls: type[D], form: Form, *, workspace: Workspace | None = None, path: Path | None = None) -> D:
        """A new document holding ``form`` (for import and rollover). Unsaved until :meth:`save`.
        The new document starts as a 草稿 without comments: ``form.review`` is not copied."""
        return DocumentFile.create(form, assets.template(form.template_id), cls, workspace=workspace, path=path)

    @classmethod
    def open(cls: type[D], path: Path | str, *, read_only: bool = False, workspace: Workspace | None = None) -> D:
        """Open a .goal for editing (in a working copy) or for reading only (in a private snapshot in
        memory). Raises a :class:`StoreError` with a Chinese message when the file is not a usable
        .goal; the file itself is never changed by opening it."""
        doc = DocumentFile.open(Path(path), cls, read_only=read_only, workspace=workspace)
        if not read_only:
            doc._file.opened(doc)
        return doc

    @classmethod
    def open_for_review(cls: type[D], path: Path | str, *, workspace: Workspace | None = None) -> D:
        """Open a .goal read-only for a reviewer: the form cannot be edited, 审核意见 and status changes
        can (:attr:`takes_review`). The copy lives in a working copy like an editable document's, so
        review records not yet saved survive a crash (:meth:`recover` opens it review-only again)."""
        doc = cls.open(path, workspace=workspace)
        doc._file.review_only()
        return doc

    @classmethod
    def recover(cls: type[D], working: WorkingCopy, *, workspace: Workspace | None = None) -> D:
        """Take up a working copy left behind by a crash, with its unsaved edits."""
        return DocumentFile.recover(working, cls, workspace=workspace)

    def read_file(self, path: Path) -> Document:
        """The .goal at ``path`` opened read-only (what a save takes in from, or compares with)."""
        return type(self).open(path, read_only=True)

    def close(self) -> None:
        """Close the document, dropping its working copy (save first to keep edits)."""
        self._file.close()

    def __enter__(self: D) -> D:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the file: where, whether saved (goalform.store.document_file) -------------------------
    # Where it is saved (Path | None) and whether the form is read-only (bool): the file's, settable as ever.
    path = property(lambda self: self._file.path, lambda self, value: setattr(self._file, "path", value))
    read_only = property(lambda self: self._file.read_only, lambda self, value: setattr(self._file, "read_only", value))
    # The connection and the working copy, for the parts (and the tests that play a second process or a full disk).
    _conn = property(lambda self: self._file.conn, lambda self, conn: setattr(self._file, "conn", conn))
    _working = property(lambda self: self._file.working)

    @property
    def is_dirty(self) -> bool:
        """True when there are edits that are not in the .goal on disk."""
        return self._file.is_dirty

    @property
    def takes_review(self) -> bool:
        """True when 审核意见 and status changes can be recorded: an editable document, or one opened
        with :meth:`open_for_review` ("review-only": its working copy takes them in the review tables
        while every write to the form itself is refused, and :meth:`save` writes it back, so the file
        keeps its content and its fingerprint and gains the review records). A plain read-only
        document (batch work) takes none."""
        return self._file.takes_review

    @property
    def working_path(self) -> Path | None:
        return self._file.working.path if self._file.working else None

    def add_listener(self, callback: Callable[..., None], *, cells: bool = False) -> None:
        """Call ``callback()`` after every change; with ``cells``, ``callback(cell)``: the :class:`Cell` written, or
        None for any other change (rows inserted, deleted or moved, a new form, the year, review records)."""
        self._listeners.append((callback, cells))

    def save(self, path: Path | str | None = None, *, overwrite_changes: bool = False) -> SaveOutcome:
        """Write the document to ``path`` (default: where it came from) atomically, taking in what
        the file there holds that this document lacks (:mod:`goalform.store.merging`): every review
        record on disk is kept, a review-only document writes its records onto the file's current
        content, and when only the file changed the content its content is taken.

        Raises :class:`ChangedOnDisk` when the file it came from had its content changed since this
        document read or wrote it *and* this document changed the content too, unless
        ``overwrite_changes`` says the user chose to replace that content (the records still merge).
        """
        return self._file.save(self, path, overwrite_changes=overwrite_changes)

    def forget_edits_if_unchanged(self) -> bool:
        """Count the document as saved when it again holds exactly what its file holds.

        Called when undo has led back to the state of the last save. The content itself is compared
        (form, comments and status), so edits that are not on the undo stack, or a file someone else
        rewrote, keep the document unsaved. Returns True when the document became clean.
        """
        return self._file.forget_edits_if_unchanged(self)

    def changed_on_disk(self, target: Path | None = None) -> bool:
        """True when ``target`` (default: this document's file) is the file this document came from
        and it was rewritten since this document last read or wrote it."""
        return self._file.changed_on_disk(target)

    # -- the form ----------------------------------------------------------------------------
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
                    (key, value), before=lambda: self._all_fields().__setitem__(key, value), cell=Cell.field(key))

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

    # An amount is named by (line, column), a printed 合计 by (group, column): a Cell.fund / Cell.total
    # unpacked, the form's own key of an amount (Form.funds, the funds grid, the editor's signal). Its
    # ``fund`` row is derived from the Cell here only: callers never spell a stored ``total:GROUP``.
    def fund(self, line: str, column: str) -> str:
        """The amount of funds line ``line`` in ``column`` ('' when empty)."""
        return self._amount(Cell.fund(line, column))

    def set_fund(self, line: str, column: str, text: str) -> None:
        """Set an amount cell. Typing an amount makes that column's 合计 derived again: a total
        kept from an imported document (see :meth:`stated_total`) no longer applies and is dropped."""
        if column not in COLUMNS:
            raise KeyError(column)
        group = self.template.funds_group_of(line).key  # raises for unknown lines
        self._set_amount(Cell.fund(line, column), text, drop=Cell.total(group, column))

    def fill_cells(self, form: Form) -> None:
        """Make the fields, texts, amounts and stated totals of ``form`` (loaded from this document) what they are now."""
        fill_form(form, self.template, self._all_fields(), self._all_funds())

    def stated_total(self, group: str, column: str) -> str:
        """The 合计 of ``group`` in ``column`` as an imported document printed it ('' when derived)."""
        return self._amount(Cell.total(group, column))

    def set_stated_total(self, group: str, column: str, text: str) -> None:
        if column not in COLUMNS:
            raise KeyError(column)
        self._set_amount(Cell.total(group, column), text)

    def _amount(self, cell: Cell) -> str:
        return self._all_funds().get((cell.stored_line(), cell.column), "")

    def _set_amount(self, cell: Cell, text: str, drop: Cell | None = None) -> None:
        """Write the ``fund`` row of ``cell``, deleting the row of ``drop`` in the same transaction."""
        self._require_writable()
        line, stale = cell.stored_line(), drop.stored_line() if drop is not None else None
        with transaction(self._conn):
            self._conn.execute("INSERT INTO fund(line, col, value) VALUES (?, ?, ?) "
                               "ON CONFLICT(line, col) DO UPDATE SET value = excluded.value", (line, cell.column, text))
            if stale is not None:
                self._conn.execute("DELETE FROM fund WHERE line = ? AND col = ?", (stale, cell.column))
        funds = self._all_funds()
        funds[(line, cell.column)] = text
        if stale is not None:
            funds.pop((stale, cell.column), None)
        self._changed(structure=False, cell=cell)

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
        self._changed(structure=False, cell=Cell.indicator(indicator_id, column))

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

    # -- review (goalform.store.review_records) ----------------------------------------------
    def review(self) -> Review:
        """The 审核意见 and the status history stored in the file."""
        return self._records.review()

    def comments(self) -> list[Comment]:
        return self._records.comments()

    def add_comment(self, location: str, text: str, author: str) -> Comment:
        """Attach a 审核意见 to ``location`` (the text of a :class:`goalform.domain.cells.Cell`)."""
        return self._records.add_comment(location, text, author)

    def is_saved_comment(self, comment: Comment) -> bool:
        """True when ``comment`` is in the file already: evidence, which is never deleted."""
        return self._records.is_saved_comment(comment)

    def remove_comment(self, comment: Comment) -> Comment:
        """Delete a 审核意见 not yet saved to the file; return it for :meth:`restore_comment` (undo)."""
        return self._records.remove_comment(comment)

    def restore_comment(self, comment: Comment) -> Comment:
        """Put back a comment :meth:`remove_comment` removed (same uid, author and time); its number may differ."""
        return self._records.restore_comment(comment)

    def review_status(self) -> Status:
        """草稿 until someone submits; then the latest recorded status."""
        return self._records.review_status()

    def set_status(self, status: Status, who: str, note: str = "", *, accept_changes: bool = False) -> StatusChange:
        """Move the form to ``status``, recording who, when, the note and the form's fingerprint
        (:meth:`goalform.store.review_records.ReviewRecords.set_status`)."""
        return self._records.set_status(status, who, note, accept_changes=accept_changes)

    def check_approval(self, accept_changes: bool = False) -> str:
        """Before 通过: the submitted fingerprint the approval departs from ('' when none), or
        :class:`ChangedSinceSubmission` unless ``accept_changes``."""
        return self._records.check_approval(accept_changes)

    def submit(self, who: str, note: str = "") -> StatusChange:
        """提交: record the form's fingerprint so a reviewer can tell whether it changes afterwards."""
        return self._records.submit(who, note)

    def modified_since_status(self) -> bool:
        """True when the form is 已提交/已通过 and its content no longer has the recorded fingerprint."""
        return self._records.modified_since_status()

    def fingerprint(self) -> str:
        """SHA-256 of the form's canonical content (goalform.domain.fingerprint)."""
        return fingerprint(self.load_form())

    def reread(self, content: bool) -> None:
        """The review tables (and with ``content`` the form) were replaced under the caches (a save
        took in what the file held)."""
        self._records.forget()
        if content:
            self._indicators.forget()
            self._fields = self._funds = None
            self._year = self._load_year()

    # -- internals -------------------------------------------------------------------------
    def _saved_review(self) -> Review | None:
        base = self._file.base_form
        return base.review if base is not None else None

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError("此文件以只读方式打开，不能修改")

    def _require_review_writable(self) -> None:
        if not self.takes_review:
            raise ReadOnlyError("此文件以只读方式打开，不能添加审核意见或更改状态")

    def _write(self, sql: str, params: Iterable[object], *, before: Callable[[], None] = lambda: None,
               cell: Cell | None = None) -> None:  # before: makes the caches right before the listeners hear
        self._require_writable()
        with transaction(self._conn):
            self._conn.execute(sql, tuple(params))
        before()
        self._changed(structure=False, cell=cell)

    def _changed(self, *, structure: bool, cell: Cell | None = None) -> None:
        if structure:
            self._indicators.forget()
            self._fields = self._funds = None
        self._file.changed()
        for callback, with_cell in list(self._listeners):
            callback(cell) if with_cell else callback()

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
