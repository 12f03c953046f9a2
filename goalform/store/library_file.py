"""Opening the indicator library defensively: what ``library.sqlite`` must be before SQLite reads it.

A library is not a form, but it comes from the user data folder, which other programs, a full disk,
a crash or a curious user can leave in any state: a FIFO or a device there (which would block every
reader), a folder, a symbolic link that leads nowhere, a file of another program, a damaged one.
Each is refused at once with a message in Chinese (OS errors through the one table,
``domain.errors.os_error_text``, SQLite's through ``store.errors.sqlite_error_text``);
:class:`LibraryCorrupt` ones are set aside by ``Library.rebuild`` (``goalform library reset``).
"""
from __future__ import annotations

import errno
import os
import sqlite3
import struct
from pathlib import Path

from goalform.domain.errors import os_error_text
from goalform.paths import PathProblem, source_stat
from goalform.store.database import SQLITE_MAGIC
from goalform.store.errors import StoreError, sqlite_error_text

APPLICATION_ID = 0x474C4942  # 'GLIB'
SCHEMA_VERSION = 1

_COLUMNS = {
    "meta": ("key", "value"),
    "source": ("id", "kind", "label", "added"),
    "entry": ("id", "source_id", "position", "level1", "level2", "name", "explanation", "reference", "pinyin"),
}


class LibraryError(StoreError):
    """The library cannot be used (its message, in Chinese, says why and what to do)."""


class LibraryCorrupt(LibraryError):
    """The library file is damaged or not ours; :meth:`Library.rebuild` starts a new one."""


def _check_path(path: Path) -> None:
    """Refuse at once what is not a plain file (a FIFO would block every reader, a device too) and a
    symbolic link that leads nowhere: both are set aside by :meth:`Library.rebuild`."""
    try:
        source_stat(path)
    except PathProblem as e:
        if e.kind == "missing":
            if os.path.lexists(path):
                raise LibraryCorrupt(f"指标库 {path} 是一个失效的快捷方式（符号链接），指向的文件不存在") from None
            raise LibraryError(f"找不到指标库 {path}") from None
        if e.kind == "loop" and os.path.lexists(path):
            raise LibraryCorrupt(f"指标库 {path} 是一个循环的快捷方式（符号链接）") from None
        if e.kind == "not_plain":
            raise LibraryCorrupt(f"指标库 {path} {e.detail}，不能作为指标库使用") from None
        raise LibraryError(f"无法读取指标库 {path}（{e.detail}）") from None


def check_header(path: Path) -> None:
    name = path.name
    _check_path(path)
    try:
        with open(path, "rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except OSError as e:
        raise LibraryError(f"无法读取指标库 {path}（{os_error_text(e)}）") from None
    if size == 0 or len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise LibraryCorrupt(f"指标库文件 {name} 已损坏（不是有效的数据库）")
    (application_id,) = struct.unpack(">I", header[68:72])
    (version,) = struct.unpack(">I", header[60:64])
    if application_id != APPLICATION_ID:
        raise LibraryCorrupt(f"指标库文件 {name} 不是 goalform 的指标库")
    if version > SCHEMA_VERSION:
        raise LibraryError(f"指标库 {path} 由更新版本的 goalform 创建，请升级 goalform")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise LibraryCorrupt(f"指标库文件 {name} 不完整（可能被截断）")


def check_schema(conn: sqlite3.Connection, name: str) -> None:
    try:
        objects = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        if any(str(t) in ("view", "trigger") for t, _ in objects):
            raise LibraryCorrupt(f"指标库文件 {name} 含有视图或触发器，不是 goalform 创建的")
        for table, needed in _COLUMNS.items():
            have = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}
            if not set(needed) <= have:
                raise LibraryCorrupt(f"指标库文件 {name} 缺少数据表或列（{table}）")
        result = conn.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            raise LibraryCorrupt(f"指标库文件 {name} 已损坏（完整性检查未通过）")
    except sqlite3.DatabaseError as e:
        raise damaged(name, e) from None


def make_folder(folder: Path) -> None:
    """The user data folder, created when missing; a file (or anything else) in its place is named."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise LibraryError(f"用户数据文件夹 {folder} 不是文件夹（同名的文件占用了它），无法创建指标库") from None
    except OSError as e:
        if e.errno == errno.ENOTDIR:
            raise LibraryError(f"用户数据文件夹 {folder} 所在的路径中有一部分不是文件夹，无法创建指标库") from None
        raise LibraryError(f"无法创建用户数据文件夹 {folder}（{os_error_text(e)}）") from None


def error_text(error: BaseException) -> str:
    """An OS or SQLite error in Chinese, through the one table of each."""
    if isinstance(error, OSError):
        return os_error_text(error)
    if isinstance(error, sqlite3.Error):
        return sqlite_error_text(error)
    return str(error)


def damaged(name: str, error: sqlite3.Error) -> LibraryCorrupt:
    """The library ``name`` is damaged, as SQLite found (in Chinese, not SQLite's English)."""
    why = sqlite_error_text(error)
    return LibraryCorrupt(f"指标库文件 {name} 已损坏" + ("" if why == "数据库文件已损坏" else f"（{why}）"))
