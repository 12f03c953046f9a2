"""The PDF's text layer: make every ToUnicode map say the characters that were drawn.

Qt's PDF engine writes, for each embedded font, a ToUnicode CMap (glyph -> text, what search, copy,
``pdftotext`` and screen readers use) built from the font's reverse cmap: for every glyph the *lowest*
code point that maps to it. CJK fonts map the Kangxi radicals (U+2F00…) and the CJK radicals
supplement (U+2E80…) to the very glyphs of the ideographs 门, 日, 目, 页 …, and those code points are
lower, so the exported text read ⻔ ⽇ ⽬ ⻚ and a search for 部门 or 填报日期 found nothing.

We know what was drawn. :func:`repair_to_unicode` rewrites each ToUnicode map: a code point that the
drawn text does not contain is replaced by the drawn character with the same glyph (``resolve``,
which asks the fonts). The PDF's cross-reference offsets are moved by what the maps grew or shrank.
Pure bytes in, bytes out: no Qt here (the caller's ``resolve`` uses it).
"""
from __future__ import annotations

import re
from typing import Callable

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_HEX = rb"<([0-9A-Fa-f]+)>"
_RANGE_ARRAY = re.compile(_HEX + rb"\s*" + _HEX + rb"\s*\[([^\]]*)\]")
_RANGE = re.compile(_HEX + rb"\s*" + _HEX + rb"\s*" + _HEX)
_PAIR = re.compile(_HEX + rb"\s*" + _HEX)
_BLOCK = re.compile(rb"\d+\s+begin(bfchar|bfrange)\b(.*?)\bend\1", re.S)
_STREAM_HEAD = re.compile(rb"\s*\d+\s+0\s+obj\s*<<\s*/Length\s+(\d+)\s*>>\s*stream\r?\n")
PER_BLOCK = 100  # entries in one begin…end block (the PDF spec's limit)


class PdfLayoutError(ValueError):
    """The PDF is not laid out the way Qt writes it (classic xref table, direct stream lengths)."""


def _text(hex_units: bytes) -> str:
    return bytes.fromhex(hex_units.decode("ascii")).decode("utf-16-be", "replace")


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def parse_cmap(cmap: bytes) -> dict[int, str]:
    """The code -> text entries of a ToUnicode CMap (bfchar and both forms of bfrange)."""
    mapping: dict[int, str] = {}
    for kind, body in _BLOCK.findall(cmap):
        if kind == b"bfchar":
            for src, dst in _PAIR.findall(body):
                mapping[int(src, 16)] = _text(dst)
            continue
        for lo, hi, items in _RANGE_ARRAY.findall(body):
            for code, dst in zip(range(int(lo, 16), int(hi, 16) + 1), re.findall(_HEX, items)):
                mapping[code] = _text(dst)
        for lo, hi, dst in _RANGE.findall(_RANGE_ARRAY.sub(b"", body)):
            start = _text(dst)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = start[:-1] + chr(ord(start[-1]) + k) if start else ""
    return mapping


def write_cmap(header: bytes, mapping: dict[int, str], trailer: bytes) -> bytes:
    """A CMap with ``mapping`` as bfrange arrays (runs of consecutive codes within one high byte)."""
    runs: list[list[int]] = []
    for code in sorted(mapping):
        if runs and code == runs[-1][-1] + 1 and code >> 8 == runs[-1][0] >> 8:
            runs[-1].append(code)
        else:
            runs.append([code])
    lines = [f"<{run[0]:04X}> <{run[-1]:04X}> [" + " ".join(f"<{_hex(mapping[c])}>" for c in run) + "]"
             for run in runs]
    out = [header]
    for i in range(0, len(lines), PER_BLOCK):
        block = lines[i:i + PER_BLOCK]
        out.append(f"{len(block)} beginbfrange\n" + "\n".join(block) + "\nendbfrange\n")
    out.append(trailer)
    return b"".join(part if isinstance(part, bytes) else part.encode("ascii") for part in out)


def repair_cmap(cmap: bytes, drawn: set[str], resolve: Callable[[str], str | None]) -> bytes | None:
    """``cmap`` with every entry outside ``drawn`` replaced by ``resolve``'s character; None when
    nothing needs replacing (or nothing could be)."""
    mapping = parse_cmap(cmap)
    changed = False
    for code, text in mapping.items():
        if len(text) == 1 and text not in drawn and (right := resolve(text)) is not None and right != text:
            mapping[code] = right
            changed = True
    if not changed:
        return None
    first = _BLOCK.search(cmap)
    last = list(_BLOCK.finditer(cmap))[-1]
    assert first is not None
    return write_cmap(cmap[:first.start()], mapping, cmap[last.end():].lstrip(b"\r\n"))


def _stream(pdf: bytes, start: int) -> tuple[int, int, tuple[int, int]]:
    """(start, end) of the data of the stream object at ``start`` (its /Length must be direct), and
    the (start, end) of that length's digits."""
    head = _STREAM_HEAD.match(pdf, start)
    if head is None:
        raise PdfLayoutError(f"no stream with a direct /Length at {start}")
    return head.end(), head.end() + int(head.group(1)), head.span(1)


_XREF_TABLE = re.compile(rb"xref\s+(\d+)\s+(\d+)\s*\n")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf]) ?\r?\n")


def _xref(pdf: bytes) -> tuple[tuple[int, int], list[tuple[int, bytes, bytes]], tuple[int, int]]:
    """The classic cross-reference table: its (start, end), its entries (offset, generation, n/f)
    from object 0 on, and the (start, end) of the number after ``startxref``."""
    tail = max(0, len(pdf) - 1024)
    found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf[tail:])
    if found is None:
        raise PdfLayoutError("no startxref")
    table = _XREF_TABLE.match(pdf, int(found.group(1)))
    if table is None or table.group(1) != b"0":
        raise PdfLayoutError("no classic xref table from object 0")
    entries, at = [], table.end()
    for _ in range(int(table.group(2))):
        entry = _XREF_ENTRY.match(pdf, at)
        if entry is None:
            raise PdfLayoutError(f"a bad xref entry at {at}")
        entries.append((int(entry.group(1)), entry.group(2), entry.group(3)))
        at = entry.end()
    return (int(found.group(1)), at), entries, (tail + found.start(1), tail + found.end(1))


def repair_to_unicode(pdf: bytes, drawn: set[str], resolve: Callable[[str], str | None]) -> bytes:
    """``pdf`` with its ToUnicode maps naming only characters that were drawn where the font's glyph
    allows (see the module's docstring). Raises PdfLayoutError on a PDF not laid out as Qt writes."""
    numbers = sorted({int(n) for n in _TO_UNICODE.findall(pdf)})
    if not numbers:
        return pdf
    (xref_start, xref_end), entries, startxref = _xref(pdf)
    edits: list[tuple[int, int, bytes]] = []  # (start, end, replacement), in the old file
    for n in numbers:
        if n >= len(entries) or entries[n][2] != b"n":
            raise PdfLayoutError(f"object {n} is not in the xref table")
        begin, end, length = _stream(pdf, entries[n][0])
        fixed = repair_cmap(pdf[begin:end], drawn, resolve)
        if fixed is not None:
            edits += [(length[0], length[1], str(len(fixed)).encode()), (begin, end, fixed)]
    if not edits:
        return pdf

    def moved(position: int) -> int:
        return position + sum(len(new) - (e - s) for s, e, new in edits if e <= position)

    table = b"xref\n0 %d\n" % len(entries) + b"".join(
        b"%010d %s %s \n" % (moved(offset) if kind == b"n" else offset, generation, kind)
        for offset, generation, kind in entries)
    edits += [(xref_start, xref_end, table), (startxref[0], startxref[1], str(moved(xref_start)).encode())]
    out, last = [], 0
    for start, end, new in sorted(edits):
        out += [pdf[last:start], new]
        last = end
    out.append(pdf[last:])
    return b"".join(out)
