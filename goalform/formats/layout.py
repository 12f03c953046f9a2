"""The official form as ONE grid: rows of cells with spans, on a 9-column table.

Every writer (Word, Excel, PDF, print) renders the :class:`Grid` that :func:`build_grid` makes, and
the readers map rows back through the same row shapes (:data:`SHAPES`), so no other module keeps its
own idea of the form's structure. Cells per row reproduce the reference forms exactly (see
``docs/reference-format.md``): e.g. a funds line has 7 cells, an annual indicator row 9.

Grid columns::

    0 section label   1 一级   2 二级   3 三级   4 前年值/指标值   5 上年值   6 预期当年实现值
    7 指标值确定依据   8 指标分类
"""
from __future__ import annotations

from collections.abc import Hashable

from goalform.domain.amounts import canonical_amount, format_amount, format_share
from goalform.domain.cells import Cell
from goalform.domain.form import Form, Indicator
from goalform.domain.funds import FundsSummary, summarize_funds
from goalform.domain.sections import ANNUAL, FUNDS, LONG_TERM, TEXT_PREFIX, tree_section
from goalform.domain.sections import HEADER as HEADER_SECTION  # HEADER here is the role of column headings
from goalform.domain.template import Template

GRID_COLUMNS = 9

# Cell roles: what a writer may style differently and what an editor may edit.
LABEL = "label"  # fixed text of the template (row labels, group labels)
HEADER = "header"  # column headings
VALUE = "value"  # text the clerk typed
AMOUNT = "amount"  # an amount the clerk typed (a number cell in Excel when it is a plain number)
DERIVED = "derived"  # computed: 合计 and 占比

# Row kinds: writers use them for page breaking (headers repeat, sections keep together).
ROW_FIELD = "field"
ROW_FUNDS_HEADER = "funds_header"
ROW_FUNDS_LINE = "funds_line"
ROW_FUNDS_TOTAL = "funds_total"
ROW_TEXT = "text"
ROW_INDICATOR_HEADER = "indicator_header"
ROW_INDICATOR = "indicator"
# Rows that head the rows under them: paged output never ends a page with one (PDF, print, Word).
HEADING_KINDS = (ROW_FUNDS_HEADER, ROW_INDICATOR_HEADER)

# Horizontal alignment of a cell: every writer places the text as ``GridCell.align`` says, nothing else.
ALIGNMENTS = ("left", "center", "right")

# Widths of the 9 grid columns in twentieths of a point (twips) for an A4 page with 2 cm side margins
# (9 638 twips of text width), for a 10 pt table font: label columns just wide enough for their
# labels (「部门总体」, 「计划标准」), the 三级 and 依据 columns wide. A version whose 依据 is free text
# (2024) gives 依据 the room; one where 依据 is a short choice (2026) gives it to the 三级 name.
COLUMN_WIDTHS: tuple[int, ...] = (920, 600, 1000, 1300, 960, 960, 960, 2018, 920)
COLUMN_WIDTHS_SHORT_BASIS: tuple[int, ...] = (920, 600, 1100, 1920, 1000, 1000, 1000, 1178, 920)


class ShapeCell(tuple):
    """One cell position of a row shape: grid column, span, and the name of what it holds (not
    ui.funds.grid.FundsCell, a widget of the GUI's funds grid).

    (A tuple subclass, not a NamedTuple or dataclass: those generate code at import time, which
    a short export process pays for; see GridCell.)
    """

    __slots__ = ()

    def __new__(cls, col: int, span: int, name: str) -> "ShapeCell":
        return super().__new__(cls, (col, span, name))

    col = property(lambda self: self[0])
    span = property(lambda self: self[1])
    name = property(lambda self: self[2])


def _shape(*slots: tuple[int, int, str]) -> tuple[ShapeCell, ...]:
    return tuple(ShapeCell(c, s, n) for c, s, n in slots)


# The shapes of the rows, cell by cell. The reader maps a row of texts through these too.
SHAPES: dict[str, tuple[ShapeCell, ...]] = {
    "department": _shape((0, 2, "label"), (2, 7, "value")),
    "filler": _shape((0, 2, "filler_label"), (2, 2, "filler"), (4, 2, "phone_label"), (6, 3, "phone")),
    "funds_header1": _shape((0, 1, "section"), (1, 3, "overall"), (4, 1, "current"), (5, 1, "share"),
                            (6, 3, "history")),
    "funds_header2": _shape((0, 1, "section"), (1, 3, "overall"), (4, 1, "current"), (5, 1, "share"),
                            (6, 1, "prev2"), (7, 2, "prev1")),
    "funds_line": _shape((0, 1, "section"), (1, 1, "group"), (2, 2, "item"), (4, 1, "current"), (5, 1, "share"),
                         (6, 1, "prev2"), (7, 2, "prev1")),
    "text": _shape((0, 2, "label"), (2, 7, "value")),
    "long_header": _shape((0, 1, "section"), (1, 1, "level1"), (2, 1, "level2"), (3, 1, "level3"),
                          (4, 3, "value"), (7, 1, "basis"), (8, 1, "category")),
    "long_row": _shape((0, 1, "section"), (1, 1, "level1"), (2, 1, "level2"), (3, 1, "level3"),
                       (4, 3, "value"), (7, 1, "basis"), (8, 1, "category")),
    "annual_header1": _shape((0, 1, "section"), (1, 1, "level1"), (2, 1, "level2"), (3, 1, "level3"),
                             (4, 3, "value"), (7, 1, "basis"), (8, 1, "category")),
    # The 2026 version prints an empty cell before 指标值 (template: annual_value_header_gap).
    "annual_header1_gap": _shape((0, 1, "section"), (1, 1, "level1"), (2, 1, "level2"), (3, 1, "level3"),
                                 (4, 1, "gap"), (5, 2, "value"), (7, 1, "basis"), (8, 1, "category")),
    "annual_header2": _shape((0, 1, "section"), (1, 1, "level1"), (2, 1, "level2"), (3, 1, "level3"),
                             (4, 2, "history"), (6, 1, "value"), (7, 1, "basis"), (8, 1, "category")),
    "annual_header3": _shape((0, 1, "section"), (1, 1, "level1"), (2, 1, "level2"), (3, 1, "level3"),
                             (4, 1, "prev2"), (5, 1, "prev1"), (6, 1, "value"), (7, 1, "basis"),
                             (8, 1, "category")),
    "annual_row": _shape((0, 1, "section"), (1, 1, "level1"), (2, 1, "level2"), (3, 1, "level3"),
                         (4, 1, "prev2"), (5, 1, "prev1"), (6, 1, "value"), (7, 1, "basis"), (8, 1, "category")),
}


class GridCell:
    """One cell of the grid (treat as immutable).

    ``rowspan > 1`` starts a vertical merge over that many rows; ``merged`` marks a cell that
    continues one (its text is empty, as in the reference dumps). ``key`` says what the cell holds (a
    field's, text's, amount's or 合计's is its :meth:`Cell.grid_key`),
    e.g. ``("field", "department")``, ``("fund", "fiscal", "current")``, ``("total", "income", "prev1")``,
    ``("share", "fiscal")``, ``("total_share", "income")``, ``("text", "tasks")``, ``("deadline",)`` (the
    长期目标 label, which carries form.deadline), ``("indicator", "annual", (0, 1, 2), "basis")`` (tree,
    index path from the 一级 down, column; a 一级 or 二级 cell has a shorter path and column "name").
    ``align`` is one of ALIGNMENTS: "center" for labels, short values and every figure (amounts, 合计
    and 占比 are centred, as the official form prints them, in Word, Excel and PDF alike), "left" for
    long free text, which reads better flush left.

    A plain class with __slots__ rather than a dataclass: a form has about a thousand cells and the
    export runs as a short process, where generating dataclass code at import is a noticeable cost.
    """

    __slots__ = ("text", "col", "colspan", "rowspan", "merged", "role", "key", "align")

    def __init__(self, text: str, col: int, colspan: int = 1, rowspan: int = 1, merged: bool = False,
                 role: str = LABEL, key: tuple[Hashable, ...] | None = None, align: str = "center") -> None:
        self.text = text
        self.col = col
        self.colspan = colspan
        self.rowspan = rowspan
        self.merged = merged
        self.role = role
        self.key = key
        self.align = align

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GridCell) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "GridCell(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__) + ")"


class GridRow(list):
    """A row: the list of its cells, plus its kind (see ROW_*) and the name of its shape in SHAPES."""

    def __init__(self, kind: str, cells: list[GridCell], shape: str) -> None:
        super().__init__(cells)
        self.kind = kind
        self.shape = shape


class Grid:
    """The form as printed: paragraphs above the table, the table's rows, paragraphs below.

    ``before`` holds the title first, then the lines above the table; ``column_widths`` the width of
    each of the 9 grid columns in twips; ``header_rows`` the (first, last) row of each indicator
    table's header, which paged output repeats on a new page.
    """

    __slots__ = ("title", "before", "rows", "after", "column_widths", "header_rows")

    def __init__(self, title: str, before: list[str], rows: list[GridRow], after: list[str],
                 column_widths: tuple[int, ...] = COLUMN_WIDTHS,
                 header_rows: list[tuple[int, int]] | None = None) -> None:
        self.title = title
        self.before = before
        self.rows = rows
        self.after = after
        self.column_widths = column_widths
        self.header_rows = header_rows if header_rows is not None else []

    def texts(self) -> list[list[str]]:
        """The rows as cell texts, the way formdump shows them (spans once, continuations empty)."""
        return [[c.text for c in row] for row in self.rows]

    def describe(self, r: int, cell: GridCell) -> str:
        """The cell at row ``r`` as a clerk would name it in a message: 指标「…」 or the row's label."""
        row = self.rows[r]
        if cell.key and cell.key[0] == "indicator":
            if cell.key[-1] == "name":  # a name cell (一级, 二级, 三级): the name is the text itself
                return f"指标名称「{cell.text[:30]}…」" if len(cell.text) > 30 else f"指标名称「{cell.text}」"
            name = next((c.text for c in row if c.col == 3 and not c.merged), "")
            if name:
                return f"指标「{name[:30]}」"
        label = next((c.text for c in row if c.role == LABEL and c.text and c is not cell), "")
        return f"「{label[:30]}」" if label else f"表格第 {r + 1} 行"


class _Builder:
    """Appends rows; keeps track of vertical merges so that a cell can be told its rowspan later."""

    def __init__(self) -> None:
        self.rows: list[GridRow] = []

    def add(self, kind: str, shape: str, cells: list[GridCell]) -> int:
        slots = SHAPES[shape]
        assert [(c.col, c.colspan) for c in cells] == [(s.col, s.span) for s in slots], shape
        self.rows.append(GridRow(kind, cells, shape))
        return len(self.rows) - 1

    def set_rowspan(self, row: int, col: int, rowspan: int) -> None:
        """Turn the cell at (row, grid column) into the start of a vertical merge of ``rowspan`` rows."""
        if rowspan <= 1:
            return
        cells = self.rows[row]
        for i, c in enumerate(cells):
            if c.col == col:
                cells[i] = GridCell(c.text, c.col, c.colspan, rowspan, False, c.role, c.key, c.align)
                return
        raise AssertionError((row, col))


def _cont(col: int, span: int = 1) -> GridCell:
    return GridCell("", col, span, merged=True)


def build_grid(template: Template, form: Form) -> Grid:
    """The official layout of ``form``: every row and cell, as the writers print it."""
    b = _Builder()
    summary = summarize_funds(form, template)
    header_rows: list[tuple[int, int]] = []
    for section in template.sections:
        if section == HEADER_SECTION:
            _header(b, template, form)
        elif section == FUNDS:
            _funds(b, template, form, summary)
        elif section.startswith(TEXT_PREFIX):
            _text(b, template, form, section[len(TEXT_PREFIX):])
        elif section == tree_section(LONG_TERM):
            header_rows.append(_long_term(b, template, form))
        elif section == tree_section(ANNUAL):
            header_rows.append(_annual(b, template, form))
    before = [template.title] + [_above(line, template, form) for line in template.lines_above]
    widths = COLUMN_WIDTHS_SHORT_BASIS if template.basis.is_choice else COLUMN_WIDTHS
    return Grid(template.title, before, b.rows, list(template.lines_below), widths, header_rows)


def _above(line: str, template: Template, form: Form) -> str:
    if "{fill_date}" in line:
        return line.replace("{fill_date}", template.format_fill_date(form.fill_date))
    return line


def _header(b: _Builder, t: Template, form: Form) -> None:
    b.add(ROW_FIELD, "department", [
        GridCell(t.label("department"), 0, 2),
        GridCell(form.department, 2, 7, role=VALUE, key=Cell.field("department").grid_key()),
    ])
    b.add(ROW_FIELD, "filler", [
        GridCell(t.label("filler"), 0, 2),
        GridCell(form.filler, 2, 2, role=VALUE, key=Cell.field("filler").grid_key()),
        GridCell(t.label("phone"), 4, 2),
        GridCell(form.phone, 6, 3, role=VALUE, key=Cell.field("phone").grid_key()),
    ])


def _funds(b: _Builder, t: Template, form: Form, summary: FundsSummary) -> None:
    prev2, prev1 = t.history_years(form.year)
    first = b.add(ROW_FUNDS_HEADER, "funds_header1", [
        GridCell(t.label("funds_section"), 0, 1, role=HEADER),
        GridCell(t.label("funds_overall"), 1, 3, rowspan=2, role=HEADER),
        GridCell(t.label("current_amount"), 4, 1, rowspan=2, role=HEADER),
        GridCell(t.label("share"), 5, 1, rowspan=2, role=HEADER),
        GridCell(t.label("history_amounts"), 6, 3, role=HEADER),
    ])
    b.add(ROW_FUNDS_HEADER, "funds_header2", [
        _cont(0), _cont(1, 3), _cont(4), _cont(5),
        GridCell(t.funds_history_label.format(year=prev2), 6, 1, role=HEADER),
        GridCell(t.funds_history_label.format(year=prev1), 7, 2, role=HEADER),
    ])
    for group in t.funds:
        group_first = len(b.rows)
        for i, line in enumerate(group.lines):
            group_cell = GridCell(group.label, 1, 1) if i == 0 else _cont(1)
            b.add(ROW_FUNDS_LINE, "funds_line", [
                _cont(0), group_cell,
                GridCell(line.label, 2, 2),
                GridCell(canonical_amount(form.fund(line.key, "current")), 4, 1, role=AMOUNT, key=Cell.fund(line.key, "current").grid_key()),
                GridCell(format_share(summary.shares.get(line.key)), 5, 1, role=DERIVED, key=("share", line.key)),
                GridCell(canonical_amount(form.fund(line.key, "prev2")), 6, 1, role=AMOUNT, key=Cell.fund(line.key, "prev2").grid_key()),
                GridCell(canonical_amount(form.fund(line.key, "prev1")), 7, 2, role=AMOUNT, key=Cell.fund(line.key, "prev1").grid_key()),
            ])
        group_cell = GridCell(group.label, 1, 1) if not group.lines else _cont(1)
        b.add(ROW_FUNDS_TOTAL, "funds_line", [
            _cont(0), group_cell,
            GridCell(t.label("total"), 2, 2),
            GridCell(format_amount(summary.totals[(group.key, "current")]), 4, 1, role=DERIVED,
                     key=Cell.total(group.key, "current").grid_key()),
            GridCell(format_share(summary.total_shares.get(group.key)), 5, 1, role=DERIVED,
                     key=("total_share", group.key)),
            GridCell(format_amount(summary.totals[(group.key, "prev2")]), 6, 1, role=DERIVED,
                     key=Cell.total(group.key, "prev2").grid_key()),
            GridCell(format_amount(summary.totals[(group.key, "prev1")]), 7, 2, role=DERIVED,
                     key=Cell.total(group.key, "prev1").grid_key()),
        ])
        b.set_rowspan(group_first, 1, len(b.rows) - group_first)
    b.set_rowspan(first, 0, len(b.rows) - first)


def _text(b: _Builder, t: Template, form: Form, key: str) -> None:
    section = t.text_section(key)
    label = section.label.format(deadline=form.deadline) if "{deadline}" in section.label else section.label
    b.add(ROW_TEXT, "text", [
        GridCell(label, 0, 2, key=("deadline",) if "{deadline}" in section.label else None),
        GridCell(form.text(key), 2, 7, role=VALUE, key=Cell.text(key).grid_key(), align="left"),
    ])


def _long_term(b: _Builder, t: Template, form: Form) -> tuple[int, int]:
    first = b.add(ROW_INDICATOR_HEADER, "long_header", [
        GridCell(t.label("long_term_section"), 0, 1, role=HEADER),
        GridCell(t.label("level1"), 1, 1, role=HEADER),
        GridCell(t.label("level2"), 2, 1, role=HEADER),
        GridCell(t.label("level3"), 3, 1, role=HEADER),
        GridCell(t.label("value"), 4, 3, role=HEADER),
        GridCell(t.label("basis"), 7, 1, role=HEADER),
        GridCell(t.label("category"), 8, 1, role=HEADER),
    ])
    _indicator_rows(b, t, form.long_term, "long_term", "long_row")
    b.set_rowspan(first, 0, len(b.rows) - first)
    return first, first


def _annual(b: _Builder, t: Template, form: Form) -> tuple[int, int]:
    prev2, prev1 = t.history_years(form.year)
    gap = t.annual_value_header_gap
    head1 = [
        GridCell(t.label("annual_section"), 0, 1, role=HEADER),
        GridCell(t.label("level1"), 1, 1, rowspan=3, role=HEADER),
        GridCell(t.label("level2"), 2, 1, rowspan=3, role=HEADER),
        GridCell(t.label("level3"), 3, 1, rowspan=3, role=HEADER),
    ]
    if gap:
        head1 += [GridCell("", 4, 1, role=HEADER), GridCell(t.label("value"), 5, 2, role=HEADER)]
    else:
        head1 += [GridCell(t.label("value"), 4, 3, role=HEADER)]
    head1 += [
        GridCell(t.label("basis"), 7, 1, rowspan=3, role=HEADER),
        GridCell(t.label("category"), 8, 1, rowspan=3, role=HEADER),
    ]
    first = b.add(ROW_INDICATOR_HEADER, "annual_header1_gap" if gap else "annual_header1", head1)
    b.add(ROW_INDICATOR_HEADER, "annual_header2", [
        _cont(0), _cont(1), _cont(2), _cont(3),
        GridCell(t.label("history_values"), 4, 2, role=HEADER),
        GridCell(t.label("expected_value"), 6, 1, rowspan=2, role=HEADER),
        _cont(7), _cont(8),
    ])
    last = b.add(ROW_INDICATOR_HEADER, "annual_header3", [
        _cont(0), _cont(1), _cont(2), _cont(3),
        GridCell(t.annual_history_label.format(year=prev2), 4, 1, role=HEADER),
        GridCell(t.annual_history_label.format(year=prev1), 5, 1, role=HEADER),
        _cont(6), _cont(7), _cont(8),
    ])
    _indicator_rows(b, t, form.annual, "annual", "annual_row")
    b.set_rowspan(first, 0, len(b.rows) - first)
    return first, last


def _indicator_rows(b: _Builder, t: Template, roots: list[Indicator], tree: str, shape: str) -> None:
    """One row per 三级; an empty 一级 or a 二级 without 三级 still gets one row."""
    annual = tree == "annual"
    for i, l1 in enumerate(roots):
        l1_label = _level1_label(t, l1)
        l1_first = len(b.rows)
        groups = l1.children or [None]
        for j, l2 in enumerate(groups):
            l2_first = len(b.rows)
            leaves = (l2.children if l2 is not None else []) or [None]
            for k, l3 in enumerate(leaves):
                cells = [_cont(0)]
                top = len(b.rows) == l1_first
                cells.append(GridCell(l1_label, 1, 1, key=("indicator", tree, (i,), "name")) if top else _cont(1))
                if len(b.rows) == l2_first:
                    key = ("indicator", tree, (i, j), "name") if l2 is not None else None
                    cells.append(GridCell(l2.name if l2 is not None else "", 2, 1, role=VALUE, key=key))
                else:
                    cells.append(_cont(2))
                path = (i, j, k) if l3 is not None else None

                def leaf(column: str, col: int, span: int = 1) -> GridCell:
                    text = l3.get(column) if l3 is not None else ""
                    key = ("indicator", tree, path, column) if path is not None else None
                    left = column == "name" or (column == "basis" and not t.basis.is_choice)
                    return GridCell(text, col, span, role=VALUE, key=key, align="left" if left else "center")

                cells.append(leaf("name", 3))
                if annual:
                    cells += [leaf("prev2", 4), leaf("prev1", 5), leaf("value", 6)]
                else:
                    cells.append(leaf("value", 4, 3))
                cells += [leaf("basis", 7), leaf("category", 8)]
                b.add(ROW_INDICATOR, shape, cells)
            b.set_rowspan(l2_first, 2, len(b.rows) - l2_first)
        b.set_rowspan(l1_first, 1, len(b.rows) - l1_first)


def _level1_label(t: Template, node: Indicator) -> str:
    for l1 in t.level1:
        if l1.key == node.key:
            return l1.label
    return node.name
