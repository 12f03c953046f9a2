"""The open document: a .goal file being edited through its working copy.

Every read asks SQLite (through small caches that each write keeps right); every write is one
transaction in the working copy, so nothing lives only in memory and a crash loses no edit.
``save()`` writes the .goal atomically. The GUI's models and undo commands call this API; they
never run SQL themselves.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from goalform import assets
from goalform.domain.fingerprint import fingerprint
from goalform.domain.form import HEADER_FIELDS, INDICATOR_COLUMNS, TREES, Form, Indicator, IndicatorCells, ensure_level1, new_form
from goalform.domain.review import (
    FROZEN,
    Comment,
    Review,
    ReviewError,
    Status,
    StatusChange,
    check_note,
    check_transition,
)
from goalform.domain.template import COLUMNS, Template, TemplateError
from goalform.store import review as review_store
from goalform.store.checks import check_sizes, shown
from goalform.store.database import (
    as_text,
    check_database,
    check_schema,
    classify,
    connect,
    create_database,
    open_checked,
    transaction,
    write_atomically,
)
from goalform.store.errors import ChangedOnDisk, CorruptFile, ReadOnlyError, SaveError, StoreError, TooLarge
from goalform.store.schema import SCHEMA_VERSION, TABLES, migrate
from goalform.store.workspace import WorkingCopy, Workspace, file_stamp, same_file

# Single-valued fields besides the header: the deadline of 长期目标 and the import notes.
OTHER_FIELDS: tuple[str, ...] = ("deadline", "notes")
TOTAL_PREFIX = "total:"


@dataclass(frozen=True)
class IndicatorRecord(IndicatorCells):
    """One row of an indicator tree as stored."""

    id: int
    tree: str
    parent_id: int | None
    level: int
    position: int
    key: str
    name: str
    value: str
    basis: str
    category: str
    prev2: str
    prev1: str


@dataclass(frozen=True)
class Subtree:
    """A removed indicator with everything below it, enough to put it back exactly (undo)."""

    records: tuple[IndicatorRecord, ...]  # the root first, then its descendants


_INDICATOR_SELECT = (
    "SELECT id, tree, parent_id, level, position, key, name, value, basis, category, prev2, prev1 FROM indicator"
)


_text = as_text  # short local name; the rows below use it a lot


def _record(row: tuple) -> IndicatorRecord:
    return IndicatorRecord(
        id=int(row[0]), tree=_text(row[1]), parent_id=None if row[2] is None else int(row[2]),
        level=int(row[3]), position=int(row[4]),
        key=_text(row[5]), name=_text(row[6]), value=_text(row[7]), basis=_text(row[8]),
        category=_text(row[9]), prev2=_text(row[10]), prev1=_text(row[11]),
    )


class Document:
    """A .goal document. Create with :meth:`new`, :meth:`open`, :meth:`from_form` or :meth:`recover`."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path | None,
        read_only: bool,
        working: WorkingCopy | None,
    ) -> None:
        self._conn = conn
        self.path = Path(path) if path else None
        self.read_only = read_only
        self._working = working
        self._changes = 0  # edits since the document was opened
        self._saved_at = 0  # value of _changes at the last save
        self._listeners: list[Callable[[], None]] = []
        self._fields: dict[str, str] | None = None
        self._funds: dict[tuple[str, str], str] | None = None
        self._nodes: dict[int, IndicatorRecord] | None = None
        self._children: dict[tuple[str, int | None], list[int]] | None = None
        self._rows: dict[int, int] = {}
        self._review: Review | None = None
        # How the file at self.path looked when this document last read or wrote it.
        self._disk_stamp: tuple[int, int] | None = working.origin_stamp if working is not None else None
        self.template = self._load_template()
        self._year = self._load_year()
        if working is not None and working.dirty:
            self._saved_at = -1  # recovered edits count as unsaved

    # -- creating and opening --------------------------------------------------------------
    @classmethod
    def new(cls, template: Template, year: int | None = None, *, workspace: Workspace | None = None) -> "Document":
        """A new, unsaved document holding a blank form with the template's default indicators."""
        return cls.from_form(new_form(template, year), workspace=workspace)

    @classmethod
    def from_form(cls, form: Form, *, workspace: Workspace | None = None, path: Path | None = None) -> "Document":
        """A new document holding ``form`` (for import and rollover). Unsaved until :meth:`save`.

        The new document starts as a 草稿 without comments: ``form.review`` is not copied.
        """
        template = assets.template(form.template_id)
        ws = workspace or Workspace()
        wc = ws.create(origin=path)
        conn = create_database(wc.path)
        _write_form(conn, form, template)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        doc = cls(conn, path=path, read_only=False, working=wc)
        doc._changes = 1  # never saved
        doc._mark_dirty()
        return doc

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, workspace: Workspace | None = None) -> "Document":
        """Open a .goal for editing (in a working copy) or for reading only (in a private snapshot in
        memory, so that no temporary file is ever left behind).

        Raises a :class:`StoreError` with a Chinese message when the file is not a usable .goal;
        the file itself is never changed by opening it.
        """
        path = Path(path)
        stamp = file_stamp(path)  # before reading, so that a change made while we read is noticed
        if read_only:
            conn = open_checked(path, working=None)
            try:
                conn.execute("PRAGMA query_only = ON")
                doc = cls(conn, path=path, read_only=True, working=None)
            except BaseException:
                conn.close()
                raise
            doc._disk_stamp = stamp
            return doc
        ws = workspace or Workspace()
        wc = ws.create(origin=path)
        wc.origin_stamp = stamp
        conn: sqlite3.Connection | None = None
        try:
            conn = open_checked(path, working=wc.path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            doc = cls(conn, path=path, read_only=False, working=wc)
        except BaseException:
            if conn is not None:
                conn.close()
            wc.remove()
            raise
        wc.template_id = doc.template.id
        wc.department = doc.field("department")
        wc.write_sidecar()
        return doc

    @classmethod
    def open_for_review(cls, path: Path | str, *, workspace: Workspace | None = None) -> "Document":
        """Open a .goal read-only for a reviewer: the form cannot be edited, 审核意见 and status changes
        can (:attr:`takes_review`). The copy lives in a working copy like an editable document's, so
        review records not yet saved survive a crash (:meth:`recover` opens it review-only again)."""
        doc = cls.open(path, workspace=workspace)
        doc.read_only = True
        assert doc._working is not None
        doc._working.review_only = True
        doc._working.write_sidecar()
        return doc

    @classmethod
    def recover(cls, working: WorkingCopy, *, workspace: Workspace | None = None) -> "Document":
        """Take up a working copy left behind by a crash, with its unsaved edits."""
        ws = workspace or Workspace()
        conn = connect(working.path)
        try:
            # A working copy left by an older goalform has an older schema: migrate it in place (it is ours).
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if not 1 <= version <= SCHEMA_VERSION:
                raise CorruptFile(f"工作副本 {working.path.name} 的格式版本无效，无法恢复")
            check_database(conn, working.path.name, version)
            if version < SCHEMA_VERSION:
                migrate(conn, version)
                check_schema(conn, working.path.name)
            doc = cls(conn, path=working.origin, read_only=working.review_only, working=ws.adopt(working))
        except (sqlite3.Error, UnicodeDecodeError) as e:
            conn.close()
            raise classify(e, working.path.name) from None
        except BaseException:
            conn.close()
            raise
        return doc

    def close(self) -> None:
        """Close the document, dropping its working copy (save first to keep edits)."""
        if self._conn is None:
            return
        self._conn.close()
        self._conn = None  # type: ignore[assignment]
        if self._working is not None:
            self._working.remove()

    def __enter__(self) -> "Document":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- state -----------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        """True when there are edits that are not in the .goal on disk."""
        return self._changes != self._saved_at

    @property
    def takes_review(self) -> bool:
        """True when 审核意见 and status changes can be recorded: an editable document, or one opened
        with :meth:`open_for_review` ("review-only": its working copy takes them in the review tables
        while every write to the form itself is refused, and :meth:`save` writes it back, so the file
        keeps its content and its fingerprint and gains the review records). A plain read-only
        document (batch work) takes none."""
        return not self.read_only or (self.path is not None and self._working is not None)

    @property
    def working_path(self) -> Path | None:
        return self._working.path if self._working else None

    @property
    def year(self) -> int:
        return self._year

    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every change (used for dirty markers and revalidation)."""
        self._listeners.append(callback)

    def save(self, path: Path | str | None = None, *, overwrite_changes: bool = False) -> None:
        """Write the document to ``path`` (default: where it came from) atomically.

        Saving back over the file it came from raises :class:`ChangedOnDisk` when that file was
        rewritten since this document read or wrote it (another goalform, a copy from a colleague),
        unless ``overwrite_changes`` says the user chose to replace it.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise StoreError("请选择保存位置")

        def check() -> None:
            if not overwrite_changes and self.changed_on_disk(target):
                raise ChangedOnDisk(f"「{target.name}」在打开之后被其他程序或另一个 goalform 窗口修改过；"
                                    "保存会覆盖那些修改（原文件未改动）")

        check()  # at once, and again under the save lock just before the file is replaced
        try:
            check_sizes(self._conn, target.name, TABLES)  # never write a file that goalform would refuse to open
        except TooLarge as e:
            raise SaveError(f"不能保存：{e}（原文件未改动）") from None
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        stamp = write_atomically(self._conn, target, check)
        self.path = target
        self._saved_at = self._changes
        self._disk_stamp = stamp
        if self._working is not None:
            self._working.origin_stamp = self._disk_stamp
            self._working.origin = target
            self._working.dirty = False
            self._working.department = self.field("department")
            self._working.write_sidecar()

    def forget_edits_if_unchanged(self) -> bool:
        """Count the document as saved when it again holds exactly what its file holds.

        Called when undo has led back to the state of the last save. The content itself is compared
        (form, comments and status), so edits that are not on the undo stack, or a file someone else
        rewrote, keep the document unsaved. Returns True when the document became clean.
        """
        if not self.is_dirty or self.read_only or self.path is None or self.changed_on_disk():
            return False
        try:
            with Document.open(self.path, read_only=True) as saved:
                same = saved.load_form() == self.load_form() and saved.review() == self.review()
        except (StoreError, OSError):
            return False
        if same:
            self._saved_at = self._changes
            if self._working is not None:
                self._working.dirty = False
                self._working.write_sidecar()
        return same

    def changed_on_disk(self, target: Path | None = None) -> bool:
        """True when ``target`` (default: this document's file) is the file this document came from
        and it was rewritten since this document last read or wrote it."""
        target = self.path if target is None else Path(target)
        if target is None or self.path is None or self._disk_stamp is None:
            return False
        if not same_file(target, self.path):
            return False
        now = file_stamp(target)
        return now is not None and now != self._disk_stamp

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
        if not line.startswith(TOTAL_PREFIX):
            stale = TOTAL_PREFIX + self.template.funds_group_of(line).key  # raises for unknown lines
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

    def stated_total(self, group: str, column: str) -> str:
        return self.fund(TOTAL_PREFIX + group, column)

    def set_stated_total(self, group: str, column: str, text: str) -> None:
        self.set_fund(TOTAL_PREFIX + group, column, text)

    # -- indicators ------------------------------------------------------------------------
    def _index(self) -> tuple[dict[int, IndicatorRecord], dict[tuple[str, int | None], list[int]]]:
        if self._nodes is None or self._children is None:
            nodes: dict[int, IndicatorRecord] = {}
            children: dict[tuple[str, int | None], list[int]] = {}
            for row in self._conn.execute(_INDICATOR_SELECT + " ORDER BY tree, parent_id, position, id"):
                rec = _record(row)
                nodes[rec.id] = rec
            for rec in nodes.values():
                # Trust only well-formed links: a level-n node hangs under a level-(n-1) node of its tree.
                if rec.level == 1:
                    children.setdefault((rec.tree, None), []).append(rec.id)
                else:
                    parent = nodes.get(rec.parent_id) if rec.parent_id is not None else None
                    if parent is not None and parent.tree == rec.tree and parent.level == rec.level - 1:
                        children.setdefault((rec.tree, rec.parent_id), []).append(rec.id)
            for ids in children.values():
                ids.sort(key=lambda i: (nodes[i].position, i))
            self._nodes, self._children = nodes, children
            # Row of every linked node among its siblings: the GUI's tree model asks for it on
            # every parent() call, so it must not scan the sibling list.
            self._rows = {i: row for ids in children.values() for row, i in enumerate(ids)}
        return self._nodes, self._children

    def roots(self, tree: str) -> list[int]:
        """Ids of the 一级 nodes of a tree, in order."""
        return list(self._index()[1].get((tree, None), []))

    def children(self, parent_id: int) -> list[int]:
        node = self.node(parent_id)
        return list(self._index()[1].get((node.tree, parent_id), []))

    def node(self, indicator_id: int) -> IndicatorRecord:
        try:
            return self._index()[0][indicator_id]
        except KeyError:
            raise KeyError(f"no indicator {indicator_id}") from None

    def row_of(self, indicator_id: int) -> int:
        """The row of an indicator among its siblings (0 = first), in constant time."""
        self.node(indicator_id)  # KeyError for an unknown id
        try:
            return self._rows[indicator_id]
        except KeyError:
            raise ValueError(f"indicator {indicator_id} is not linked into its tree") from None

    def set_indicator(self, indicator_id: int, column: str, value: str) -> None:
        if column not in INDICATOR_COLUMNS:
            raise KeyError(column)
        rec = self.node(indicator_id)
        if rec.level == 1 and column == "name":
            raise StoreError("一级指标由模板固定，不能修改")
        self._write(f"UPDATE indicator SET {column} = ? WHERE id = ?", (value, indicator_id))
        self._index()[0][indicator_id] = replace(rec, **{column: value})

    def insert_indicator(self, parent_id: int, row: int, **values: str) -> int:
        """Insert a new child of ``parent_id`` at ``row`` (0 = first); return its id."""
        return self.insert_indicators(parent_id, row, [values])[0]

    def insert_indicators(self, parent_id: int, row: int, rows: list[dict[str, str]]) -> list[int]:
        """Insert several children of ``parent_id`` from ``row`` on, in one transaction (a paste of
        many rows would otherwise re-read the whole tree once per row); return their ids."""
        parent = self.node(parent_id)
        if parent.level >= 3:
            raise StoreError("三级指标下不能再添加指标")
        unknown = {k for values in rows for k in values} - set(INDICATOR_COLUMNS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        siblings = self.children(parent_id)
        row = max(0, min(row, len(siblings)))
        self._require_writable()
        new_ids = []
        with transaction(self._conn):
            self._renumber(siblings[:row] + [None] * len(rows) + siblings[row:])  # type: ignore[list-item]
            for k, values in enumerate(rows):
                cols = ["tree", "parent_id", "level", "position"] + list(values)
                cur = self._conn.execute(
                    f"INSERT INTO indicator({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [parent.tree, parent_id, parent.level + 1, row + k, *values.values()],
                )
                new_ids.append(int(cur.lastrowid))
        self._changed(structure=True)
        return new_ids

    def remove_indicators(self, ids: list[int]) -> list[Subtree]:
        """Delete several siblings (with what is below them) in one transaction; undo with
        :meth:`restore_indicators`."""
        removed = []
        for indicator_id in ids:
            rec = self.node(indicator_id)
            if rec.level == 1:
                raise StoreError("一级指标由模板固定，不能删除")
            records = [rec]
            stack = [indicator_id]
            while stack:
                for child in self.children(stack.pop()):
                    records.append(self.node(child))
                    stack.append(child)
            removed.append(Subtree(tuple(records)))
        gone = set(ids)
        parents = {(self.node(i).tree, self.node(i).parent_id) for i in ids}
        self._require_writable()
        with transaction(self._conn):
            self._conn.executemany("DELETE FROM indicator WHERE id = ?", [(i,) for i in ids])
            for key in parents:
                self._renumber([i for i in self._index()[1].get(key, []) if i not in gone])
        self._changed(structure=True)
        return removed

    def restore_indicators(self, subtrees: list[Subtree]) -> None:
        """Put back what :meth:`remove_indicators` removed: siblings at consecutive rows, same ids."""
        if not subtrees:
            return
        root = subtrees[0].records[0]
        siblings = list(self._index()[1].get((root.tree, root.parent_id), []))
        row = max(0, min(root.position, len(siblings)))
        self._require_writable()
        with transaction(self._conn):
            self._renumber(siblings[:row] + [None] * len(subtrees) + siblings[row:])  # type: ignore[list-item]
            for k, subtree in enumerate(subtrees):
                top = subtree.records[0]
                for rec in subtree.records:
                    self._conn.execute(
                        "INSERT INTO indicator(id, tree, parent_id, level, position, key, name, value, basis,"
                        " category, prev2, prev1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (rec.id, rec.tree, rec.parent_id, rec.level, row + k if rec is top else rec.position,
                         rec.key, rec.name, rec.value, rec.basis, rec.category, rec.prev2, rec.prev1),
                    )
        self._changed(structure=True)

    def remove_indicator(self, indicator_id: int) -> Subtree:
        """Delete an indicator and everything below it; return what is needed to restore it."""
        return self.remove_indicators([indicator_id])[0]

    def restore_indicator(self, subtree: Subtree) -> None:
        """Put back what :meth:`remove_indicator` removed, with the same ids and at the same row."""
        self.restore_indicators([subtree])

    def move_indicator(self, indicator_id: int, new_row: int) -> None:
        """Move an indicator to ``new_row`` among its siblings (its row after the move)."""
        rec = self.node(indicator_id)
        if rec.level == 1:
            raise StoreError("一级指标由模板固定，不能移动")
        siblings = [i for i in self._index()[1].get((rec.tree, rec.parent_id), []) if i != indicator_id]
        new_row = max(0, min(new_row, len(siblings)))
        siblings.insert(new_row, indicator_id)
        self._require_writable()
        with transaction(self._conn):
            self._renumber(siblings)
        self._changed(structure=True)

    def _renumber(self, ids: list[int | None]) -> None:
        """Give ``ids`` positions 0..n-1 (None marks a slot being filled by the caller)."""
        nodes = self._index()[0]
        for position, i in enumerate(ids):
            if i is not None and nodes[i].position != position:
                self._conn.execute("UPDATE indicator SET position = ? WHERE id = ?", (position, i))

    # -- whole form --------------------------------------------------------------------------
    def load_form(self) -> Form:
        """The whole form as domain objects (indicator nodes carry their store ids)."""
        fields = self._all_fields()
        form = Form(template_id=self.template.id, year=self._year)
        for key in HEADER_FIELDS + OTHER_FIELDS:
            setattr(form, key, fields.get(key, ""))
        form.texts = {t.key: fields.get(t.key, "") for t in self.template.texts}
        for (line, column), value in self._all_funds().items():
            if line.startswith(TOTAL_PREFIX):
                form.stated_totals[(line[len(TOTAL_PREFIX):], column)] = value
            else:
                form.funds[(line, column)] = value
        nodes, children = self._index()

        def build(i: int) -> Indicator:
            r = nodes[i]
            return Indicator(
                level=r.level, name=r.name, key=r.key, value=r.value, basis=r.basis, category=r.category,
                prev2=r.prev2, prev1=r.prev1, id=r.id,
                children=[build(c) for c in children.get((r.tree, r.id), [])],
            )

        for tree in TREES:
            form.tree(tree)[:] = [build(i) for i in children.get((tree, None), [])]
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
            _write_rows(self._conn, form, self.template)
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
        """Attach a 审核意见 to ``location`` (see goalform.domain.review: field_target, indicator_target...)."""
        if not text.strip():
            raise ReviewError("审核意见不能为空")
        if not author.strip():
            raise ReviewError("请填写审核人")
        self._require_review_writable()
        created = review_store.now()
        with transaction(self._conn):
            new_id = review_store.insert_comment(self._conn, location, text.strip(), author.strip(), created)
        self._review_changed()
        return Comment(new_id, location, text.strip(), author.strip(), created)

    def remove_comment(self, comment_id: int) -> Comment:
        """Delete a 审核意见; return it so that :meth:`restore_comment` can put it back (undo)."""
        self._require_review_writable()
        with transaction(self._conn):
            removed = review_store.delete_comment(self._conn, comment_id)
        self._review_changed()
        return removed

    def restore_comment(self, comment: Comment) -> None:
        self._require_review_writable()
        with transaction(self._conn):
            review_store.insert_comment(self._conn, comment.location, comment.text, comment.author, comment.created,
                                        comment_id=comment.id)
        self._review_changed()

    def review_status(self) -> Status:
        """草稿 until someone submits; then the latest recorded status."""
        return self.review().status

    def set_status(self, status: Status, who: str, note: str = "") -> StatusChange:
        """Move the form to ``status`` (raises ReviewError for a move that makes no sense), recording who,
        when, the note and the fingerprint of the form as it is now."""
        if not who.strip():
            raise ReviewError("请填写姓名")
        check_transition(self.review_status(), status)
        check_note(status, note)
        self._require_review_writable()
        change = StatusChange(status, who.strip(), review_store.now(), self.fingerprint(), note.strip())
        with transaction(self._conn):
            review_store.insert_status(self._conn, change)
        self._review_changed()
        return change

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
            self._nodes = self._children = None
            self._fields = self._funds = None
        self._changes += 1
        self._mark_dirty()
        for callback in list(self._listeners):
            callback()

    def _mark_dirty(self) -> None:
        if self._working is not None and not self._working.dirty:
            self._working.dirty = True
            self._working.modified = time.time()
            self._working.write_sidecar()

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


def _write_form(conn: sqlite3.Connection, form: Form, template: Template) -> None:
    with transaction(conn):
        _write_rows(conn, form, template)


def _write_rows(conn: sqlite3.Connection, form: Form, template: Template) -> None:
    ensure_level1(form, template)
    fields = {"template": template.id, "year": str(form.year)}
    for key in HEADER_FIELDS + OTHER_FIELDS:
        fields[key] = getattr(form, key)
    for t in template.texts:
        fields[t.key] = form.texts.get(t.key, "")
    conn.executemany("INSERT INTO field(key, value) VALUES (?, ?)", fields.items())
    conn.executemany(
        "INSERT INTO fund(line, col, value) VALUES (?, ?, ?)",
        [(l, c, v) for (l, c), v in form.funds.items() if v != ""]
        + [(TOTAL_PREFIX + g, c, v) for (g, c), v in form.stated_totals.items() if v != ""],
    )

    def insert(node: Indicator, tree: str, parent_id: int | None, position: int) -> None:
        cur = conn.execute(
            "INSERT INTO indicator(tree, parent_id, level, position, key, name, value, basis, category, prev2, prev1)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (tree, parent_id, node.level, position, node.key, node.name, node.value, node.basis, node.category,
             node.prev2, node.prev1),
        )
        for i, child in enumerate(node.children):
            insert(child, tree, int(cur.lastrowid), i)

    for tree in TREES:
        for i, root in enumerate(form.tree(tree)):
            insert(root, tree, None, i)


def read_form(path: Path | str) -> tuple[Form, Template]:
    """Read a .goal for batch work (validate, show, export, summarize) without a working copy."""
    with Document.open(path, read_only=True) as doc:
        return doc.load_form(), doc.template
