"""Blocks of cells as spreadsheets put them on the clipboard, and back.

Excel, WPS and LibreOffice put a copied range on the clipboard twice: as tab-separated text
(``text/plain``: cells split by tabs, rows by line ends, a cell holding a tab, a line end or a quote
enclosed in double quotes) and as an HTML ``<table>``; Word puts an HTML table (and text without the
quotes). :func:`read_block` reads either into rows of cell texts, preferring the HTML table, which
keeps a cell with a line break in one piece and says where merged cells span.
"""
from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

Block = list[list[str]]


def read_block(text: str, html: str = "") -> Block:
    """The cells of a copied block: from the HTML table when there is one, else from the text."""
    if html and "<table" in html.lower():
        rows = _HtmlTable.read(html)
        if rows:
            return rows
    return read_tsv(text)


def read_tsv(text: str) -> Block:
    """Rows of cells from tab-separated text; the one line end that ends the last row is dropped."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if '"' not in text:  # the common case, and a lone quote inside a cell is not a csv quote
        return [line.split("\t") for line in text.split("\n")]
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t", quotechar='"', strict=False)] or [[""]]


def write_tsv(rows: Block) -> str:
    """Tab-separated text as Excel writes it: cells with a tab, a line end or a quote are quoted."""
    def cell(text: str) -> str:
        if any(c in text for c in '\t\n\r"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(c) for c in row) + "\r\n" for row in rows)


def is_block(rows: Block) -> bool:
    """More than one cell: a paste that spreads over cells rather than into the one being edited."""
    return len(rows) > 1 or (len(rows) == 1 and len(rows[0]) > 1)


class _HtmlTable(HTMLParser):
    """The cells of the first table of an HTML fragment; ``colspan``/``rowspan`` leave blanks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: Block = []
        self.depth = 0  # table nesting; only the outermost table's cells count
        self.done = False
        self.cell: list[str] | None = None
        self.spans: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
        self.pending_span = (1, 1)

    @classmethod
    def read(cls, html: str) -> Block:
        parser = cls()
        parser.feed(html)
        parser.close()
        return [[c.strip() for c in row] for row in parser.rows]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "table":
            self.depth += 1
        elif self.depth != 1:
            if tag == "br" and self.cell is not None:
                self.cell.append("\n")
            return
        elif tag == "tr":
            self.rows.append([])
            self._skip_spanned()
        elif tag in ("td", "th") and self.rows:
            a = dict(attrs)
            self.cell = []
            self.pending_span = (_int(a.get("colspan")), _int(a.get("rowspan")))
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")
        elif tag == "p" and self.cell:
            self.cell.append("\n")  # Word: one <p> per paragraph of the cell

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if tag == "table":
            self.depth -= 1
            self.done = self.depth == 0
        elif self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            row = self.rows[-1]
            colspan, rowspan = self.pending_span
            start = len(row)
            row.append("".join(self.cell))
            row.extend("" for _ in range(colspan - 1))
            if rowspan > 1:
                for c in range(start, start + colspan):
                    self.spans[c] = rowspan - 1
            self.cell = None
            self._skip_spanned()

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            # HTML collapses blanks; Excel writes a line break inside a cell as <br>.
            self.cell.append(" ".join(data.split()) if data.strip() else (" " if self.cell else ""))

    def _skip_spanned(self) -> None:
        """Blank cells where a rowspan from a row above covers this row."""
        row = self.rows[-1]
        while self.spans.get(len(row), 0) > 0:
            self.spans[len(row)] -= 1
            row.append("")


def _int(text: str | None) -> int:
    try:
        return max(1, min(int(text or 1), 1000))
    except ValueError:
        return 1
