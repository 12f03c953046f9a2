"""Opening, checking and atomically writing .goal files.

Every .goal is untrusted: reviewers receive them from many departments. Reading one goes:

1. :func:`check_path` refuses what is not a plain file (a FIFO, a device, a folder) or is past the
   size limit, before anything opens it; :func:`check_header` looks at the 100-byte header (magic,
   application id, schema version, page count), so random bytes, other programs' databases and files
   from a newer goalform are turned away without running anything.
2. SQLite itself reads the file, read-only and under its own shared lock, and copies it with the
   backup API into a private database (memory for reading, the working copy for editing): a file
   another program is writing is read as it was before or after that write, never half-way. A file
   with a hot ``-journal`` (a writer crashed mid-write) needs a rollback that only write access can
   do; goalform never writes the user's file while reading it, so such a file is refused with a
   message saying what happened (opening it once in the program that wrote it recovers it).
3. The private copy's schema must be exactly the one goalform creates (:func:`check_schema`): no view,
   trigger, CHECK, DEFAULT, generated column or index expression of the file's own can exist, so no
   code from the file ever runs. Only then does SQLite's ``integrity_check`` run (it also finds an
   index that disagrees with its table, which ``quick_check`` misses), bounded in time.
4. :mod:`goalform.store.checks` checks sizes, types, ranges and the shape of the trees.

Every connection has ``trusted_schema`` off and tight SQLite limits (:func:`harden`).
Python 3.11's sqlite3 cannot set SQLITE_DBCONFIG_DEFENSIVE (no ``setconfig``, and reaching the C
handle through ctypes is not safe across builds); the exact schema comparison is the stronger
guarantee, since then the only SQL a file can carry is goalform's own.

Saving (:func:`goalform.store.saving.write_atomically`) writes a complete copy beside the target and
renames it over the target under the save lock of :mod:`goalform.store.locking`.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import struct
import time
from collections.abc import Iterator
from pathlib import Path, PurePath

from goalform.domain.errors import os_error_text
from goalform.domain.limits import MAX_GOAL_BYTES, MAX_GOAL_CHECK_SECONDS
from goalform import signals
from goalform.paths import PathProblem, resolved, source_stat
from goalform.store.snapshot import readable_copy
from goalform.store import checks
from goalform.store.errors import (
    CorruptFile,
    FileBusy,
    NewerSchema,
    NotAGoalFile,
    StoreError,
    TooLarge,
    WorkingCopyFull,
    is_disk_full,
    sqlite_error_text,
)
from goalform.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    TABLES,
    created_schema,
    expected_schema,
    migrate,
    normalize_sql,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT = 5.0  # seconds to wait for another program's write to end before calling the file busy
# SQLite limits on every connection: generous for goalform's own data and SQL, tight for a crafted file.
_LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: 4_000_000,  # bytes in one value or row (a row of 20,000-character cells fits)
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,  # also bounds each CREATE statement in a file's schema
    sqlite3.SQLITE_LIMIT_COLUMN: 100,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 20,
    sqlite3.SQLITE_LIMIT_VDBE_OP: 100_000,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 20,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 1_000,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}


def check_path(path: Path) -> os.stat_result:
    """Refuse, before opening it, what is not a plain file (goalform.paths.source_stat) or is too large
    to be a form."""
    try:
        st = source_stat(path)
    except PathProblem as e:
        if e.kind == "missing":
            raise NotAGoalFile(f"找不到文件：{path}") from None
        if e.kind == "not_plain":
            raise NotAGoalFile(f"这{e.detail}，不能作为 .goal 文件打开：{path}") from None
        raise NotAGoalFile(f"无法读取文件：{path}（{e.detail}）") from None
    if st.st_size > MAX_GOAL_BYTES:
        raise TooLarge(f"文件 {path.name} 有 {st.st_size // (1 << 20)} MB，"
                       f"超过 .goal 文件 {MAX_GOAL_BYTES // (1 << 20)} MB 的上限")
    return st

def check_header(path: Path) -> int:
    """Check that ``path`` is a .goal this version can read; return its schema version."""
    check_path(path)
    try:
        # O_NONBLOCK: should the path have become a FIFO since check_path, open() must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise NotAGoalFile(f"找不到文件：{path}") from None
    except OSError as e:  # no permission, or on Windows a sharing violation: said as such, not "damaged"
        raise StoreError(f"无法读取文件：{path}（{os_error_text(e)}）") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotAGoalFile(f"这不是普通文件，不能作为 .goal 打开：{path}")
        header = os.read(fd, 100)
        size = st.st_size
    except OSError as e:
        raise NotAGoalFile(f"无法读取文件：{path}（{os_error_text(e)}）") from None
    finally:
        os.close(fd)
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
    (encoding,) = struct.unpack(">I", header[56:60])
    if encoding not in (0, 1):  # 1 = UTF-8 (0 in a database that has never been written to)
        raise CorruptFile(f"文件 {path.name} 的文字编码不是 UTF-8，不是 goalform 保存的文件")
    if header[18] not in (1, 2) or header[19] not in (1, 2):  # SQLite would make any copy of it read-only
        raise CorruptFile(f"文件 {path.name} 已损坏（文件头的读写版本无效）")
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


def harden(conn: sqlite3.Connection) -> None:
    """SQLite's defensive settings on a connection that may meet an untrusted file."""
    for limit, value in _LIMITS.items():
        conn.setlimit(limit, value)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")


def sqlite_uri(path: PurePath) -> str:
    """A SQLite URI for an absolute path. A Windows network path (\\\\server\\share\\x.goal) becomes
    file:////server/share/x.goal: SQLite refuses a URI authority other than localhost."""
    uri = path.as_uri()
    if uri.startswith("file://") and not uri.startswith("file:///"):
        uri = "file:////" + uri[len("file://"):]
    return uri


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open a SQLite connection in autocommit mode; transactions are explicit (:func:`transaction`)."""
    uri = sqlite_uri(resolved(path)) + ("?mode=ro" if read_only else "")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as e:
        raise classify(e, Path(path).name) from None
    harden(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    harden(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises (unless SQLite
    rolled it back itself, as after a full disk: the original error is the one to report)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.OperationalError as e:
        if not is_disk_full(e):
            raise
        raise WorkingCopyFull(f"无法写入工作副本（goalform 的数据文件夹）：{sqlite_error_text(e)}") from None


@contextlib.contextmanager
def budget(conn: sqlite3.Connection, seconds: float | None = None) -> Iterator[None]:
    """Interrupt any statement on ``conn`` still running after ``seconds`` (default MAX_GOAL_CHECK_SECONDS),
    through SQLite's progress handler."""
    deadline = time.monotonic() + (MAX_GOAL_CHECK_SECONDS if seconds is None else seconds)
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


# What a SQLite error means while reading a file, first match wins: (words in the message, error, text).
_MEANINGS: tuple[tuple[tuple[str, ...], type[StoreError], str], ...] = (
    (("locked", "busy"), FileBusy, "文件 {name} 正被其他程序使用（已锁定），请稍后再试或先关闭那个程序"),
    (("interrupted",), TooLarge, "检查文件 {name} 用时超过 {seconds} 秒，已停止；文件过大或已损坏"),
    (("too big",), TooLarge, "文件 {name} 中有一项内容过大，超出 goalform 的上限"),
    (("unable to open",), NotAGoalFile, "无法打开文件 {name}（找不到、没有权限或被其他程序占用）"),
    (("disk i/o", "full"), StoreError, "读取文件 {name} 时出错：{reason}"),
    (("decode",), CorruptFile, "文件 {name} 中有无法识别的文字（不是有效的 UTF-8 编码），可能已损坏"),
    (("malformed database schema",), CorruptFile,
     "文件 {name} 的数据表定义无效，不是 goalform 保存的文件，出于安全考虑拒绝打开"),
    (("not a database",), NotAGoalFile, "不是 goalform 文件（.goal）：{name}"),
    (("malformed", "corrupt"), CorruptFile, "文件 {name} 已损坏（数据库结构有误）"),
)


def classify(error: Exception, name: str) -> StoreError:
    """The StoreError a SQLite error means while reading ``name``: a locked file is not a damaged one,
    and a read that Ctrl+C or SIGTERM interrupted is neither (goalform.signals.Interrupted is raised)."""
    signals.check()
    text = str(error).lower()
    for words, kind, message in _MEANINGS:
        if any(w in text for w in words):
            reason = sqlite_error_text(error) if isinstance(error, sqlite3.Error) else str(error)
            return kind(message.format(name=name, seconds=f"{MAX_GOAL_CHECK_SECONDS:.0f}", reason=reason))
    detail = " ".join(str(error).split())[:120]  # one line, whatever the file put into the message
    return CorruptFile(f"文件 {name} 已损坏（{detail}）")


def _read_into(path: Path, dest: sqlite3.Connection, version: int) -> None:
    """Copy the database at ``path`` into ``dest`` through SQLite's backup API.

    SQLite opens the file read-only and holds its shared lock while it copies, so a write by another
    program is either wholly in the copy or not at all, and a writer's lock is respected (waited for
    up to BUSY_TIMEOUT seconds, then the file is called busy, not damaged). Under the same lock, before
    anything is copied, the schema is compared and the sizes counted: a file with a million rows or a
    100 MB cell is refused without being loaded.
    """
    name = path.name
    with readable_copy(path) as source:
        _copy_from(source, path, dest, version)


def _copy_from(source: Path, path: Path, dest: sqlite3.Connection, version: int) -> None:
    name = path.name
    try:
        src = sqlite3.connect(sqlite_uri(resolved(source)) + "?mode=ro", uri=True, isolation_level=None,
                              timeout=BUSY_TIMEOUT)
    except sqlite3.Error as e:
        raise classify(e, name) from None
    try:
        harden(src)
        # Take SQLite's shared lock first, in a read transaction kept for the copy: this is where a
        # writer's lock is waited for (BUSY_TIMEOUT) and a hot journal found. (Python's backup() itself
        # would retry a busy source forever.)
        src.execute("BEGIN")
        src.execute("PRAGMA schema_version").fetchone()
        check_schema(src, name, version)
        with budget(src):
            checks.check_sizes(src, name, tables_of(version))
        src.backup(dest)
        src.execute("COMMIT")
    except sqlite3.Error as e:
        journal = Path(str(path) + "-journal")
        if getattr(e, "sqlite_errorcode", 0) == 776 or ("readonly" in str(e) and journal.exists()):
            raise FileBusy(  # SQLITE_READONLY_ROLLBACK: a hot journal that only a writer may roll back
                f"文件 {name} 有一次未完成的写入（旁边的 {journal.name} 说明写入它的程序中途退出），"
                "goalform 不修改收到的文件，因此不能打开。请用写入它的程序再打开一次（它会自动恢复），"
                "或向发送方重新索取文件"
            ) from None
        raise classify(e, name) from None
    finally:
        src.close()


def tables_of(version: int) -> tuple[str, ...]:
    names = {n for t, n, _, _ in created_schema(version) if t == "table"}  # names need no normal form
    return tuple(t for t in TABLES if t in names)


def check_schema(conn: sqlite3.Connection, name: str, version: int = SCHEMA_VERSION) -> None:
    """Refuse a database whose schema is not exactly the one goalform creates for ``version``.

    Then nothing from the file can run: no view, trigger, CHECK, DEFAULT, generated column or
    index expression but goalform's own. Compared before SQLite evaluates anything of it.
    """
    try:
        with budget(conn):
            rows = set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master LIMIT 1000"))
    except sqlite3.Error as e:
        raise classify(e, name) from None
    if rows == created_schema(version):  # the usual case: verbatim what goalform wrote
        return
    have = {(t, n, tb, normalize_sql(sql)) for t, n, tb, sql in rows}
    expected = expected_schema(version)
    if have == expected:
        return
    extra = have - expected
    if any(str(t) in ("view", "trigger") for t, *_ in extra):
        raise CorruptFile(f"文件 {name} 含有 goalform 不会生成的内容（视图或触发器），出于安全考虑拒绝打开")
    tables = {str(n) for t, n, _, _ in have if t == "table"}
    missing = [t for t in tables_of(version) if t not in tables]
    if missing:
        raise CorruptFile(f"文件 {name} 缺少数据表（{'、'.join(missing)}），可能已损坏")
    for table in tables_of(version):
        wanted = next(sql for t, n, _, sql in expected if t == "table" and n == table)
        if (("table", table, table, wanted)) not in have:
            columns = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}
            wanted_columns = [str(row[1]) for row in _expected_columns(version, table)]
            lacking = [c for c in wanted_columns if c not in columns]
            if lacking:
                raise CorruptFile(f"文件 {name} 的数据表 {table} 缺少列（{'、'.join(lacking)}），可能已损坏")
            raise CorruptFile(f"文件 {name} 的数据表 {table} 的定义与 goalform 保存的不同（可能被其他程序改过），"
                              "出于安全考虑拒绝打开")
    names = "、".join(sorted(checks.shown(n, 40) for _, n, _, _ in extra)[:5])
    raise CorruptFile(f"文件 {name} 含有 goalform 不会生成的内容（{names}），出于安全考虑拒绝打开")


def _expected_columns(version: int, table: str) -> list[tuple]:
    conn = sqlite3.connect(":memory:")
    try:
        for _, n, _, sql in expected_schema(version):
            if sql and n == table:
                conn.execute(str(sql))
        return conn.execute(f"PRAGMA table_info({table})").fetchall()
    finally:
        conn.close()


def check_database(conn: sqlite3.Connection, name: str, version: int) -> None:
    """Every check of an opened copy: its schema, then its content and SQLite's integrity_check."""
    check_schema(conn, name, version)
    try:
        with budget(conn):
            # Content first: its messages say what is wrong (a level of 9), integrity_check's only that something is.
            checks.check_file(conn, name, tables_of(version))
            result = conn.execute("PRAGMA integrity_check(1)").fetchone()
            if not result or result[0] != "ok":
                raise CorruptFile(f"文件 {name} 已损坏（完整性检查未通过）")
    except sqlite3.Error as e:
        raise classify(e, name) from None


def as_text(value: object) -> str:
    """Coerce whatever an untrusted file stores in a text column to text."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def open_checked(path: Path, working: Path | None) -> sqlite3.Connection:
    """Read ``path`` into ``working`` (a new file) or, without it, into memory; check it and migrate
    it to the current schema; return the connection.

    The user's file is only ever read, by SQLite, under its shared lock (see :func:`_read_into`):
    a document open for reading holds nothing of it, so nobody else's save waits for a reviewer.
    """
    path = Path(path)
    version = check_header(path)
    dest = _memory() if working is None else connect(working)
    try:
        try:
            if working is not None:  # a new private file: a crash while it is filled just discards it
                dest.execute("PRAGMA journal_mode = OFF")
                dest.execute("PRAGMA synchronous = OFF")
            _read_into(path, dest, version)
            _check_copy(dest, path.name, version)
            check_database(dest, path.name, version)
            if version < SCHEMA_VERSION:
                try:
                    migrate(dest, version)
                except sqlite3.Error:  # a file that claims an old version but holds something else
                    raise CorruptFile(f"文件 {path.name} 无法升级到当前格式，可能已损坏") from None
                check_schema(dest, path.name)
        except (sqlite3.Error, UnicodeDecodeError) as e:  # sqlite3 fails to decode a message quoting bad bytes
            raise classify(e, path.name) from None
    except BaseException:
        dest.close()
        if working is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(str(working) + suffix).unlink(missing_ok=True)
        raise
    return dest


def _check_copy(conn: sqlite3.Connection, name: str, version: int) -> None:
    """The copy is the file whose header was checked (not one swapped in meanwhile), and not too big."""
    try:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        copied = conn.execute("PRAGMA user_version").fetchone()[0]
        size = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.Error as e:
        raise classify(e, name) from None
    if app != APPLICATION_ID or copied != version:
        raise FileBusy(f"文件 {name} 在读取时被其他程序改动了，请再试一次")
    if size > MAX_GOAL_BYTES:
        raise TooLarge(f"文件 {name} 超过 .goal 文件 {MAX_GOAL_BYTES // (1 << 20)} MB 的上限")


def create_database(path: Path) -> sqlite3.Connection:
    """A new, empty .goal database at ``path`` (which must not exist)."""
    conn = connect(path)
    migrate(conn, 0)
    return conn
