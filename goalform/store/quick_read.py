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


# (Plain PRAGMA statements: the pragma_*() table-valued functions cost several times as much.)
_PRAGMAS = ("PRAGMA application_id", "PRAGMA user_version", "PRAGMA page_count", "PRAGMA page_size")
# Both trees, each node's siblings in their order (position, then id), served by the index
# indicator_children (tree, parent_id, position; the id comes with it): no sorting in Python.
_INDICATORS_SQL = ("SELECT id, tree, parent_id, level, position, key, name, value, basis, category, prev2, prev1"
                   " FROM indicator ORDER BY tree, parent_id, position, id")
_REVIEW_SQL = {table: f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"
               for table, columns in (("review_comment", review_store.COMMENT_COLUMNS),
                                      ("review_status", review_store.STATUS_COLUMNS))}


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


def _read(conn: sqlite3.Connection) -> tuple[dict[str, str], list, list, Review]:
    if set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master LIMIT 1000")) != created_schema(SCHEMA_VERSION):
        raise _Unusual
    app, version, pages, page_size = (conn.execute(pragma).fetchone()[0] for pragma in _PRAGMAS)
    if app != APPLICATION_ID or version != SCHEMA_VERSION or pages * page_size > MAX_GOAL_BYTES:
        raise _Unusual
    ok = conn.execute("PRAGMA integrity_check(1)").fetchone()
    if not ok or ok[0] != "ok":
        raise _Unusual
    # Never more rows than the limits allow (past them, the full path refuses the file). Every text
    # column holds text (what :func:`goalform.store.checks.check_file` requires: joining raises
    # TypeError on anything else) within the cell limit (:func:`goalform.store.checks.check_sizes`;
    # SQLite's length() of a text counts code points), and the whole form but its notes within
    # MAX_FORM_CHARS (checks.check_sizes).
    fields = _rows(conn, "SELECT key, value FROM field", MAX_GOAL_OTHER_ROWS)
    funds = _rows(conn, "SELECT line, col, value FROM fund", MAX_GOAL_OTHER_ROWS)
    indicators = _rows(conn, _INDICATORS_SQL, MAX_INDICATORS)
    chars = _text_chars(fields, 0) - sum(len(k) + len(v) for k, v in fields if k == "notes")
    chars += _text_chars(funds, 0)
    chars += _text_chars(indicators, 5) + sum(len(row[1]) for row in indicators)
    review_rows = []
    for table, sql in _REVIEW_SQL.items():
        rows = _rows(conn, sql, MAX_GOAL_OTHER_ROWS)
        _review_rows(table, rows)
        chars += _text_chars(rows, 1)
        review_rows.append(rows)
    if chars > MAX_FORM_CHARS:
        raise _Unusual
    return dict(fields), funds, indicators, review_store.review_from_rows(*review_rows)


def _rows(conn: sqlite3.Connection, sql: str, limit: int) -> list[tuple]:
    rows = conn.execute(f"{sql} LIMIT {limit + 1}").fetchall()
    if len(rows) > limit:
        raise _Unusual
    return rows


def _text_chars(rows: list[tuple], start: int) -> int:
    """The characters of the text columns ``row[start:]`` of ``rows``; _Unusual (or TypeError) when
    one is not text or is longer than a cell may be."""
    chars = 0
    for row in rows:
        texts = row[start:]
        n = len("".join(texts))  # TypeError unless every one is a str
        if n > MAX_CELL_CHARS and max(map(len, texts)) > MAX_CELL_CHARS:
            raise _Unusual
        chars += n
    return chars


def _ids(rows: list[tuple]) -> None:
    for row in rows:
        if type(row[0]) is not int or not 1 <= row[0] <= MAX_ID:
            raise _Unusual


_HEX = "0123456789abcdef"  # x.strip(_HEX) is empty when every character of x is one of them


def _review_rows(table: str, rows: list[tuple]) -> None:
    """Review records as :func:`goalform.store.checks.check_file` wants them: ids in range, a uid of
    32 lowercase hex digits, changed_from empty or a SHA-256 in hex (their texts: :func:`_text_chars`)."""
    _ids(rows)
    columns = ("id",) + TEXT_COLUMNS[table]
    uid = columns.index("uid")
    changed_from = columns.index("changed_from") if "changed_from" in columns else None
    for row in rows:
        if type(row[uid]) is not str or len(row[uid]) != 32 or row[uid].strip(_HEX):
            raise _Unusual
        if changed_from is not None and row[changed_from] and (
                type(row[changed_from]) is not str or len(row[changed_from]) != 64
                or row[changed_from].strip(_HEX)):
            raise _Unusual


def _build(fields: dict[str, str], fund_rows: list, indicator_rows: list, review: Review) -> tuple[Form, Template]:
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
    """Both trees from the indicator rows (in :data:`_INDICATORS_SQL`'s order, so each node's children
    are appended in theirs), every row checked as :mod:`goalform.store.checks` does: ids, trees,
    levels and positions in range, each node under a node of its tree one level up."""
    nodes: dict[int, tuple[Indicator, str]] = {}
    links: list[tuple[int | None, str, Indicator]] = []
    for i, tree, parent, level, position, key, name, value, basis, category, prev2, prev1 in rows:
        if (type(i) is not int or not 1 <= i <= MAX_ID or tree not in TREES or type(level) is not int
                or not 1 <= level <= 3 or type(position) is not int or not 0 <= position <= MAX_INDICATORS
                or not (parent is None or (type(parent) is int and 1 <= parent <= MAX_ID))
                or (level == 1) != (parent is None)):
            raise _Unusual
        node = Indicator(level, name, key, value, basis, category, prev2, prev1, [], i)
        nodes[i] = (node, tree)
        links.append((parent, tree, node))
    roots: dict[str, list[Indicator]] = {tree: [] for tree in TREES}
    for parent, tree, node in links:
        if parent is None:
            roots[tree].append(node)
            continue
        above = nodes.get(parent)
        if above is None or above[1] != tree or above[0].level != node.level - 1:
            raise _Unusual
        above[0].children.append(node)
    return roots
