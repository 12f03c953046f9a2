"""The indicator library: one SQLite file in the user data folder, beside the working copies.

It holds the built-in indicators (``resources/indicators.json``, refreshed when a new goalform
brings a new list), the sheets of finance bureaus the user imported (one source per file name: a
new import of the same file replaces it) and the indicators learned from the user's own forms.

The file is opened defensively, as a .goal is (but with its own, small checks: a damaged library is
not a damaged form): its header, no views or triggers, our tables and columns, SQLite's quick check.
A file that fails them raises :class:`LibraryCorrupt`; :meth:`Library.rebuild` then sets it aside
(renamed, never deleted) and starts again from the built-in indicators.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from goalform import assets
from goalform.domain.form import Form
from goalform.domain.limits import MAX_LIBRARY_ENTRIES, count_text
from goalform.domain.library import (
    SOURCE_BUILTIN,
    SOURCE_BUREAU,
    SOURCE_MINE,
    LibraryEntry,
    LibraryIndex,
    learnable,
)
from goalform.domain.template import Template
from goalform.store.database import as_text, connect
from goalform.domain.errors import os_error_text
from goalform.store.errors import StoreError, is_disk_full
from goalform.store.library_file import (  # noqa: F401 - LibraryError and LibraryCorrupt are the library's own
    APPLICATION_ID,
    SCHEMA_VERSION,
    LibraryCorrupt,
    LibraryError,
    check_header,
    check_schema,
    damaged,
    error_text,
    make_folder,
)
from goalform.store.pinyin import entry_keys
from goalform.store.workspace import data_dir

FILE_NAME = "library.sqlite"
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE source(
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, added TEXT NOT NULL,
    UNIQUE(kind, label));
CREATE TABLE entry(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    level1 TEXT NOT NULL, level2 TEXT NOT NULL, name TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',
    pinyin TEXT NOT NULL DEFAULT '');
CREATE INDEX entry_source ON entry(source_id, position);
"""
_ORDER = f"CASE s.kind WHEN '{SOURCE_BUILTIN}' THEN 0 WHEN '{SOURCE_BUREAU}' THEN 1 ELSE 2 END"


@dataclass(frozen=True)
class SourceInfo:
    kind: str
    label: str
    count: int
    added: str


def default_path() -> Path:
    return data_dir() / FILE_NAME


def builtin_entries() -> list[LibraryEntry]:
    """The indicators that come with goalform, their 一级 by name (the JSON keys them by template key)."""
    names = {l1.key: l1.name for l1 in assets.latest_template().level1}
    return [
        LibraryEntry(names.get(e["level1"], e["level1"]), e.get("level2", ""), e.get("name", ""),
                     e.get("explanation", ""), e.get("typical_value", ""), SOURCE_BUILTIN)
        for e in assets.indicator_library()
    ]


def builtin_index() -> LibraryIndex:
    """The built-in indicators with their search keys, without a library file (when it cannot be used)."""
    return LibraryIndex(replace(e, pinyin=entry_keys(e.name, e.level2)) for e in builtin_entries())


def _builtin_stamp() -> str:
    text = json.dumps(assets.indicator_library(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction. Unlike a bare ROLLBACK, this one lets the original error through when
    SQLite has already rolled back by itself (a full disk), and rolls back a COMMIT that failed."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


def _create(path: Path) -> None:
    """A new library with the built-in indicators, created beside ``path`` and moved into place
    only when complete; when another goalform created one first, that one is kept."""
    make_folder(path.parent)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            with transaction(conn):
                _replace_source(conn, SOURCE_BUILTIN, "", builtin_entries())
                _set_meta(conn, "builtin", _builtin_stamp())
        finally:
            conn.close()
        try:
            os.link(tmp, path)  # never replaces a library another process has just created
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    except (OSError, sqlite3.Error) as e:
        if is_disk_full(e):
            raise LibraryError("磁盘已满，无法创建指标库") from None
        raise LibraryError(f"无法创建指标库 {path}（{error_text(e)}）") from None
    finally:
        tmp.unlink(missing_ok=True)


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


def _source_id(conn: sqlite3.Connection, kind: str, label: str) -> int:
    row = conn.execute("SELECT id FROM source WHERE kind = ? AND label = ?", (kind, label)).fetchone()
    if row:
        return int(row[0])
    cur = conn.execute("INSERT INTO source(kind, label, added) VALUES (?, ?, ?)",
                       (kind, label, time.strftime("%Y-%m-%d %H:%M")))
    return int(cur.lastrowid)


def keyed(entries: Iterable[LibraryEntry]) -> list[LibraryEntry]:
    """``entries`` with their search keys: computed before a write begins, so that the library's
    write lock is held only for the writing."""
    return [e if e.pinyin else replace(e, pinyin=entry_keys(e.name, e.level2)) for e in entries]


def _insert(conn: sqlite3.Connection, source_id: int, entries: Iterable[LibraryEntry]) -> int:
    start = conn.execute("SELECT COALESCE(MAX(position) + 1, 0) FROM entry WHERE source_id = ?", (source_id,)).fetchone()[0]
    rows = [
        (source_id, start + i, e.level1, e.level2, e.name, e.explanation, e.reference,
         e.pinyin or entry_keys(e.name, e.level2))
        for i, e in enumerate(entries)
    ]
    conn.executemany(
        "INSERT INTO entry(source_id, position, level1, level2, name, explanation, reference, pinyin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _replace_source(conn: sqlite3.Connection, kind: str, label: str, entries: Sequence[LibraryEntry]) -> int:
    source_id = _source_id(conn, kind, label)
    conn.execute("DELETE FROM entry WHERE source_id = ?", (source_id,))
    conn.execute("UPDATE source SET added = ? WHERE id = ?", (time.strftime("%Y-%m-%d %H:%M"), source_id))
    return _insert(conn, source_id, entries)


class Library:
    """The open library. :meth:`open` creates it on first use; every write is one transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._seen_version = self._data_version()

    @classmethod
    def open(cls, path: Path | None = None) -> "Library":
        path = Path(path) if path is not None else default_path()
        if not os.path.lexists(path):
            _create(path)
        check_header(path)
        try:
            conn = connect(path)
        except StoreError as e:
            raise LibraryCorrupt(f"指标库文件 {path.name} 无法打开（{e}）") from None
        try:
            check_schema(conn, path.name)
            library = cls(conn, path)
            library._refresh_builtin()
        except BaseException:
            conn.close()
            raise
        return library

    @classmethod
    def rebuild(cls, path: Path | None = None) -> tuple["Library", Path | None]:
        """Set a damaged library aside (renamed) and start a new one; returns it and where the old one went."""
        path = Path(path) if path is not None else default_path()
        kept: Path | None = None
        if os.path.lexists(path):  # a symbolic link that leads nowhere is set aside too (the link itself)
            kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(path, kept)
            except OSError as e:
                raise LibraryError(f"无法移走损坏的指标库 {path}（{oserror_text(e)}）") from None
            for suffix in ("-journal", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return cls.open(path), kept

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self):  # noqa: ANN202 - a context manager
        return transaction(self._conn)

    def _refresh_builtin(self) -> None:
        """A goalform with a new built-in list replaces the old one (other sources are kept)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'builtin'").fetchone()
        stamp = _builtin_stamp()
        if row and as_text(row[0]) == stamp:
            return
        try:
            with self._write() as conn:
                _replace_source(conn, SOURCE_BUILTIN, "", builtin_entries())
                _set_meta(conn, "builtin", stamp)
        except sqlite3.Error as e:  # read-only folder, disk full: the old list still works
            if not (is_disk_full(e) or isinstance(e, sqlite3.OperationalError)):
                raise damaged(self.path.name, e) from None

    def _data_version(self) -> int:
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return -1

    def changed_elsewhere(self) -> bool:
        """Whether another goalform (or ``goalform library``) has written the library since this one
        last read it; the pane then reads it again."""
        version = self._data_version()
        changed, self._seen_version = version != self._seen_version, version
        return changed

    # -- reading -------------------------------------------------------------------------------
    def entries(self) -> list[LibraryEntry]:
        """Every entry: built-in first, then the bureaus' sheets, then the user's forms."""
        try:
            count = self._count()
            if count > MAX_LIBRARY_ENTRIES:
                raise LibraryError(
                    f"指标库中的指标超过 {count_text(MAX_LIBRARY_ENTRIES)} 个（上限），无法读取；请删除导入的指标库"
                    "（goalform library list --sources 列出，library remove --source 删除）")
            rows = self._conn.execute(
                "SELECT e.id, e.level1, e.level2, e.name, e.explanation, e.reference, s.kind, s.label, e.pinyin"
                f" FROM entry e JOIN source s ON s.id = e.source_id ORDER BY {_ORDER}, s.id, e.position"
            ).fetchall()
        except sqlite3.DatabaseError as e:
            raise damaged(self.path.name, e) from None
        out = []
        for r in rows:
            kind = as_text(r[6])
            out.append(LibraryEntry(
                as_text(r[1]), as_text(r[2]), as_text(r[3]), as_text(r[4]), as_text(r[5]),
                kind if kind in (SOURCE_BUILTIN, SOURCE_BUREAU, SOURCE_MINE) else SOURCE_MINE,
                as_text(r[7]), id=int(r[0]), pinyin=as_text(r[8]).lower()))
        return out

    def _count(self, but: tuple[str, str] | None = None) -> int:
        """Entries in the library (counted up to one past the limit), apart from the source ``but``."""
        where, params = ("", ()) if but is None else (
            " WHERE source_id NOT IN (SELECT id FROM source WHERE kind = ? AND label = ?)", but)
        return int(self._conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM entry{where} LIMIT {MAX_LIBRARY_ENTRIES + 1})", params
        ).fetchone()[0])

    def index(self) -> LibraryIndex:
        return LibraryIndex(self.entries())

    def sources(self) -> list[SourceInfo]:
        rows = self._conn.execute(
            "SELECT s.kind, s.label, COUNT(e.id), s.added FROM source s LEFT JOIN entry e ON e.source_id = s.id"
            f" GROUP BY s.id ORDER BY {_ORDER}, s.id"
        ).fetchall()
        return [SourceInfo(as_text(k), as_text(label), int(n), as_text(a)) for k, label, n, a in rows]

    # -- writing -------------------------------------------------------------------------------
    def import_entries(self, entries: Sequence[LibraryEntry], label: str) -> int:
        """Store a bureau's sheet as the source ``label`` (its file name), replacing an earlier import of it."""
        entries = keyed(entries)
        with self._guard(), self._write() as conn:
            if self._count(but=(SOURCE_BUREAU, label)) + len(entries) > MAX_LIBRARY_ENTRIES:
                raise LibraryError(f"导入后指标库将超过 {count_text(MAX_LIBRARY_ENTRIES)} 个指标（上限），未导入；"
                                   "请先删除不再需要的导入指标库")
            return _replace_source(conn, SOURCE_BUREAU, label, entries)

    def learn(self, form: Form, template: Template, label: str) -> list[LibraryEntry]:
        """Add the indicators of ``form`` the library does not know yet, as «我的表» from ``label``."""
        new = learnable(form, template, self.index(), label)
        new = keyed(new[:max(0, MAX_LIBRARY_ENTRIES - self._count())])
        if new:
            with self._guard(), self._write() as conn:
                _insert(conn, _source_id(conn, SOURCE_MINE, label), new)
        return new

    def remove(self, ids: Iterable[int]) -> int:
        """Remove entries by id; built-in ones stay (they come back with every new goalform anyway)."""
        ids = list(ids)
        with self._guard(), self._write() as conn:
            removed = 0
            for chunk in range(0, len(ids), 500):
                part = ids[chunk:chunk + 500]
                cur = conn.execute(
                    f"DELETE FROM entry WHERE id IN ({','.join('?' * len(part))}) AND source_id NOT IN"
                    f" (SELECT id FROM source WHERE kind = '{SOURCE_BUILTIN}')", part)
                removed += cur.rowcount
            self._drop_empty_sources(conn)
        return removed

    def remove_source(self, kind: str, label: str | None = None) -> int:
        """Remove a bureau's sheet (by its label) or, with ``kind`` «mine» and no label, everything learned."""
        if kind == SOURCE_BUILTIN:
            raise LibraryError("内置指标不能删除")
        with self._guard(), self._write() as conn:
            where, params = ("kind = ?", [kind]) if label is None else ("kind = ? AND label = ?", [kind, label])
            cur = conn.execute(f"DELETE FROM entry WHERE source_id IN (SELECT id FROM source WHERE {where})", params)
            conn.execute(f"DELETE FROM source WHERE {where}", params)
        return cur.rowcount

    @staticmethod
    def _drop_empty_sources(conn: sqlite3.Connection) -> None:
        conn.execute(f"DELETE FROM source WHERE kind != '{SOURCE_BUILTIN}' AND id NOT IN (SELECT source_id FROM entry)")

    def _guard(self):  # noqa: ANN202 - a context manager
        return _WriteErrors(self.path)


class _WriteErrors:
    """Turns a failed write into a LibraryError with a message for the user; nothing is half-written."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, tb) -> bool:  # noqa: ANN001
        if isinstance(error, sqlite3.Error):
            if is_disk_full(error):
                raise LibraryError("磁盘已满，指标库未能保存修改") from None
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error).lower():
                raise LibraryError("指标库正被另一个 goalform 使用，请稍后再试") from None
            if isinstance(error, sqlite3.OperationalError) and "readonly" in str(error).lower():
                raise LibraryError(f"指标库 {self.path} 是只读的，未能保存修改") from None
            raise damaged(self.path.name, error) from None
        return False
