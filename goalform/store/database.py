"""Opening, checking and atomically writing .goal files.

Every .goal is untrusted: reviewers receive them from many departments. Before SQLite reads a byte
of it, :func:`check_header` looks at the file's 100-byte header (magic, application id, schema
version, page count), so random bytes, other programs' databases and files from a newer goalform
are turned away without running anything. After opening, :func:`check_schema` refuses files that
bring views or triggers (we never run code a file carries) and checks the database's integrity.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import struct
import uuid
from pathlib import Path
from typing import Iterator

from goalform.store.errors import CorruptFile, NewerSchema, NotAGoalFile, SaveError
from goalform.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLE_COLUMNS, TABLES, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_header(path: Path) -> int:
    """Check that ``path`` is a .goal this version can read; return its schema version."""
    try:
        with open(path, "rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        raise NotAGoalFile(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise NotAGoalFile(f"这是一个文件夹，不是 .goal 文件：{path}") from None
    except PermissionError:
        raise NotAGoalFile(f"没有权限读取文件：{path}") from None
    except OSError as e:
        raise NotAGoalFile(f"无法读取文件：{path}（{e.strerror or e}）") from None
    if size == 0:
        raise NotAGoalFile(f"文件是空的，不是 .goal 文件：{path.name}")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAGoalFile(f"不是 goalform 文件（.goal）：{path.name}")
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotAGoalFile(f"这是其他程序的数据库文件，不是 goalform 文件（.goal）：{path.name}")
    (version,) = struct.unpack(">I", header[60:64])
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"文件 {path.name} 由更新版本的 goalform 保存（文件格式 {version}，本程序支持到 {SCHEMA_VERSION}），"
            "请升级 goalform 后再打开"
        )
    if version < 1:
        raise CorruptFile(f"文件 {path.name} 没有有效的格式版本，可能已损坏")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptFile(f"文件 {path.name} 已损坏（页大小无效）")
    (change_counter,) = struct.unpack(">I", header[24:28])
    (page_count,) = struct.unpack(">I", header[28:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    # The in-header page count is valid when the "version-valid-for" number matches the change counter.
    if valid_for == change_counter and page_count and size < page_count * page_size:
        raise CorruptFile(f"文件 {path.name} 不完整（可能在复制或保存时被截断），无法打开")
    if size % page_size:
        raise CorruptFile(f"文件 {path.name} 不完整（可能在复制或保存时被截断），无法打开")
    return version


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """Open a SQLite connection in autocommit mode; transactions are explicit (:func:`transaction`)."""
    if immutable:
        uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
    elif read_only:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
    else:
        uri = Path(path).resolve().as_uri()
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise CorruptFile(f"无法打开文件 {Path(path).name}：{e}") from None
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def check_schema(conn: sqlite3.Connection, name: str) -> None:
    """Refuse files that carry views or triggers, lack our tables, or fail SQLite's integrity check."""
    try:
        objects = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        kinds = {str(n): str(t) for t, n in objects}
        _refuse_code(objects, name)
        missing = [t for t in TABLES if kinds.get(t) != "table"]
        if missing:
            raise CorruptFile(f"文件 {name} 缺少数据表（{'、'.join(missing)}），可能已损坏")
        for table, needed in TABLE_COLUMNS.items():
            have = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}
            lacking = [c for c in needed if c not in have]
            if lacking:
                raise CorruptFile(f"文件 {name} 的数据表 {table} 缺少列（{'、'.join(lacking)}），可能已损坏")
        _quick_check(conn, name)
    except sqlite3.DatabaseError as e:
        raise CorruptFile(f"文件 {name} 已损坏：{e}") from None


def _refuse_code(objects: list[tuple], name: str) -> None:
    """We never run code a file brings along: a view or trigger means the file is not ours."""
    if any(str(t) in ("view", "trigger") for t, *_ in objects):
        raise CorruptFile(f"文件 {name} 含有 goalform 不会生成的内容（视图或触发器），出于安全考虑拒绝打开")


def _quick_check(conn: sqlite3.Connection, name: str) -> None:
    result = conn.execute("PRAGMA quick_check").fetchone()
    if not result or result[0] != "ok":
        raise CorruptFile(f"文件 {name} 已损坏（完整性检查未通过）")


def as_text(value: object) -> str:
    """Coerce whatever an untrusted file stores in a text column to text."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def open_checked(path: Path, working: Path | None, *, in_place: bool = False) -> sqlite3.Connection:
    """Check ``path``, copy it to ``working`` and open that copy, migrated to the current schema.

    Without ``working`` the copy is a private temporary file (the caller deletes it with the
    connection), so that a document open for reading never holds the user's file: on Windows an
    open file cannot be replaced, and nobody else's save should fail because a reviewer is reading.
    ``in_place`` opens a current-schema file itself, immutable and read-only, for batch reads that
    last milliseconds.
    """
    version = check_header(path)
    if working is None and in_place and version == SCHEMA_VERSION:
        conn = connect(path, immutable=True)
        try:
            check_schema(conn, path.name)
        except BaseException:
            conn.close()
            raise
        return conn
    target = working if working is not None else _temp_copy_path(path)
    try:
        shutil.copyfile(path, target)
    except OSError as e:
        raise NotAGoalFile(f"无法读取文件 {path.name}：{e.strerror or e}") from None
    conn = connect(target)
    try:
        check_schema_for_version(conn, path.name, version)
        if version < SCHEMA_VERSION:
            try:
                migrate(conn, version)
            except sqlite3.Error as e:  # a file that claims an old version but holds something else
                raise CorruptFile(f"文件 {path.name} 无法升级到当前格式，可能已损坏：{e}") from None
            check_schema(conn, path.name)
    except BaseException:
        conn.close()
        if working is None:
            target.unlink(missing_ok=True)
        raise
    return conn


def check_schema_for_version(conn: sqlite3.Connection, name: str, version: int) -> None:
    if version == SCHEMA_VERSION:
        check_schema(conn, name)
        return
    # An older file: only the generic checks; the migration knows what it had.
    try:
        _refuse_code(conn.execute("SELECT type FROM sqlite_master").fetchall(), name)
        _quick_check(conn, name)
    except sqlite3.DatabaseError as e:
        raise CorruptFile(f"文件 {name} 已损坏：{e}") from None


def _temp_copy_path(path: Path) -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / f"goalform-{uuid.uuid4().hex}.goal"


def create_database(path: Path) -> sqlite3.Connection:
    """A new, empty .goal database at ``path`` (which must not exist)."""
    conn = connect(path)
    migrate(conn, 0)
    return conn


def write_atomically(conn: sqlite3.Connection, target: Path) -> None:
    """Write the database behind ``conn`` to ``target`` so that a crash leaves the old file or the new one.

    The copy is made complete beside the target (VACUUM INTO also compacts it), switched to a
    rollback journal so that the file stands alone, flushed to disk, then renamed over the target.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        conn.execute("VACUUM INTO ?", (str(tmp),))
        out = sqlite3.connect(tmp, isolation_level=None)
        try:
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        fd = os.open(tmp, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        _remove_stale_temporaries(target)
    except sqlite3.Error as e:
        _remove_quietly(tmp)
        raise SaveError(f"保存失败：{e}（原文件未改动）") from None
    except OSError as e:
        _remove_quietly(tmp)
        raise SaveError(f"保存到 {target} 失败：{e.strerror or e}（原文件未改动）") from None
    except BaseException:
        _remove_quietly(tmp)
        raise


def _remove_stale_temporaries(target: Path) -> None:
    """Drop temporary files an earlier, interrupted save of ``target`` left beside it."""
    for stale in target.parent.glob(f".{glob_escape(target.name)}.*.tmp*"):
        _remove_quietly(stale)


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; its rename is durable enough on NTFS.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
