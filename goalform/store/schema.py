"""The .goal file format: SQLite with our application id, a schema version and migrations.

Version 1 is the first released format; version 2 adds the review tables (审核意见 and the status
history); version 3 gives every review record an identity of its own (``uid``), so that saves merge
them instead of overwriting them, and a status change the fingerprint of the submission an approval
departs from (``changed_from``). To change the format: add a function to ``MIGRATIONS`` that moves a database from
version N to N+1, and bump ``SCHEMA_VERSION``. Files are migrated when they are opened, in the
working copy, never in place.

The CREATE statements below are part of the format: an opened file's schema must be exactly what
they create, up to whitespace and comments (:func:`expected_schema`), so that no file can bring code
of its own (a CHECK, DEFAULT, generated column or index expression). Never change them beyond
comments; change the format with a migration.
"""
from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x474F414C  # 'GOAL'
SCHEMA_VERSION = 3

# Tables every .goal of the current version has. Files may carry no views or triggers.
TABLES: tuple[str, ...] = ("field", "fund", "indicator", "review_comment", "review_status")
# The columns goalform reads from each table; a file whose table lacks one is refused as damaged.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "field": ("key", "value"),
    "fund": ("line", "col", "value"),
    "indicator": ("id", "tree", "parent_id", "level", "position", "key", "name", "value", "basis", "category",
                  "prev2", "prev1"),
    "review_comment": ("id", "location", "text", "author", "created", "uid"),
    "review_status": ("id", "status", "who", "changed_at", "fingerprint", "note", "uid", "changed_from"),
}

_V1 = """
CREATE TABLE field (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE fund (
    line   TEXT NOT NULL,   -- a funds line key, or 'total:<group key>' for a total found in an import
    col    TEXT NOT NULL,   -- current | prev2 | prev1
    value  TEXT NOT NULL,
    PRIMARY KEY (line, col)
);
CREATE TABLE indicator (
    id        INTEGER PRIMARY KEY,
    tree      TEXT NOT NULL CHECK (tree IN ('long_term', 'annual')),
    parent_id INTEGER REFERENCES indicator(id) ON DELETE CASCADE,
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    position  INTEGER NOT NULL,
    key       TEXT NOT NULL DEFAULT '',
    name      TEXT NOT NULL DEFAULT '',
    value     TEXT NOT NULL DEFAULT '',
    basis     TEXT NOT NULL DEFAULT '',
    category  TEXT NOT NULL DEFAULT '',
    prev2     TEXT NOT NULL DEFAULT '',
    prev1     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_children ON indicator (tree, parent_id, position);
"""


# Version 2: the review. Locations and statuses are spelled as in goalform.domain.review; times are
# ISO 8601 with the offset of the writer's clock.
_V2 = """
CREATE TABLE review_comment (
    id        INTEGER PRIMARY KEY,
    location  TEXT NOT NULL,              -- form | field:KEY | fund:LINE:COL | indicator:ID[:COL]
    text      TEXT NOT NULL,
    author    TEXT NOT NULL DEFAULT '',
    created   TEXT NOT NULL
);
CREATE TABLE review_status (
    id          INTEGER PRIMARY KEY,      -- the order of the changes
    status      TEXT NOT NULL,            -- draft | submitted | returned | approved
    who         TEXT NOT NULL DEFAULT '',
    changed_at  TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '', -- SHA-256 of the form's canonical content at the change
    note        TEXT NOT NULL DEFAULT ''
);
"""


# Version 3: review records with an identity. uid is 32 hex digits (random for new records; for
# records of an older file a hash of the record, so that every copy migrated from the same file
# names them alike). changed_from: see goalform.domain.review.StatusChange.
_V3 = """
ALTER TABLE review_comment ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE review_status ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE review_status ADD COLUMN changed_from TEXT NOT NULL DEFAULT '';
"""
_V3_INDEXES = """
CREATE UNIQUE INDEX review_comment_uid ON review_comment (uid);
CREATE UNIQUE INDEX review_status_uid ON review_status (uid);
"""


def legacy_uid(kind: str, row: tuple[object, ...]) -> str:
    """The uid of a review record written before version 3: a hash of its table and its whole row."""
    text = "\x1f".join([kind] + ["" if v is None else str(v) for v in row])
    import hashlib  # (only when a version-2 file is migrated)

    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the caller's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _create_v1(conn: sqlite3.Connection) -> None:
    run_script(conn, _V1)


def _add_review_v2(conn: sqlite3.Connection) -> None:
    run_script(conn, _V2)


def _review_ids_v3(conn: sqlite3.Connection) -> None:
    run_script(conn, _V3)
    for table, columns in (("review_comment", "id, location, text, author, created"),
                           ("review_status", "id, status, who, changed_at, fingerprint, note")):
        rows = conn.execute(f"SELECT {columns} FROM {table}").fetchall()
        for row in rows:
            conn.execute(f"UPDATE {table} SET uid = ? WHERE id = ?", (legacy_uid(table, row), row[0]))
    run_script(conn, _V3_INDEXES)


# MIGRATIONS[n] turns a version-n database into version n+1. Version 0 is an empty database.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: _create_v1,
    1: _add_review_v2,
    2: _review_ids_v3,
}


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Bring ``conn`` from ``from_version`` up to SCHEMA_VERSION, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version, SCHEMA_VERSION):
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite already rolled back after a full disk or I/O error
            conn.execute("ROLLBACK")
        raise


def normalize_sql(sql: object) -> object:
    """``sql`` with comments dropped and whitespace reduced to what separates words; quoted strings and
    names are kept as they are, so two statements with the same normal form are the same code."""
    if not isinstance(sql, str):
        return sql
    out: list[str] = []
    space = False
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"`[":
            close = "]" if c == "[" else c
            j = i + 1
            while j < n:
                if sql[j] == close:
                    if close != "]" and j + 1 < n and sql[j + 1] == close:
                        j += 2
                        continue
                    break
                j += 1
            token, i = sql[i:j + 1], j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i, space = (n if j < 0 else j), True
            continue
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            i, space = (n if j < 0 else j + 2), True
            continue
        elif c.isspace():
            i, space = i + 1, True
            continue
        else:
            token, i = c, i + 1
        if space and out and out[-1][-1] not in "(),;" and token not in "(),;":
            out.append(" ")
        space = False
        out.append(token)
    return "".join(out)


@functools.lru_cache(maxsize=None)
def created_schema(version: int) -> frozenset[tuple[object, ...]]:
    """sqlite_master (type, name, tbl_name, sql) of a database goalform creates at ``version``, verbatim."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        for v in range(0, version):
            MIGRATIONS[v](conn)
        conn.execute("COMMIT")
        return frozenset(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


@functools.lru_cache(maxsize=None)
def expected_schema(version: int) -> frozenset[tuple[object, ...]]:
    """:func:`created_schema` with each statement in its normal form (:func:`normalize_sql`)."""
    return frozenset((t, n, tb, normalize_sql(sql)) for t, n, tb, sql in created_schema(version))
