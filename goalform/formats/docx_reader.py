"""Read a .docx the way the form is laid out: the paragraphs above the form's table, its rows of cell
texts, and the paragraphs below it.

The rows come out exactly as ``tests/formdump.py`` dumps them (a cell spanning columns appears once,
a cell continuing a vertical merge appears empty, a cell's paragraphs are joined with newlines), so
:func:`goalform.formats.grid_reader.read_grid` reads Word files and reference dumps alike. Word files
made by hand carry more than our own exports do; this reader copes with:

* bookmarks, proofing marks, deleted text of tracked changes: dropped (only ``w:t`` counts);
* line breaks inside a paragraph (``w:br``, ``w:cr``): newlines; tabs: a space;
* symbols inserted through 插入符号 (``w:sym``, e.g. ≥ and ≤ of the Symbol font): their characters;
* rows and cells wrapped in content controls (``w:sdt``) or custom XML: unwrapped;
* legacy horizontal merges (``w:hMerge``): the merged cells appear once, like ``w:gridSpan``;
* tables nested in a cell: their text joins the cell's text, row by row;
* text boxes (``w:txbxContent``): their paragraphs become lines of their own; the VML fallback copy
  Word writes next to every modern text box is skipped so nothing appears twice;
* a table split in two (same column grid, only empty paragraphs between): one table again;
* several tables: the form's table is the largest one; the others' rows are reported as extra
  paragraphs so nothing is silently lost.

The walk is recursive, so every step down checks the depth first (:data:`MAX_XML_DEPTH`); tables,
rows, cells and paragraphs past the documented limits are refused with a message.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from goalform.domain.limits import MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_XML_DEPTH
from goalform.formats.reading import ReadError, TableContent
from goalform.formats.package import Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Containers whose children are read as if they stood in the parent (content controls, custom XML,
# smart tags, tracked insertions/moves).
_TRANSPARENT = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins", W + "moveTo",
                W + "fldSimple", W + "hyperlink", W + "dir", W + "bdo"}


def read_docx(path: Path | str) -> TableContent:
    """Read the form's table and the paragraphs around it from ``path``."""
    path = Path(path)
    with Package(path, "Word (.docx)") as package:
        root = package.parse("word/document.xml")
    body = root.find(W + "body")
    if body is None:
        raise ReadError(f"「{path.name}」中没有正文")
    return read_body(body)


def read_body(body) -> TableContent:
    """Split a ``w:body`` element into paragraphs and tables (see :class:`TableContent`)."""
    blocks: list[tuple[str, object]] = []  # ("p", text) | ("tbl", rows)
    grids: list[int] = []  # grid columns of each table in blocks
    for el in _blocks(body, 1):
        if len(blocks) >= MAX_IMPORT_ROWS:
            raise ReadError(f"正文超过 {MAX_IMPORT_ROWS} 段（导入上限），无法导入")
        if el.tag == W + "p":
            blocks.append(("p", _limited(paragraph_text(el, 2), "正文中的一段")))
        else:
            rows = table_rows(el, 2)
            columns = len(el.findall(f"{W}tblGrid/{W}gridCol"))
            # A table split in two (an accidental Enter, a page break) continues after empty
            # paragraphs with the same column grid; a different grid is another table.
            j = len(blocks)
            while j > 0 and blocks[j - 1][0] == "p" and not str(blocks[j - 1][1]).strip():
                j -= 1
            if j > 0 and blocks[j - 1][0] == "tbl" and grids[-1] == columns:
                del blocks[j:]
                blocks[-1][1].extend(rows)  # type: ignore[union-attr]
            else:
                blocks.append(("tbl", rows))
                grids.append(columns)
    tables = [i for i, (kind, _) in enumerate(blocks) if kind == "tbl"]
    content = TableContent()
    if not tables:
        content.before = [t for kind, t in blocks if kind == "p"]  # type: ignore[misc]
        return content
    # The form is the table with the most rows; a clerk's cover table or a signature table is smaller.
    main = max(tables, key=lambda i: (len(blocks[i][1]), -i))  # type: ignore[arg-type]
    for i, (kind, value) in enumerate(blocks):
        if i == main:
            content.rows = value  # type: ignore[assignment]
        elif kind == "tbl":
            content.other_tables.append(value)  # type: ignore[arg-type]
        else:
            (content.before if i < main else content.after).append(value)  # type: ignore[arg-type]
    return content


def _deeper(depth: int) -> int:
    """``depth + 1``, refused past the limit before the walk recurses (no RecursionError)."""
    if depth >= MAX_XML_DEPTH:
        raise ReadError(f"文件中的内容嵌套超过 {MAX_XML_DEPTH} 层（导入上限），不像正常的 Word 文件，无法导入")
    return depth + 1


def _limited(text: str, where: str) -> str:
    if len(text) > MAX_CELL_CHARS:
        raise ReadError(f"{where}有 {len(text)} 个字，超过导入上限 {MAX_CELL_CHARS} 字，无法导入")
    return text


def _blocks(parent, depth: int) -> Iterator:
    """The paragraphs and tables directly in ``parent`` (at ``depth``), looking through content controls."""
    for child in parent:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _blocks(child, _deeper(depth))
        elif child.tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                yield from _blocks(choice, _deeper(_deeper(depth)))


def _children(parent, tag: str, depth: int) -> Iterator:
    """Direct children with ``tag``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag, _deeper(depth))


def table_rows(tbl, depth: int = 0) -> list[list[str]]:
    """The rows of a table as formdump shows them (spans once, vertical continuations empty)."""
    rows: list[list[str]] = []
    depth = _deeper(depth)
    for tr in _children(tbl, W + "tr", depth):
        if len(rows) >= MAX_IMPORT_ROWS:
            raise ReadError(f"表格超过 {MAX_IMPORT_ROWS} 行（导入上限），无法导入")
        cells: list[str] = []
        for tc in _children(tr, W + "tc", _deeper(depth)):
            if len(cells) >= MAX_IMPORT_COLUMNS:
                raise ReadError(f"表格第 {len(rows) + 1} 行超过 {MAX_IMPORT_COLUMNS} 格（导入上限），无法导入")
            props = tc.find(W + "tcPr")
            if props is not None:
                hmerge = props.find(W + "hMerge")
                if hmerge is not None and hmerge.get(W + "val") != "restart":
                    continue  # legacy horizontal merge: the first cell stands for the span
                vmerge = props.find(W + "vMerge")
                if vmerge is not None and vmerge.get(W + "val", "continue") == "continue":
                    cells.append("")
                    continue
            cells.append(_limited(cell_text(tc, _deeper(_deeper(depth))),
                                  f"表格第 {len(rows) + 1} 行第 {len(cells) + 1} 格"))
        rows.append(cells)
    return rows


def cell_text(tc, depth: int = 0) -> str:
    """A cell's paragraphs joined with newlines; a nested table adds its cells' text as lines."""
    lines: list[str] = []
    for el in _blocks(tc, depth):
        if el.tag == W + "p":
            lines.append(paragraph_text(el, _deeper(depth)))
        else:
            for row in table_rows(el, depth):
                lines.append(" ".join(c for c in row if c.strip()))
    return "\n".join(lines)


def paragraph_text(p, depth: int = 0) -> str:
    """The text of a paragraph: its runs' text, with text boxes' paragraphs as lines after it."""
    own: list[str] = []
    boxes: list[str] = []
    _collect(p, own, boxes, depth)
    text = "".join(own)
    return "\n".join([text] + boxes) if boxes else text


# Characters of the Symbol font as Word's 插入符号 stores them (w:sym, code F000 + the font's byte).
_SYMBOL_FONT = {0xA3: "≤", 0xB3: "≥", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xB9: "≠", 0xBB: "≈",
                0xA5: "∞", 0xD7: "·", 0xAE: "→", 0xAC: "←", 0x25: "%", 0x2D: "-", 0x3C: "<", 0x3E: ">"}


def symbol_text(font: str, char: str) -> str:
    """The character a ``w:sym`` shows: ≥ and ≤ are often inserted this way in indicator values."""
    try:
        code = int(char, 16)
    except ValueError:
        return ""
    if code >= 0xF000:
        code -= 0xF000
        if font.lower() == "symbol":
            return _SYMBOL_FONT.get(code, "")
        return chr(code) if 0x20 <= code < 0x7F and not font.lower().startswith("wingdings") else ""
    return chr(code)


def _collect(el, out: list[str], boxes: list[str], depth: int) -> None:
    depth = _deeper(depth)
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "tab":
            out.append(" ")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            out.append(symbol_text(child.get(W + "font", ""), child.get(W + "char", "")))
        elif tag == W + "txbxContent":
            for para in _blocks(child, depth):
                if para.tag == W + "p":
                    text = paragraph_text(para, _deeper(depth))
                    if text.strip():
                        boxes.append(text)
        elif tag == MC + "Fallback":
            continue  # the VML copy of the text box in mc:Choice
        elif tag in (W + "del", W + "moveFrom", W + "delText", W + "instrText", W + "rPr", W + "pPr"):
            continue
        else:
            _collect(child, out, boxes, depth)
