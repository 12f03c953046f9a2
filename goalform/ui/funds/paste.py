"""A block pasted into the funds table: which column of the block goes to which column of the table.

A clerk's sheet rarely has the form's 占比 column between 当年金额 and the two history years, so a
block is placed by its width, never by shifting a year into the next one:

- as wide as the amount columns (当年金额, 前年, 上年: three): those columns in order, skipping the
  computed 占比 (as the arrow keys do), wherever in the row the cursor is;
- as wide as all the columns (占比 included: four): column for column, and a value that falls on
  a computed cell is compared with what goalform computes (the same figure: fine; another: said);
- any other width: column for column from the cursor, where no column can move into another year
  (a value on 占比 or a 合计 is compared, as above); a block that would run past the last column
  is refused, with where each of its columns would have gone.

Rows are placed row for row from the cursor (a 合计 row is compared, not written). Every value goes
through the one amount parser; the writes are one undo step. When anything was not written, the
message lists it and which cells got which values.
"""
from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from goalform.domain.amounts import canonical_text, parse_amount
from goalform.domain.messages import first_of
from goalform.ui.editor import FormEditor
from goalform.ui import telling
from goalform.ui.wording import say


class FundsGrid(Protocol):
    """The grid as the paste sees it (by its shape: funds_grid imports this module)."""

    editor: FormEditor
    rows: list[list[Any]]  # funds_grid.FundsCell: widget, line, column, label, editable
    column_names: list[str]

    def focus_at(self, pos: tuple[int, int]) -> None: ...

    def select_range(self, anchor: tuple[int, int], current: tuple[int, int]) -> None: ...

MAX_LISTED = 12  # cells named one by one in the paste message


def _tr(text: str) -> str:
    return QCoreApplication.translate("FundsPaste", text)


def column_plan(width: int, origin: int, editable: list[bool]) -> tuple[list[int], bool]:
    """The table column of each of a block's ``width`` columns pasted at column ``origin`` of a table
    whose columns are ``editable`` or computed, and whether the block fits (False: a column would
    fall past the last one; the columns are then where they would have gone, past the end included)."""
    amounts = [c for c, e in enumerate(editable) if e]
    if width == len(amounts) and width != len(editable):
        return amounts, True
    if width == len(editable):
        return list(range(width)), True
    columns = [origin + j for j in range(width)]
    return columns, columns[-1] < len(editable)


def paste_block(grid: FundsGrid, block: list[list[str]], origin: tuple[int, int]) -> None:
    """Paste ``block`` into the grid with its top left at ``origin`` (row, column) as described above."""
    rows = grid.rows
    names = grid.column_names
    editable = [any(row[c].editable for row in rows) for c in range(len(rows[0]))]
    width = max(len(values) for values in block)
    columns, fits = column_plan(width, origin[1], editable)
    if not fits:
        _refuse(grid, width, columns, names, editable)
        return
    decimals = grid.editor.doc.template.amount_decimals
    changes: list[tuple[str, str, str]] = []
    written: list[str] = []  # 「财政拨款（2026年当年金额）= 1300」
    problems: list[str] = []
    computed: list[tuple[Any, str]] = []  # a value that fell on 占比 or a 合计, and the cell
    last = origin
    for i, values in enumerate(block):
        r = origin[0] + i
        for j, value in enumerate(values):
            value = value.strip()
            if r >= len(rows):
                if value:
                    problems.append(_tr("「%1」在表格最后一行之下").replace("%1", value))
                continue
            c = columns[j]
            slot = rows[r][c]
            last = (max(last[0], r), max(last[1], c))
            if not slot.editable:
                if value:
                    computed.append((slot, value))
                continue
            parsed = parse_amount(value, decimals)
            if not parsed.ok:
                problems.append(f"{slot.label}：{say(parsed.error)}")  # the parser's message quotes the value
                continue
            text = "" if parsed.value is None else canonical_text(parsed.value)
            written.append(f"{slot.label} = {text or _tr('空白')}")
            if text != grid.editor.doc.fund(slot.line, slot.column):
                changes.append((slot.line, slot.column, text))
    if changes:
        grid.editor.edit_funds(changes, _tr("粘贴金额"))
    for slot, value in computed:  # compared with what goalform computes from the amounts just pasted
        if not _same_figure(value, slot.widget.text()):
            problems.append(_tr("%1：「%2」不填，此格由程序计算（现为「%3」）").replace(
                "%1", slot.label).replace("%2", value).replace("%3", slot.widget.text() or _tr("空白")))
    top_left = origin if columns[0] == origin[1] else (origin[0], next(c for c in columns if editable[c]))
    grid.focus_at(top_left)
    grid.select_range((origin[0], min(columns)), last)  # the pasted range stays selected, as in a spreadsheet
    mapping = _mapping(columns, names)
    if problems:
        _tell(grid, problems, written, mapping if columns != list(range(origin[1], origin[1] + width)) else "")
    else:
        text = _tr("已粘贴 %1 个金额").replace("%1", str(len(written)))
        if width > 1:
            text += _tr("（%1）").replace("%1", mapping)
        telling.inform(grid.rows[0][0].widget, text, 8000)


def _mapping(columns: list[int], names: list[str]) -> str:
    """「第 1 列 → 2026年当年金额，第 2 列 → 2024年」"""
    return _tr("，").join(_tr("第 %1 列 → %2").replace("%1", str(j + 1)).replace(
        "%2", names[c] if c < len(names) else _tr("表格之外")) for j, c in enumerate(columns))


def _refuse(grid: FundsGrid, width: int, columns: list[int], names: list[str], editable: list[bool]) -> None:
    amounts = [names[c] for c, e in enumerate(editable) if e]
    text = _tr("没有粘贴：复制的 %1 列从此格起放不下，会是 %2。\n\n请复制 %3 列（%4），或连同%5共 %6 列，"
               "或选中能放下它的格再粘贴。").replace("%1", str(width)).replace("%2", _mapping(columns, names)).replace(
        "%3", str(len(amounts))).replace("%4", _tr("、").join(amounts)).replace(
        "%5", _tr("、").join(n for n, e in zip(names, editable) if not e)).replace("%6", str(len(names)))
    telling.warn(grid.rows[0][0].widget.window(), _tr("粘贴"), text)


def _tell(grid: FundsGrid, problems: list[str], written: list[str], mapping: str) -> None:
    """Something was not written: say what, and which cells got which values."""
    parts = [_tr("以下 %1 项没有填入：").replace("%1", str(len(problems))), *_listed(problems)]
    if written:
        parts += ["", _tr("已填入 %1 格：").replace("%1", str(len(written))), *_listed(written)]
    else:
        parts += ["", _tr("没有填入任何金额。")]
    if mapping:
        parts += ["", _tr("各列的去处：%1").replace("%1", mapping)]
    telling.warn(grid.rows[0][0].widget.window(), _tr("粘贴"), "\n".join(parts))


def _listed(items: list[str]) -> list[str]:
    return first_of(items, MAX_LISTED, _tr("……另有 %1 项"))


def _same_figure(pasted: str, shown: str) -> bool:
    """A pasted 合计 or 占比 that says what the cell already shows (「36%」, 「1,424」) needs no word."""
    a, b = parse_amount(pasted.strip().rstrip("%"), 99), parse_amount(shown.strip().rstrip("%"), 99)
    return a.ok and b.ok and a.value == b.value
