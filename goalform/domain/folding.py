"""The one text folding: what two texts a clerk typed are compared by.

NFKC turns full-width characters into their plain forms (＞％１ into >%1, ５００ into 500), and
every kind of space (NBSP, U+3000, tabs, line breaks) is dropped. Validation, the indicator targets,
templates and the readers all compare through :func:`fold`.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_SPACE = re.compile(r"\s+")


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
    return _SPACE.sub("", text) if _SPACE.search(text) else text
