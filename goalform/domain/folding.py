"""The one text folding: what two texts a clerk typed are compared by.

NFKC turns full-width characters into their plain forms (＞％１ into >%1, ５００ into 500), and
every kind of space (NBSP, U+3000, tabs, line breaks) is dropped. Validation, the indicator targets,
templates and the readers all compare through :func:`fold`.
"""
from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """``text`` NFKC-folded and without whitespace; fast for text that needs neither."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _SPACE.sub("", text) if _SPACE.search(text) else text
