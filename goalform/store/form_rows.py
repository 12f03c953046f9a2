"""The form ⇄ rows mapping of a .goal: which table row holds which cell of a :class:`Form`.

``field`` holds the header fields, the text sections, the deadline and notes (and the template and
year); ``fund`` holds the amounts by (line, column), and a 合计 kept as the imported document printed
it under the line ``total:GROUP`` (:meth:`Cell.stored_line`); ``indicator`` holds the trees
(:mod:`goalform.store.indicator_table`).
"""
from __future__ import annotations

import sqlite3

from goalform.domain.cells import TOTAL, Cell
from goalform.domain.form import HEADER_FIELDS, OTHER_FIELDS, TREES, VERSION_FIELDS, Form, Indicator, ensure_level1
from goalform.domain.template import Template
from goalform.store.database import transaction


def fill_form(form: Form, template: Template, fields: dict[str, str], funds: dict[tuple[str, str], str]) -> None:
    """Put the ``field`` and ``fund`` rows into ``form`` (its fields, texts, amounts and stated totals)."""
    for key in HEADER_FIELDS + OTHER_FIELDS:
        setattr(form, key, fields.get(key, ""))
    form.texts = {t.key: fields.get(t.key, "") for t in template.texts}
    fill_funds(form, funds)


def fill_funds(form: Form, funds: dict[tuple[str, str], str]) -> None:
    """Make ``form``'s amounts and stated totals the ``fund`` rows."""
    form.funds.clear()
    form.stated_totals.clear()
    for (line, column), value in funds.items():
        cell = Cell.from_stored(line, column)
        if cell.kind == TOTAL:
            form.stated_totals[(cell.key, cell.column)] = value
        else:
            form.funds[(cell.key, cell.column)] = value


def write_form(conn: sqlite3.Connection, form: Form, template: Template) -> None:
    """Write ``form`` into the empty tables of a new document, in one transaction."""
    with transaction(conn):
        write_rows(conn, form, template)


def write_rows(conn: sqlite3.Connection, form: Form, template: Template) -> None:
    """Write ``form`` into empty tables (inside the caller's transaction)."""
    ensure_level1(form, template)
    fields = dict(zip(VERSION_FIELDS, (template.id, str(form.year))))
    for key in HEADER_FIELDS + OTHER_FIELDS:
        fields[key] = getattr(form, key)
    for t in template.texts:
        fields[t.key] = form.texts.get(t.key, "")
    conn.executemany("INSERT INTO field(key, value) VALUES (?, ?)", fields.items())
    conn.executemany(
        "INSERT INTO fund(line, col, value) VALUES (?, ?, ?)",
        [(Cell.fund(l, c).stored_line(), c, v) for (l, c), v in form.funds.items() if v != ""]
        + [(Cell.total(g, c).stored_line(), c, v) for (g, c), v in form.stated_totals.items() if v != ""],
    )

    def insert(node: Indicator, tree: str, parent_id: int | None, position: int) -> None:
        cur = conn.execute(
            "INSERT INTO indicator(tree, parent_id, level, position, key, name, value, basis, category, prev2, prev1)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (tree, parent_id, node.level, position, node.key, node.name, node.value, node.basis, node.category,
             node.prev2, node.prev1),
        )
        for i, child in enumerate(node.children):
            insert(child, tree, int(cur.lastrowid), i)

    for tree in TREES:
        for i, root in enumerate(form.tree(tree)):
            insert(root, tree, None, i)
