"""Pinyin search keys of library entries, computed when an entry is written.

pypinyin loads its dictionaries (a few MB of JSON) when imported, so it is imported here only, by
the store's writes (building the library, importing a sheet, learning from a form); reading the
library and searching it never need it. ``domain.library`` matches the keys without knowing pinyin.
"""
from __future__ import annotations

import functools
import re

from goalform.domain.limits import PINYIN_KEY_CHARS

_ASCII = re.compile(r"[^0-9a-z]+")
_MARK = "\x00"  # prefixes the text pypinyin passes through unchanged (Latin letters, digits, signs)


def syllables(text: str) -> tuple[str, str]:
    """(initials, spelled out) of ``text``: 预算执行率 -> ("yszxl", "yusuanzhixinglv").

    Readings follow pypinyin's phrase dictionary (执行 is xing, 银行 is hang); ü is written v, as
    on a keyboard. Latin letters and digits in the text count in both keys as they are (PM2.5 -> pm25).
    """
    if not text:
        return "", ""
    from pypinyin import Style, lazy_pinyin

    initials: list[str] = []
    full: list[str] = []
    for token in lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: [_MARK + chars]):
        if token.startswith(_MARK):
            plain = _ASCII.sub("", token[1:].lower())
            initials.append(plain)
            full.append(plain)
        else:
            token = _ASCII.sub("", token.lower())
            if token:
                initials.append(token[0])
                full.append(token)
    return "".join(initials), "".join(full)


@functools.lru_cache(maxsize=16384)  # the built-in list is keyed again for every new library; 二级 names repeat
def entry_keys(name: str, level2: str) -> str:
    """The search key of an entry: its name's and its 二级's initials and spellings, space-separated
    so that a query never matches across two of them. Only the first PINYIN_KEY_CHARS characters of
    each are keyed: names are a few words, and pinyin of a 90,000-character one took minutes."""
    return " ".join((*syllables(name[:PINYIN_KEY_CHARS]), *syllables(level2[:PINYIN_KEY_CHARS])))
