"""The two reference forms (tests/data/reference_*.txt) as rows and as Forms, for any test."""
from __future__ import annotations

import functools
from pathlib import Path

from helpers import formdump

from goalform.domain.form import Form
from goalform.domain.template import Template
from goalform.formats.grid_reader import GridReadResult, read_grid

DATA = Path(__file__).parent.parent / "data"
VERSIONS = ("2024", "2026")


def reference_path(version: str) -> Path:
    return DATA / f"reference_{version}.txt"


@functools.lru_cache(maxsize=None)
def reference_dump(version: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """(paragraphs above the table, rows of cell texts, paragraphs below the table) of a reference dump."""
    text = reference_path(version).read_text(encoding="utf-8")
    before, rows = formdump.parse_reference(text)
    # parse_reference leaves the paragraphs after the table out; they follow the last blank line pair.
    tail = text.rsplit("\n\n\n", 1)[1] if "\n\n\n" in text else ""
    after = tuple(line for line in tail.split("\n") if line.strip())
    return tuple(before), tuple(tuple(r) for r in rows), after


def read_reference(version: str) -> GridReadResult:
    before, rows, after = reference_dump(version)
    return read_grid([list(r) for r in rows], before=before, after=after)


def reference_form(version: str) -> Form:
    """A fresh Form holding the reference form of ``version`` ("2024" or "2026")."""
    return read_reference(version).form


def reference_template(version: str) -> Template:
    return read_reference(version).template
