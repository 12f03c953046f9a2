"""The one text folding: what two texts a clerk typed are compared by.

NFKC turns full-width characters into their plain forms (＞％１ into >%1, ５００ into 500), and
every kind of space (NBSP, U+3000, tabs, line breaks) is dropped. Validation, the indicator targets,
templates and the readers all compare through :func:`fold`.
"""
from __future__ import annotations

import functools
import unicodedata


_SHORT = 80  # names and values: the same few thousand recur in every form of a pile, so they are remembered


def fold(text: str) -> str:
    """``text`` NFKC-folded and without whitespace; fast for text that needs neither."""
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


@functools.lru_cache(maxsize=16384)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    # str.split() splits at exactly the characters the expression \s matches (str.isspace), and it
    # compiles nothing at import.
    return "".join(text.split())
