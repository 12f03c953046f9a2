"""The .goal file format: SQLite with our application id, a schema version and migrations.

Version 1 is the first released format. To change the format: add a function to ``MIGRATIONS``
that moves a database from version N to N+1, and bump ``SCHEMA_VERSION``. Files are migrated
when they are opened, in the working copy, never in place.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

APPLICATION_ID = 0x474F414C  # 'GOAL'
SCHEMA_VERSION = 1

# Tables every .goal of the current version has. Files may carry no views or triggers.
TABLES: tuple[str, ...] = ("field", "fund", "indicator")

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


# MIGRATIONS[n] turns a version-n database into version n+1. Version 0 is an empty database.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: _create_v1,
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
        conn.execute("ROLLBACK")
        raise
