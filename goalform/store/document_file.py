"""The .goal on disk behind an open document, and the working copy it is edited in: created, opened
(editable, read-only, review-only), recovered after a crash, written back atomically under the
file's lock, closed; whether the edits are saved, and whether the file changed since it was read.

:class:`goalform.store.document.Document` holds one (its ``_file``) and is the one front. This part
holds no knowledge of the form's content: what a save needs of it (the form, its review records, what
the file it replaces holds) it asks of the document, a :class:`Content`, handed in by the caller.
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Callable, ContextManager, Protocol, TypeVar

from goalform.domain.errors import os_error_text
from goalform.domain.form import Form
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

T = TypeVar("T")


class Content(Protocol):
    """What the file part asks of the document it belongs to (:class:`goalform.store.document.Document`)."""

    template: Template

    def field(self, key: str) -> str: ...

    def load_form(self) -> Form: ...

    def review(self) -> Review: ...

    def fingerprint(self) -> str: ...

    def read_file(self, path: Path) -> ContextManager[Content]:
        """The .goal at ``path``, opened read-only, as content to compare with or take in from."""
        ...

    def reread(self, content: bool) -> None:
        """The review tables (and with ``content`` the form) were replaced under the document's caches."""
        ...


class DocumentFile:
    """A .goal being worked on: its connection, its working copy, whether it is saved."""

    def __init__(self, conn: sqlite3.Connection, *, path: Path | None, read_only: bool,
                 working: WorkingCopy | None) -> None:
        self.conn = conn
        self.path = Path(path) if path else None
        self.read_only = read_only
        self.working = working
        self.changes = 0  # edits since the document was opened
        self.saved_at = 0  # value of changes at the last save
        # How the file at self.path looked when this document last read or wrote it.
        self.disk_stamp: tuple[int, int] | None = working.origin_stamp if working is not None else None
        if working is not None and working.dirty:
            self.saved_at = -1  # recovered edits count as unsaved
        # The content as this document last read or wrote the file (what a save compares the file
        # with); None when unknown (a new or recovered document). Set by open() and save().
        self.base_form: Form | None = None  # what the file held when read or last saved (a private copy)
        self._base_print: str | None = None  # its fingerprint, computed when a save first needs it

    # -- creating and opening: ``make`` builds the document around the file, inside the clean-up -------
    @classmethod
    def create(cls, form: Form, template: Template, make: Callable[[DocumentFile], T], *,
               workspace: Workspace | None = None, path: Path | None = None) -> T:
        """A new working copy holding ``form``; unsaved until the first save."""
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
        file = cls(conn, path=path, read_only=False, working=wc)
        doc = make(file)
        file.changes = 1  # never saved
        file.mark_dirty()
        return doc

    @classmethod
    def open(cls, path: Path, make: Callable[[DocumentFile], T], *, read_only: bool = False,
             workspace: Workspace | None = None) -> T:
        """Open a .goal for editing (in a working copy) or for reading only (in a private snapshot in
        memory, so that no temporary file is ever left behind). The file itself is never changed."""
        clean_folder(path.parent)  # what saves killed there left behind (store.leftovers)
        stamp = file_stamp(path)  # before reading, so that a change made while we read is noticed
        if read_only:
            conn = open_checked(path, working=None)
            try:
                conn.execute("PRAGMA query_only = ON")
                file = cls(conn, path=path, read_only=True, working=None)
                doc = make(file)
            except BaseException:
                conn.close()
                raise
            file.disk_stamp = stamp
            return doc
        ws = workspace or Workspace()
        wc = _create_working_copy(ws, path)
        wc.origin_stamp = stamp
        conn: sqlite3.Connection | None = None
        try:
            conn = open_checked(path, working=wc.path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            file = cls(conn, path=path, read_only=False, working=wc)
            doc = make(file)
        except BaseException as e:
            if conn is not None:
                conn.close()
            wc.remove()
            if isinstance(e, sqlite3.Error) and is_disk_full(e):
                raise StoreError(f"无法在 goalform 的数据文件夹（{ws.root}）中建立工作副本：{sqlite_error_text(e)}") from None
            raise
        return doc

    def opened(self, content: Content) -> None:
        """After an editable open: the recovery list names the form; the content read is the base
        of the next save."""
        assert self.working is not None
        self.working.template_id = content.template.id
        self.working.department = content.field("department")
        self.working.write_sidecar()
        self.set_base(content.load_form())

    @classmethod
    def recover(cls, working: WorkingCopy, make: Callable[[DocumentFile], T], *,
                workspace: Workspace | None = None) -> T:
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
            doc = make(cls(conn, path=working.origin, read_only=working.review_only, working=ws.adopt(working)))
        except (sqlite3.Error, UnicodeDecodeError) as e:
            conn.close()
            raise classify(e, working.path.name) from None
        except BaseException:
            conn.close()
            raise
        return doc

    def review_only(self) -> None:
        """Opened for a reviewer: the form is read-only, review records go to the working copy."""
        self.read_only = True
        assert self.working is not None
        self.working.review_only = True
        self.working.write_sidecar()

    def close(self) -> None:
        """Close the connection, dropping the working copy (save first to keep edits)."""
        if self.conn is None:
            return
        self.conn.close()
        self.conn = None  # type: ignore[assignment]
        if self.working is not None:
            self.working.remove()

    # -- state -----------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        return self.changes != self.saved_at

    @property
    def takes_review(self) -> bool:
        return not self.read_only or (self.path is not None and self.working is not None)

    def changed(self) -> None:
        """Count an edit; the working copy is marked as holding unsaved work."""
        self.changes += 1
        self.mark_dirty()

    def set_base(self, form: Form) -> None:
        """``form`` is what the file holds now: the base the next save compares the file with."""
        self.base_form, self._base_print = form, None

    @property
    def base_fingerprint(self) -> str | None:
        """The fingerprint of the base (None without one): opening a file does not hash it."""
        if self._base_print is None and self.base_form is not None:
            self._base_print = fingerprint(self.base_form)
        return self._base_print

    # -- saving ----------------------------------------------------------------------------
    def save(self, content: Content, path: Path | str | None = None, *, overwrite_changes: bool = False) -> SaveOutcome:
        """Write the working copy to ``path`` (default: where it came from) atomically, taking in what
        the file there holds that the document lacks (:mod:`goalform.store.merging`); see
        :meth:`goalform.store.document.Document.save`."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise StoreError("请选择保存位置")
        self._check_sizes(target)
        real = save_target(target)
        with save_lock(real):  # from reading the file to renaming over it (re-entrant: write_atomically takes it too)
            read_stamp = file_stamp(real)
            outcome = self._take_in_disk(content, target, read_stamp, overwrite_changes)
            if outcome.took_anything:
                self._check_sizes(target)  # the union, too, must be a file goalform opens again

            def check() -> None:  # nobody (not even a program that ignores our lock) wrote it since we read it
                if file_stamp(real) != read_stamp:
                    raise ChangedOnDisk(f"「{target.name}」在保存的同时被其他程序修改，未保存（原文件未改动），请再保存一次")

            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            stamp = write_atomically(self.conn, target, check)
        self.path = target
        self.saved_at = self.changes
        self.disk_stamp = stamp
        self.set_base(content.load_form())
        if self.working is not None:
            self.working.origin_stamp = self.disk_stamp
            self.working.origin = target
            self.working.dirty = False
            self.working.department = content.field("department")
            self.working.write_sidecar()
        return outcome

    def _check_sizes(self, target: Path) -> None:
        try:
            check_sizes(self.conn, target.name, TABLES)  # never write a file that goalform would refuse to open
        except TooLarge as e:
            raise SaveError(f"不能保存：{e}（原文件未改动）") from None

    def _take_in_disk(self, content: Content, target: Path, stamp: tuple[int, int] | None,
                      overwrite: bool) -> SaveOutcome:
        """Read the file at ``target`` (when there is one and it may hold what this document lacks) and
        take in its review records, and its content where :mod:`goalform.store.merging` says so."""
        ours_file = self.path is not None and self.disk_stamp is not None and same_file(target, self.path)
        if stamp is None or (ours_file and stamp == self.disk_stamp):
            return SaveOutcome()  # no file there, or the file as this document last saw it
        try:
            disk = content.read_file(target)
        except StoreError as e:
            if ours_file and not overwrite:
                raise ChangedOnDisk(f"「{target.name}」在打开之后被其他程序改动，现在无法读取（{e}）；"
                                    "覆盖保存会替换它，另存为可以保留它（原文件未改动）") from None
            return SaveOutcome()  # replacing a file that is no form (the user chose it)
        with disk as read:
            disk_review = read.review()
            comments, statuses = merging.new_records(disk_review, content.review())
            taken = False
            if ours_file:
                disk_form = read.load_form()
                disk_changed = self.base_fingerprint is None or fingerprint(disk_form) != self.base_fingerprint
                if disk_changed:
                    ours_changed = self.base_fingerprint is None or content.fingerprint() != self.base_fingerprint
                    named = merging.changes_named(self.base_form, disk_form, content.template)
                    if self.read_only or not ours_changed:
                        taken = True
                        if not overwrite and merging.stale_approvals(disk_review, content.review(), fingerprint(disk_form)):
                            raise merging.refuse_stale_approval(target.name, named, disk_review, content.review())
                    elif not overwrite:
                        raise merging.refuse_both_changed(target.name, named, disk_review, content.review())
            merging.take_in(self.conn, read._conn, disk_review, content=taken)  # type: ignore[attr-defined]
        content.reread(taken)
        return SaveOutcome(comments, statuses, taken)

    def forget_edits_if_unchanged(self, content: Content) -> bool:
        """Count the document as saved when it again holds exactly what its file holds (see
        :meth:`goalform.store.document.Document.forget_edits_if_unchanged`)."""
        if not self.is_dirty or self.read_only or self.path is None or self.changed_on_disk():
            return False
        try:
            with content.read_file(self.path) as saved:
                same = saved.load_form() == content.load_form() and saved.review() == content.review()
        except (StoreError, OSError):
            return False
        if same:
            self.saved_at = self.changes
            if self.working is not None:
                self.working.dirty = False
                self.working.write_sidecar()
        return same

    def changed_on_disk(self, target: Path | None = None) -> bool:
        """True when ``target`` (default: this document's file) is the file this document came from
        and it was rewritten since this document last read or wrote it."""
        target = self.path if target is None else Path(target)
        if target is None or self.path is None or self.disk_stamp is None:
            return False
        if not same_file(target, self.path):
            return False
        now = file_stamp(target)
        return now is not None and now != self.disk_stamp

    def mark_dirty(self) -> None:
        if self.working is not None and not self.working.dirty:
            self.working.dirty = True
            self.working.modified = time.time()
            self.working.write_sidecar()


def _create_working_copy(ws: Workspace, origin: Path | None) -> WorkingCopy:
    """A new working copy, or StoreError saying why the data folder cannot take one (full, read-only)."""
    try:
        return ws.create(origin=origin)
    except OSError as e:
        raise StoreError(f"无法在 goalform 的数据文件夹（{ws.root}）中建立工作副本：{os_error_text(e)}") from None
