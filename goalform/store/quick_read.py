"""Reading a .goal for batch work (summarize, validate, show, export, diff): :func:`read_form`, in
one pass when the file is well-formed.

:func:`goalform.store.database.open_checked` copies a file into memory and then checks the copy with
some twenty queries before :class:`goalform.store.document.Document` reads it again, row by row, as
an editor needs. A batch reader needs none of the copy: this module reads the file under SQLite's
shared lock in one read transaction (so, as with the copy, a write by another program is wholly in
what is read or not at all) and runs the same checks on what it reads:

- the header (:func:`~goalform.store.database.check_header`), the schema compared verbatim with
  goalform's own, the limits counted by SQL before any row is loaded, SQLite's ``integrity_check``;
- every row read once, its types, ranges and tree links checked in Python as they are turned into
  the form.

Anything unusual (an older schema that needs migrating, a schema that is goalform's only up to
whitespace, a value of the wrong type, a broken link, a limit reached, any SQLite error but a busy
file) makes :func:`read_quickly` return None: the caller then takes the full path, which refuses the
file with the message naming what is wrong, or reads it. So every file gets exactly the answer it
got before; only the common case, a good file, is fast.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from goalform import assets
from goalform.paths import resolved
from goalform.domain.form import TREES, Form, Indicator
from goalform.domain.limits import MAX_CELL_CHARS, MAX_FORM_CHARS, MAX_GOAL_BYTES, MAX_GOAL_OTHER_ROWS, MAX_INDICATORS
from goalform.domain.review import Review
from goalform.domain.template import Template, TemplateError
from goalform.store import review as review_store
from goalform.store.checks import MAX_ID, TEXT_COLUMNS
from goalform.store import database
from goalform.store.database import BUSY_TIMEOUT, check_header, classify, harden, sqlite_uri
from goalform.store.form_rows import fill_form
from goalform.store.leftovers import clean_folder
from goalform.store.schema import APPLICATION_ID, SCHEMA_VERSION, created_schema
from goalform.store.snapshot import readable_copy


class _Unusual(Exception):
    """Not the common case: leave the file to the full path."""


_PRAGMAS_SQL = ("SELECT a.application_id, v.user_version, c.page_count * s.page_size FROM pragma_application_id() a,"
                " pragma_user_version() v, pragma_page_count() c, pragma_page_size() s")
_INDICATORS_SQL = ("SELECT id, tree, parent_id, level, position, key, name, value, basis, category, prev2, prev1"
                   " FROM indicator")  # ordered by :func:`_trees`


def read_form(path: Path | str) -> tuple[Form, Template]:
    """Read a .goal for batch work without a working copy: in one pass when it is the common case,
    else through the full checks of :class:`goalform.store.document.Document` (which then refuse it
    with the message naming what is wrong, or read it)."""
    quick = read_quickly(path)
    if quick is not None:
        return quick
    from goalform.store.document import Document  # the full checks: only for an unusual file

    with Document.open(path, read_only=True) as doc:
        return doc.load_form(), doc.template


def read_quickly(path: Path | str) -> tuple[Form, Template] | None:
    """The form in ``path`` and its template, or None when the file is not the common case (see the
    module docstring). Raises StoreError only where the full path would say the same: a file that
    is not a .goal by its header, or one that is busy."""
    path = Path(path)
    clean_folder(path.parent)  # what saves killed there left behind, as every open does (store.leftovers)
    if check_header(path) != SCHEMA_VERSION:
        return None
    with readable_copy(path) as source:  # a WAL-mode file from elsewhere: through a private copy
        return _read_file(source, path.name)


def _read_file(source: Path, name: str) -> tuple[Form, Template] | None:
    try:
        src = sqlite3.connect(sqlite_uri(resolved(source)) + "?mode=ro", uri=True, isolation_level=None,
                              timeout=BUSY_TIMEOUT)
    except sqlite3.Error:
        return None
    try:
        harden(src)
        with database.budget(src):  # (looked up here: tests put a signal inside it)
            src.execute("BEGIN")
            rows = _read(src)
            src.execute("COMMIT")
        return _build(*rows)
    except _Unusual:
        return None
    except sqlite3.Error as e:
        if any(w in str(e).lower() for w in ("locked", "busy", "interrupted")):  # the full path would wait as long again
            raise classify(e, name) from None
        return None
    except (UnicodeDecodeError, ValueError, TypeError, KeyError):
        return None
    finally:
        src.close()


def _read(conn: sqlite3.Connection) -> tuple[list, list, list, Review]:
    if set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master LIMIT 1000")) != created_schema(SCHEMA_VERSION):
        raise _Unusual
    app, version, size = conn.execute(_PRAGMAS_SQL).fetchone()
    if app != APPLICATION_ID or version != SCHEMA_VERSION or size > MAX_GOAL_BYTES:
        raise _Unusual
    ok = conn.execute("PRAGMA integrity_check(1)").fetchone()
    if not ok or ok[0] != "ok":
        raise _Unusual
    # Never more rows than the limits allow (past them, the full path refuses the file); cell lengths
    # are checked as the values are (:func:`_texts`).
    rows = (_rows(conn, "SELECT key, value FROM field", MAX_GOAL_OTHER_ROWS),
            _rows(conn, "SELECT line, col, value FROM fund", MAX_GOAL_OTHER_ROWS),
            _rows(conn, _INDICATORS_SQL, MAX_INDICATORS))
    # (A value that is not text makes len() raise TypeError, and the file takes the full checks.)
    chars = sum(len(k) + len(v) for k, v in rows[0] if k != "notes")
    chars += sum(sum(map(len, row)) for row in rows[1])
    chars += sum(len(row[1]) + sum(map(len, row[5:])) for row in rows[2])
    for table in ("review_comment", "review_status"):
        review_rows = _rows(conn, f"SELECT id, {', '.join(TEXT_COLUMNS[table])} FROM {table}", MAX_GOAL_OTHER_ROWS)
        _review_rows(table, review_rows)
        chars += sum(sum(map(len, row[1:])) for row in review_rows)
    if chars > MAX_FORM_CHARS:  # the whole form's characters but its notes (checks.check_sizes)
        raise _Unusual
    return (*rows, review_store.load_review(conn))  # (its rows checked just above)


def _rows(conn: sqlite3.Connection, sql: str, limit: int) -> list[tuple]:
    rows = conn.execute(f"{sql} LIMIT {limit + 1}").fetchall()
    if len(rows) > limit:
        raise _Unusual
    return rows


def _texts(rows: list[tuple], start: int = 0) -> None:
    """Every text column holds text (what :func:`goalform.store.checks.check_file` requires) within the
    cell limit (:func:`goalform.store.checks.check_sizes`; SQLite's length() of a text counts code points)."""
    for row in rows:
        for value in row[start:]:
            if type(value) is not str or len(value) > MAX_CELL_CHARS:
                raise _Unusual


def _ids(rows: list[tuple]) -> None:
    for row in rows:
        if type(row[0]) is not int or not 1 <= row[0] <= MAX_ID:
            raise _Unusual


_HEX = re.compile("[0-9a-f]*")


def _review_rows(table: str, rows: list[tuple]) -> None:
    """Review records as :func:`goalform.store.checks.check_file` wants them: ids in range, text
    columns of text, a uid of 32 lowercase hex digits, changed_from empty or a SHA-256 in hex."""
    _ids(rows)
    _texts(rows, 1)
    columns = ("id",) + TEXT_COLUMNS[table]
    uid = columns.index("uid")
    changed_from = columns.index("changed_from") if "changed_from" in columns else None
    for row in rows:
        if len(row[uid]) != 32 or not _HEX.fullmatch(row[uid]):
            raise _Unusual
        if changed_from is not None and row[changed_from] and (
                len(row[changed_from]) != 64 or not _HEX.fullmatch(row[changed_from])):
            raise _Unusual


def _build(fields_rows: list, fund_rows: list, indicator_rows: list, review: Review) -> tuple[Form, Template]:
    _texts(fields_rows)
    _texts(fund_rows)
    fields = dict(fields_rows)
    try:
        template = assets.template(fields.get("template", ""))
    except TemplateError:
        raise _Unusual from None
    year_text = fields.get("year", "")
    if not year_text.isascii() or not year_text.strip().lstrip("+-").isdigit() or not 1990 <= int(year_text) <= 2200:
        raise _Unusual
    form = Form(template_id=template.id, year=int(year_text))
    fill_form(form, template, fields, {(line, col): value for line, col, value in fund_rows})
    roots = _trees(indicator_rows)
    for tree in TREES:
        form.tree(tree)[:] = roots[tree]
    form.review = review
    return form, template


def _trees(rows: list[tuple]) -> dict[str, list[Indicator]]:
    """Both trees from the indicator rows (siblings ordered by position, then id), every row checked as
    :mod:`goalform.store.checks` does: ids, trees, levels and positions in range, each node under a
    node of its tree one level up."""
    _texts(rows, 5)
    nodes: dict[int, tuple[Indicator, str]] = {}
    order: list[tuple[int, int | None, int, str, Indicator]] = []
    for row in rows:
        i, tree, parent, level, position = row[:5]
        if (type(i) is not int or not 1 <= i <= MAX_ID or tree not in TREES or type(level) is not int
                or not 1 <= level <= 3 or type(position) is not int or not 0 <= position <= MAX_INDICATORS
                or not (parent is None or (type(parent) is int and 1 <= parent <= MAX_ID))
                or (level == 1) != (parent is None)):
            raise _Unusual
        node = Indicator(level=level, key=row[5], name=row[6], value=row[7], basis=row[8], category=row[9],
                         prev2=row[10], prev1=row[11], id=i)
        nodes[i] = (node, tree)
        order.append((position, parent, i, tree, node))
    roots: dict[str, list[tuple[int, int, Indicator]]] = {tree: [] for tree in TREES}
    children: dict[int, list[tuple[int, int, Indicator]]] = {}
    for position, parent, i, tree, node in order:
        if parent is None:
            roots[tree].append((position, i, node))
            continue
        above = nodes.get(parent)
        if above is None or above[1] != tree or above[0].level != node.level - 1:
            raise _Unusual
        children.setdefault(parent, []).append((position, i, node))
    for parent, kids in children.items():
        kids.sort(key=lambda k: (k[0], k[1]))
        nodes[parent][0].children = [k[2] for k in kids]
    result = {}
    for tree, level1 in roots.items():
        level1.sort(key=lambda k: (k[0], k[1]))
        result[tree] = [k[2] for k in level1]
    return result
