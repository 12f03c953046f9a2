"""The fingerprint of a form: SHA-256 of a canonical serialisation of its content.

提交 records the fingerprint; a reviewer's copy shows it, and :func:`changed_since` tells whether
the form differs from what was submitted. It is computed from the :class:`Form` (what the clerk
filled in), never from the SQLite bytes, so saving, vacuuming or migrating a file does not change
it, while any edit to a field, amount or indicator does.

Canonical serialisation, format 1 (documented here because fingerprints are compared across
versions of goalform): a JSON object, keys sorted, no whitespace between tokens, UTF-8, no ASCII
escaping, with

- ``format``: 1; ``template``: the template id; ``year``: the form's year;
- ``fields``: department, filler, phone, fill_date, deadline, notes (text, possibly empty);
- ``texts``: text sections by key, non-empty ones only;
- ``funds`` / ``stated_totals``: ``[key, column, text]`` for every non-empty cell, sorted;
- ``long_term`` / ``annual``: the trees as nested ``[level, key, name, value, basis, category,
  prev2, prev1, [children]]`` lists in form order (store ids and review data are left out).

All text has its line endings folded to ``\\n`` (the Windows clipboard and Word differ only there)
and is otherwise taken exactly. The fingerprint detects changes; it is not a signature: anyone who
edits a file can also recompute it.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from goalform.domain.form import HEADER_FIELDS, OTHER_FIELDS, TREES, Form, Indicator

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import Any

CANONICAL_FORMAT = 1


def _t(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _node(node: Indicator) -> list[Any]:
    return [
        node.level, _t(node.key), _t(node.name), _t(node.value), _t(node.basis), _t(node.category),
        _t(node.prev2), _t(node.prev1), [_node(c) for c in node.children],
    ]


def _node_as_is(node: Indicator) -> list[Any]:
    return [node.level, node.key, node.name, node.value, node.basis, node.category, node.prev2, node.prev1,
            [_node_as_is(c) for c in node.children]]


def canonical_form(form: Form) -> bytes:
    """The canonical serialisation described in the module docstring."""
    # Most forms have no carriage return anywhere: serialised as they are, their text has no
    # ``\r`` escape, and that is the canonical form. Only when it has one are the line endings folded.
    text = _serialised(form, lambda t: t, _node_as_is)
    if "\\r" in text:
        text = _serialised(form, _t, _node)
    return text.encode("utf-8")


def _serialised(form: Form, t: Callable[[str], str], node: Callable[[Indicator], list[Any]]) -> str:
    data = {
        "format": CANONICAL_FORMAT,
        "template": form.template_id,
        "year": form.year,
        "fields": {key: t(getattr(form, key)) for key in HEADER_FIELDS + OTHER_FIELDS},
        "texts": {k: t(v) for k, v in form.texts.items() if v},
        "funds": sorted([k[0], k[1], t(v)] for k, v in form.funds.items() if v),
        "stated_totals": sorted([k[0], k[1], t(v)] for k, v in form.stated_totals.items() if v),
    }
    for tree in TREES:
        data[tree] = [node(n) for n in form.tree(tree)]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False)  # (a tree)


def fingerprint(form: Form) -> str:
    """SHA-256 of :func:`canonical_form`, as 64 lowercase hex digits."""
    import hashlib  # (imported when used: a command-line export never fingerprints)

    return hashlib.sha256(canonical_form(form)).hexdigest()


def short(fingerprint_hex: str) -> str:
    """The first 12 hex digits, grouped for reading aloud on the phone: ``3f2a·9c1b·07de``."""
    head = fingerprint_hex[:12]
    return "·".join(head[i : i + 4] for i in range(0, len(head), 4))


def changed_since(form: Form, recorded: str) -> bool:
    """True when ``form`` is no longer the form whose fingerprint was ``recorded``."""
    return bool(recorded) and fingerprint(form) != recorded
