"""The life of a document: created, opened (editable, read-only, review-only), recovered after a
crash, saved atomically, closed. :class:`goalform.store.document.Document` builds on this base and
is the one front; this module holds no knowledge of the form's content beyond what a save records
(the department, for the recovery list).
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Callable, TypeVar

from goalform import assets
from goalform.domain.errors import os_error_text
from goalform.domain.form import HEADER_FIELDS, Form, new_form
from goalform.domain.review import Review
from goalform.domain.template import Template
from goalform.store.checks import check_sizes
from goalform.store.database import (
    check_database,
    check_schema,
    classify,
    connect,
    create_database,
    open_checked,
)
from goalform.domain.fingerprint import fingerprint
from goalform.store import merging
from goalform.store.errors import (
    ChangedOnDisk,
    CorruptFile,
    SaveError,
    StoreError,
    TooLarge,
    is_disk_full,
    sqlite_error_text,
)
from goalform.store.form_rows import write_form
from goalform.store.leftovers import clean_folder
from goalform.store.locking import save_lock
from goalform.store.merging import SaveOutcome
from goalform.store.saving import save_target, write_atomically
from goalform.store.schema import SCHEMA_VERSION, TABLES, migrate
from goalform.store.workspace import WorkingCopy, Workspace, file_stamp, same_file

D = TypeVar("D", bound="DocumentFile")


class DocumentFile:
    """A .goal being worked on: its connection, its working copy, whether it is saved."""

    template: Template

    def __init__(self, conn: sqlite3.Connection, *, path: Path | None, read_only: bool,
                 working: WorkingCopy | None) -> None:
        self._conn = conn
        self.path = Path(path) if path else None
        self.read_only = read_only
        self._working = working
        self._changes = 0  # edits since the document was opened
        self._saved_at = 0  # value of _changes at the last save
        self._listeners: list[Callable[[], None]] = []
        # How the file at self.path looked when this document last read or wrote it.
        self._disk_stamp: tuple[int, int] | None = working.origin_stamp if working is not None else None
        if working is not None and working.dirty:
            self._saved_at = -1  # recovered edits count as unsaved
        # The content as this document last read or wrote the file (what a save compares the file
        # with); None when unknown (a new or recovered document). Set by open() and save().
        self._base_form: Form | None = None  # what the file held when read or last saved (a private copy)
        self._base_print: str | None = None  # its fingerprint, computed when a save first needs it

    # What a save and a comparison with the file need of the content (the document provides them).
    def field(self, key: str) -> str:
        raise NotImplementedError

    def load_form(self) -> Form:
        raise NotImplementedError

    def review(self) -> Review:
        raise NotImplementedError

    # -- creating and opening --------------------------------------------------------------
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
        doc._saved_at = doc._changes
        return doc

    @classmethod
    def from_form(cls: type[D], form: Form, *, workspace: Workspace | None = None, path: Path | None = None) -> D:
        """A new document holding ``form`` (for import and rollover). Unsaved until :meth:`save`.

        The new document starts as a 草稿 without comments: ``form.review`` is not copied.
        """
        template = assets.template(form.template_id)
        ws = workspace or Workspace()
        wc = _create_working_copy(ws, path)
        conn: sqlite3.Connection | None = None
        try:
            conn = create_database(wc.path)
            write_form(conn, form, template)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException as e:  # a full data folder: said, and nothing half-made left there
            if conn is not None:
                conn.close()
            wc.remove()
            if not isinstance(e, (sqlite3.Error, OSError)):
                raise
            text = sqlite_error_text(e) if isinstance(e, sqlite3.Error) else os_error_text(e)
            raise StoreError(f"无法在 goalform 的数据文件夹（{ws.root}）中建立工作副本：{text}") from None
        doc = cls(conn, path=path, read_only=False, working=wc)
        doc._changes = 1  # never saved
        doc._mark_dirty()
        return doc

    @classmethod
    def open(cls: type[D], path: Path | str, *, read_only: bool = False, workspace: Workspace | None = None) -> D:
        """Open a .goal for editing (in a working copy) or for reading only (in a private snapshot in
        memory, so that no temporary file is ever left behind).

        Raises a :class:`StoreError` with a Chinese message when the file is not a usable .goal;
        the file itself is never changed by opening it.
        """
        path = Path(path)
        clean_folder(path.parent)  # what saves killed there left behind (store.leftovers)
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
        wc = _create_working_copy(ws, path)
        wc.origin_stamp = stamp
        conn: sqlite3.Connection | None = None
        try:
            conn = open_checked(path, working=wc.path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            doc = cls(conn, path=path, read_only=False, working=wc)
        except BaseException as e:
            if conn is not None:
                conn.close()
            wc.remove()
            if isinstance(e, sqlite3.Error) and is_disk_full(e):
                raise StoreError(f"无法在 goalform 的数据文件夹（{ws.root}）中建立工作副本：{sqlite_error_text(e)}") from None
            raise
        wc.template_id = doc.template.id
        wc.department = doc.field("department")
        wc.write_sidecar()
        doc._saved()  # the content read is the base of the next save
        return doc

    @classmethod
    def open_for_review(cls: type[D], path: Path | str, *, workspace: Workspace | None = None) -> D:
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
    def recover(cls: type[D], working: WorkingCopy, *, workspace: Workspace | None = None) -> D:
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

    def __enter__(self: D) -> D:
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

    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every change (used for dirty markers and revalidation)."""
        self._listeners.append(callback)

    # -- saving ----------------------------------------------------------------------------
    def save(self, path: Path | str | None = None, *, overwrite_changes: bool = False) -> SaveOutcome:
        """Write the document to ``path`` (default: where it came from) atomically, taking in what
        the file there holds that this document lacks (:mod:`goalform.store.merging`): every review
        record on disk is kept, a review-only document writes its records onto the file's current
        content, and when only the file changed the content its content is taken.

        Raises :class:`ChangedOnDisk` when the file it came from had its content changed since this
        document read or wrote it *and* this document changed the content too, unless
        ``overwrite_changes`` says the user chose to replace that content (the records still merge).
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise StoreError("请选择保存位置")
        self._check_sizes(target)
        real = save_target(target)
        with save_lock(real):  # from reading the file to renaming over it (re-entrant: write_atomically takes it too)
            read_stamp = file_stamp(real)
            outcome = self._take_in_disk(target, read_stamp, overwrite_changes)
            if outcome.took_anything:
                self._check_sizes(target)  # the union, too, must be a file goalform opens again

            def check() -> None:  # nobody (not even a program that ignores our lock) wrote it since we read it
                if file_stamp(real) != read_stamp:
                    raise ChangedOnDisk(f"「{target.name}」在保存的同时被其他程序修改，未保存（原文件未改动），请再保存一次")

            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            stamp = write_atomically(self._conn, target, check)
        self.path = target
        self._saved_at = self._changes
        self._disk_stamp = stamp
        self._saved()
        if self._working is not None:
            self._working.origin_stamp = self._disk_stamp
            self._working.origin = target
            self._working.dirty = False
            self._working.department = self.field("department")
            self._working.write_sidecar()
        return outcome

    def _check_sizes(self, target: Path) -> None:
        try:
            check_sizes(self._conn, target.name, TABLES)  # never write a file that goalform would refuse to open
        except TooLarge as e:
            raise SaveError(f"不能保存：{e}（原文件未改动）") from None

    def _take_in_disk(self, target: Path, stamp: tuple[int, int] | None, overwrite: bool) -> SaveOutcome:
        """Read the file at ``target`` (when there is one and it may hold what this document lacks) and
        take in its review records, and its content where :mod:`goalform.store.merging` says so."""
        ours_file = self.path is not None and self._disk_stamp is not None and same_file(target, self.path)
        if stamp is None or (ours_file and stamp == self._disk_stamp):
            return SaveOutcome()  # no file there, or the file as this document last saw it
        try:
            disk = type(self).open(target, read_only=True)
        except StoreError as e:
            if ours_file and not overwrite:
                raise ChangedOnDisk(f"「{target.name}」在打开之后被其他程序改动，现在无法读取（{e}）；"
                                    "覆盖保存会替换它，另存为可以保留它（原文件未改动）") from None
            return SaveOutcome()  # replacing a file that is no form (the user chose it)
        with disk:
            disk_review = disk.review()
            comments, statuses = merging.new_records(disk_review, self.review())
            content = False
            if ours_file:
                disk_form = disk.load_form()
                disk_changed = self._base_fingerprint is None or fingerprint(disk_form) != self._base_fingerprint
                if disk_changed:
                    ours_changed = self._base_fingerprint is None or self.fingerprint() != self._base_fingerprint
                    named = merging.changes_named(self._base_form, disk_form, self.template)
                    if self.read_only or not ours_changed:
                        content = True
                        if not overwrite and merging.stale_approvals(disk_review, self.review(), fingerprint(disk_form)):
                            raise merging.refuse_stale_approval(target.name, named, disk_review, self.review())
                    elif not overwrite:
                        raise merging.refuse_both_changed(target.name, named, disk_review, self.review())
            merging.take_in(self._conn, disk._conn, disk_review, content=content)
        self._reloaded(content)
        return SaveOutcome(comments, statuses, content)

    def _saved(self) -> None:
        """After a save: the content written is the base the next save compares the file with."""
        form = self.load_form()
        self._base_form, self._base_print = form, None

    @property
    def _base_fingerprint(self) -> str | None:
        """The fingerprint of the base (None without one): opening a file does not hash it."""
        if self._base_print is None and self._base_form is not None:
            self._base_print = fingerprint(self._base_form)
        return self._base_print

    def _reloaded(self, content: bool) -> None:
        """The review tables (and with ``content`` the form) were replaced under the caches."""
        raise NotImplementedError

    def fingerprint(self) -> str:
        raise NotImplementedError

    def forget_edits_if_unchanged(self) -> bool:
        """Count the document as saved when it again holds exactly what its file holds.

        Called when undo has led back to the state of the last save. The content itself is compared
        (form, comments and status), so edits that are not on the undo stack, or a file someone else
        rewrote, keep the document unsaved. Returns True when the document became clean.
        """
        if not self.is_dirty or self.read_only or self.path is None or self.changed_on_disk():
            return False
        try:
            with type(self).open(self.path, read_only=True) as saved:
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

    def _mark_dirty(self) -> None:
        if self._working is not None and not self._working.dirty:
            self._working.dirty = True
            self._working.modified = time.time()
            self._working.write_sidecar()


def _create_working_copy(ws: Workspace, origin: Path | None) -> WorkingCopy:
    """A new working copy, or StoreError saying why the data folder cannot take one (full, read-only)."""
    try:
        return ws.create(origin=origin)
    except OSError as e:
        raise StoreError(f"无法在 goalform 的数据文件夹（{ws.root}）中建立工作副本：{os_error_text(e)}") from None
