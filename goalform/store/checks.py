"""What an untrusted .goal must be before goalform builds anything on it.

:func:`check_file` runs on the private copy of a file that was just read (see
:func:`goalform.store.database.open_checked`), after the schema was found to be exactly goalform's:

1. sizes first, counted by SQL so that nothing big is loaded: rows per table (indicators of the
   form), the longest cell (goalform.domain.limits);
2. the type and range of every structural column (tree, level, parent, position, ids);
3. the shape of the trees: a 一级 has no parent, a level-n node hangs under a level-(n-1) node of
   the same tree, so there are no cycles and no orphans;
4. every text column holds text, in valid UTF-8.

A file that fails is refused with a Chinese message naming what is wrong, so that no model, view
or command ever meets a value of the wrong type (the GUI used to crash on them).
"""
from __future__ import annotations

import sqlite3

from goalform.domain.limits import MAX_CELL_CHARS, MAX_FORM_CHARS, MAX_GOAL_OTHER_ROWS, MAX_INDICATORS, count_text
from goalform.store.errors import CorruptFile, TooLarge

MAX_ID = 2**31 - 1  # ids travel through Qt model indexes and command lines; goalform's stay tiny

# Every column goalform reads as text, by table (the tables of schema version 1 come first).
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "field": ("key", "value"),
    "fund": ("line", "col", "value"),
    "indicator": ("tree", "key", "name", "value", "basis", "category", "prev2", "prev1"),
    "review_comment": ("location", "text", "author", "created", "uid"),
    "review_status": ("status", "who", "changed_at", "fingerprint", "note", "uid", "changed_from"),
}
# Columns added by later schema versions (absent from the tables of an older file being checked).
_LATER_COLUMNS = frozenset({"uid", "changed_from"})
TABLE_LABELS: dict[str, str] = {
    "field": "基本信息和文字", "fund": "资金", "indicator": "指标", "review_comment": "审核意见",
    "review_status": "审核状态记录",
}
TREE_LABELS = {"long_term": "长期目标", "annual": "年度目标"}


def check_file(conn: sqlite3.Connection, name: str, tables: tuple[str, ...]) -> None:
    """Refuse the database behind ``conn`` unless its content is within limits and well-formed."""
    check_sizes(conn, name, tables)
    _check_indicators(conn, name)
    for table in tables:
        if table in ("review_comment", "review_status"):
            bad = conn.execute(f"SELECT id FROM {table} WHERE id NOT BETWEEN 1 AND {MAX_ID} LIMIT 1").fetchone()
            if bad is not None:
                raise CorruptFile(f"文件 {name} 的{TABLE_LABELS[table]}编号 {bad[0]} 超出范围，可能已损坏")
    _check_text(conn, name, tables)
    _check_review_ids(conn, name, tables)


def _check_review_ids(conn: sqlite3.Connection, name: str, tables: tuple[str, ...]) -> None:
    """Review records of schema 3 on: a uid of 32 lowercase hex digits (unique by the file's index, which
    integrity_check verifies); changed_from empty or a SHA-256 in hex."""
    for table in ("review_comment", "review_status"):
        if table not in tables or "uid" not in text_columns(conn, table):
            continue
        bad = conn.execute(f"SELECT id FROM {table} WHERE length(uid) != 32 OR uid GLOB '*[^0-9a-f]*' LIMIT 1"
                           ).fetchone()
        if bad is not None:
            raise CorruptFile(f"文件 {name} 的{TABLE_LABELS[table]} {bad[0]} 的标识无效，可能已损坏或被其他程序改过")
    if "review_status" in tables and "changed_from" in text_columns(conn, "review_status"):
        bad = conn.execute("SELECT id FROM review_status WHERE changed_from != '' AND "
                           "(length(changed_from) != 64 OR changed_from GLOB '*[^0-9a-f]*') LIMIT 1").fetchone()
        if bad is not None:
            raise CorruptFile(f"文件 {name} 的审核状态记录 {bad[0]} 的指纹无效，可能已损坏或被其他程序改过")


def text_columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The text columns of ``table`` that this database has (an older file lacks the later ones).
    The schema was already found to be exactly goalform's, so its table_info can be trusted."""
    columns = TEXT_COLUMNS[table]
    if not _LATER_COLUMNS.intersection(columns):
        return columns
    present = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}
    return tuple(c for c in columns if c in present)


def check_sizes(conn: sqlite3.Connection, name: str, tables: tuple[str, ...]) -> None:
    """Refuse a database past the limits of goalform.domain.limits (rows, indicators per tree, cell
    length, characters of the whole form)."""
    for table in tables:
        limit = MAX_INDICATORS if table == "indicator" else MAX_GOAL_OTHER_ROWS
        # Counting stops at the limit: a file with a million rows is refused without reading them all.
        (n,) = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT {limit + 1})").fetchone()
        if n > limit:
            raise TooLarge(f"文件 {name} 的{TABLE_LABELS[table]}超过 {count_text(limit)} 条，超出 goalform 的上限")
    for table in tables:
        columns = text_columns(conn, table)
        lengths = conn.execute(
            f"SELECT {', '.join(f'max(length({c}))' for c in columns)} FROM {table}"
        ).fetchone()
        for column, length in zip(columns, lengths):
            if length is not None and length > MAX_CELL_CHARS:
                raise TooLarge(f"文件 {name} 的{TABLE_LABELS[table]}中有一项内容长达 {count_text(int(length))} 字，"
                               f"超过每格 {count_text(MAX_CELL_CHARS)} 字的上限")
    # The form's characters apart from its notes, which import and rollover fill up to MAX_CELL_CHARS
    # with what found no place elsewhere: so every form import reads and every rollover can be saved.
    total = 0
    for table in tables:
        columns = text_columns(conn, table)  # an older file lacks the later columns
        where = " WHERE key IS NOT 'notes'" if table == "field" else ""
        (chars,) = conn.execute(f"SELECT sum({' + '.join(f'ifnull(length({c}), 0)' for c in columns)}) FROM {table}"
                                + where).fetchone()
        total += int(chars or 0)
    if total > MAX_FORM_CHARS:
        raise TooLarge(f"文件 {name} 共有 {count_text(total)} 字，超过一张表 {count_text(MAX_FORM_CHARS)} 字"
                       "（备注除外）的上限")


def _check_indicators(conn: sqlite3.Connection, name: str) -> None:
    row = conn.execute(
        "SELECT id, tree, parent_id, level, position FROM indicator WHERE NOT ("
        " id BETWEEN 1 AND ? AND typeof(tree) = 'text' AND tree IN ('long_term', 'annual')"
        " AND typeof(level) = 'integer' AND level BETWEEN 1 AND 3"
        " AND typeof(position) = 'integer' AND position BETWEEN 0 AND ?"
        " AND (parent_id IS NULL OR (typeof(parent_id) = 'integer' AND parent_id BETWEEN 1 AND ?))"
        ") LIMIT 1", (MAX_ID, MAX_INDICATORS, MAX_ID),
    ).fetchone()
    if row is not None:
        raise CorruptFile(f"文件 {name} 的指标数据有误（{_what_is_wrong(row)}），可能已损坏或被其他程序改过")
    # Links: a 一级 has no parent; any other node hangs under a node of its tree one level up.
    # Levels strictly decrease towards the root, so this also rules out cycles.
    row = conn.execute(
        "SELECT c.id, c.level, c.parent_id, p.id, p.tree = c.tree, p.level FROM indicator c"
        " LEFT JOIN indicator p ON p.id = c.parent_id"
        " WHERE (c.level = 1 AND c.parent_id IS NOT NULL)"
        " OR (c.level > 1 AND (p.id IS NULL OR p.tree IS NOT c.tree OR p.level != c.level - 1)) LIMIT 1"
    ).fetchone()
    if row is not None:
        node, level, parent, found, same_tree, parent_level = row
        if level == 1:
            why = f"一级指标 {node} 不应有上级"
        elif found is None:
            why = f"指标 {node} 的上级 {parent} 不存在" if parent is not None else f"{level}级指标 {node} 没有上级"
        elif not same_tree:
            why = f"指标 {node} 与其上级 {parent} 不在同一张表中"
        else:
            why = f"{level}级指标 {node} 的上级 {parent} 是{parent_level}级指标"
        raise CorruptFile(f"文件 {name} 的指标层级有误（{why}），可能已损坏或被其他程序改过")


def shown(value: object, limit: int = 20) -> str:
    """A value from a file as it may appear in a one-line message: no control characters, not too long."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    text = "".join(c if c.isprintable() else "?" for c in text[:limit])
    return text + ("…" if len(str(value)) > limit else "")


def _what_is_wrong(row: tuple) -> str:
    node, tree, parent, level, position = row
    if not 1 <= node <= MAX_ID:
        return f"指标编号 {node} 超出范围"
    if tree not in TREE_LABELS:
        return f"指标 {node} 所属的表「{shown(tree)}」无效"
    if not isinstance(level, int) or not 1 <= level <= 3:
        return f"指标 {node} 的级别「{shown(level)}」无效"
    if not isinstance(position, int) or position < 0:
        return f"指标 {node} 的顺序号「{shown(position)}」无效"
    if isinstance(position, int) and position > MAX_INDICATORS:
        return f"指标 {node} 的顺序号 {position} 超出范围"
    return f"指标 {node} 的上级编号「{shown(parent)}」无效"


def _check_text(conn: sqlite3.Connection, name: str, tables: tuple[str, ...]) -> None:
    """Every text column holds text (goalform never writes anything else there), in valid UTF-8:
    each is read once, and sqlite3 decodes it in C and fails on bytes that are not UTF-8."""
    for table in tables:
        columns = text_columns(conn, table)
        row = conn.execute(f"SELECT {', '.join(f'typeof({c})' for c in columns)} FROM {table} "
                           f"WHERE {' OR '.join(f'typeof({c}) != {chr(39)}text{chr(39)}' for c in columns)} LIMIT 1"
                           ).fetchone()
        if row is not None:
            column = next(c for c, kind in zip(columns, row) if kind != "text")
            raise CorruptFile(f"文件 {name} 的{TABLE_LABELS[table]}（{column} 列）中有不是文字的内容，"
                              "可能已损坏或被其他程序改过")
        try:
            for _ in conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                pass
        except sqlite3.OperationalError as e:
            if "decode" not in str(e).lower():
                raise
            column = next((c for c in columns if f"'{c}'" in str(e)), "")
            where = f"（{column} 列）" if column else ""
            raise CorruptFile(f"文件 {name} 的{TABLE_LABELS[table]}{where}中有无法识别的文字（不是有效的 UTF-8 编码），"
                              "可能已损坏") from None
