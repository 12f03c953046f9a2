"""The funds table as a spreadsheet: moving between cells, a selected range, copy and paste.

The table is a grid of line edits (:class:`AmountCell` for the amounts, read-only ones for 合计 and 占比)
laid out like the official form. :class:`FundsGrid` knows where each one sits and

- moves like a spreadsheet: arrows, Enter / Shift+Enter, Tab / Shift+Tab, Home / End, Ctrl+Home /
  Ctrl+End go to the next amount cell, skipping the computed ones; a cell entered by the keyboard
  or a first click has all its text selected, so typing replaces it; F2 (or a click in the cell
  being edited) edits inside the text, where the arrows move the text cursor;
- reads what was typed with the one amount parser when the cell is left (Enter, Tab, an arrow, a
  click elsewhere): a readable amount is stored in its canonical form, anything else is refused
  there, with the message beside the cell and in the status bar, and the document keeps the cell's
  last good value (the cell keeps the refused text, marked, until it is corrected or Esc restores it).
  While typing, every state of the text that is an amount is written at once (one undo step per
  cell), so 合计 and 占比 follow the keystrokes; 「1,」 on the way to 「1,000」 is simply not written;
- selects a range with Shift+arrows or Shift+click; Ctrl+C copies it as tab-separated text; Ctrl+V
  pastes tab-separated text or an HTML table (Excel, WPS, Word) from the current cell on, every value
  through the parser, as one undo step, its columns placed by the block's width so that no year moves
  into another (:mod:`goalform.ui.funds.paste`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QToolTip, QWidget

from goalform.domain.amounts import canonical_text, parse_amount
from goalform.formats.table_text import is_block, read_block, write_tsv
from goalform.ui.funds import paste as funds_paste
from goalform.ui.editor import FormEditor
from goalform.ui.fields.widgets import BlockPasteMenu, FieldLineEdit, reroute_paste, wants_focus
from goalform.ui import telling
from goalform.ui.wording import say


def _tr(text: str) -> str:
    return QCoreApplication.translate("FundsGrid", text)


@dataclass(frozen=True)
class FundsCell:
    """One cell of the funds grid: its widget, and for an amount cell (an AmountCell) the ``line`` and
    ``column`` it edits; a computed figure (合计, 占比) has neither. (Not layout.ShapeCell, a cell of
    the export grid's row shapes.)"""

    widget: QLineEdit
    line: str = ""  # amount cells only
    column: str = ""
    label: str = ""  # for messages: 「财政拨款 · 2026年当年金额」

    @property
    def editable(self) -> bool:
        return bool(self.line)


class AmountCell(BlockPasteMenu, FieldLineEdit):
    """An amount cell: its keys and mouse clicks are the grid's (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid: FundsGrid | None = None
        self.edit_mode = False  # F2: the arrows move the text cursor instead of the cell
        self._clicked_in = False  # the focus came with the mouse press being delivered (Qt gives it first)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and self.grid is not None
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):  # type: ignore[attr-defined]
            back = event.key() == Qt.Key.Key_Backtab or bool(  # type: ignore[attr-defined]
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)  # type: ignore[attr-defined]
            self.grid.tab(self, back)
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.grid is None or not self.grid.key(self, event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.grid is not None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.grid.extend_to(self)
            return
        entering, self._clicked_in = self._clicked_in, False
        super().mousePressEvent(event)
        if entering:  # a first click selects the cell, as in a spreadsheet
            self.selectAll()
            self.edit_mode = False
        else:
            self.edit_mode = True

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseDoubleClickEvent(event)
        self.edit_mode = True

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self._clicked_in = event.reason() == Qt.FocusReason.MouseFocusReason
        if self.grid is not None:
            self.grid.entered(self)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.edit_mode = False
        # A menu or another window (the spreadsheet being copied from) takes the focus only for a
        # while: the amount is read when the cursor really leaves the cell.
        if self.grid is not None and event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                                              Qt.FocusReason.ActiveWindowFocusReason):
            self.grid.leave(self)

    def adapt_context_menu(self, menu: QMenu) -> None:
        """The menu's 粘贴 pastes like Ctrl+V (a block across the cells), not raw text into this one.
        Also called for the review module's menu of the same cell."""
        if self.grid is not None:
            reroute_paste(menu, lambda: self.grid and self.grid.paste(self))


class FundsGrid(QObject):
    """Where every cell of the funds table sits, and what the keys do between them."""

    def __init__(self, editor: FormEditor, rows: list[list[FundsCell]], column_names: list[str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.rows = rows
        self.column_names = column_names  # for messages: 「2026年当年金额」, 「占比」 ...
        self.where: dict[QLineEdit, tuple[int, int]] = {
            s.widget: (r, c) for r, row in enumerate(rows) for c, s in enumerate(row)}
        self.anchor = self.current = self.first_editable()
        self.refused: dict[tuple[str, str], str] = {}  # (line, column) -> why the text shown was refused
        self._start: dict[tuple[str, str], str] = {}  # the document's value when typing in a cell began
        self._own_write = False
        self.on_marks_changed: Callable[[QLineEdit], None] = lambda widget: None
        for row in rows:
            for slot in row:
                if isinstance(slot.widget, AmountCell):
                    slot.widget.grid = self
                    slot.widget.textEdited.connect(lambda text, s=slot: self.typed(s, text))

    # -- geometry ----------------------------------------------------------------------------------
    def slot(self, pos: tuple[int, int]) -> FundsCell:
        return self.rows[pos[0]][pos[1]]

    def slot_of(self, widget: QLineEdit) -> FundsCell:
        return self.slot(self.where[widget])

    def first_editable(self) -> tuple[int, int]:
        return next((r, c) for r, row in enumerate(self.rows) for c, s in enumerate(row) if s.editable)

    def _editable_positions(self) -> list[tuple[int, int]]:
        return [(r, c) for r, row in enumerate(self.rows) for c, s in enumerate(row) if s.editable]

    def _step(self, pos: tuple[int, int], dr: int, dc: int) -> tuple[int, int]:
        """The next amount cell from ``pos`` in a direction; ``pos`` itself at the edge."""
        r, c = pos
        while True:
            r, c = r + dr, c + dc
            if not (0 <= r < len(self.rows) and 0 <= c < len(self.rows[r])):
                return pos
            if self.rows[r][c].editable:
                return r, c

    def selection(self) -> tuple[int, int, int, int]:
        """The selected range: first row, first column, last row, last column."""
        (r1, c1), (r2, c2) = self.anchor, self.current
        return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)

    def has_range(self) -> bool:
        return self.anchor != self.current

    # -- moving ------------------------------------------------------------------------------------
    def key(self, cell: AmountCell, event) -> bool:
        """Handle a key pressed in ``cell``; False leaves it to the line edit."""
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        pos = self.where[cell]
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy(cell)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(cell)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go(cell, self._step(pos, -1 if shift else 1, 0))
            return True
        if key == Qt.Key.Key_Escape:
            self.revert(cell)
            return True
        if key == Qt.Key.Key_F2:
            cell.edit_mode = True
            cell.deselect()
            cell.end(False)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.has_range() and not cell.edit_mode:
            self.clear_selection()
            return True
        moves = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        if not cell.edit_mode:
            moves.update({Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1)})
        if key in moves:
            if shift:  # the range grows from its far corner; the current cell stays where it is
                self.select_range(self.anchor, self._step(self.current, *moves[key]))
            else:
                self.go(cell, self._step(pos, *moves[key]))
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and (ctrl or not cell.edit_mode):
            cells = self._editable_positions()
            row = (self.current if shift else pos)[0]
            if ctrl:
                target = cells[0] if key == Qt.Key.Key_Home else cells[-1]
            else:
                in_row = [p for p in cells if p[0] == row]
                target = in_row[0] if key == Qt.Key.Key_Home else in_row[-1]
            if shift:
                self.select_range(self.anchor, target)
            else:
                self.go(cell, target)
            return True
        if event.text() and event.text().isprintable() and self.has_range():
            self.select_range(pos, pos)  # typing replaces the current cell; the range goes
        return False

    def tab(self, cell: AmountCell, back: bool) -> None:
        cells = self._editable_positions()
        i = cells.index(self.where[cell]) + (-1 if back else 1)
        self.go(cell, cells[max(0, min(i, len(cells) - 1))])

    def go(self, cell: AmountCell, target: tuple[int, int]) -> None:
        """Leave ``cell`` for ``target`` (committing what was typed); a refused amount stays put."""
        if not self.commit(cell):
            cell.selectAll()
            return
        self.select_range(target, target)
        self.focus_at(target)

    def extend_to(self, widget: AmountCell) -> None:
        """Shift+click: the range from the current cell to ``widget``."""
        self.select_range(self.anchor, self.where[widget])

    def entered(self, cell: AmountCell) -> None:
        """``cell`` got the focus (a click, a jump to a finding): it is the current cell."""
        pos = self.where[cell]
        if pos != self.anchor:
            self.select_range(pos, pos)

    def focus_first(self) -> None:
        self.select_range(self.first_editable(), self.first_editable())
        self.focus_at(self.current)

    def focus_at(self, pos: tuple[int, int]) -> None:
        widget = self.slot(pos).widget
        wants_focus(widget)
        widget.selectAll()
        if isinstance(widget, AmountCell):
            widget.edit_mode = False

    def select_range(self, anchor: tuple[int, int], current: tuple[int, int]) -> None:
        before = self._selected_widgets()
        self.anchor, self.current = anchor, current
        after = self._selected_widgets()
        for widget in before ^ after:
            widget.setProperty("inrange", widget in after)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _selected_widgets(self) -> set[QLineEdit]:
        if not self.has_range():
            return set()
        r1, c1, r2, c2 = self.selection()
        return {self.rows[r][c].widget for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}

    # -- typing and committing -------------------------------------------------------------------
    def typed(self, slot: FundsCell, text: str) -> None:
        """A keystroke in an amount cell: write the text if it already is an amount."""
        key = (slot.line, slot.column)
        self._start.setdefault(key, self.editor.doc.fund(*key))
        parsed = parse_amount(text, self.editor.doc.template.amount_decimals)
        if parsed.ok:
            self._write(key, "" if parsed.value is None else canonical_text(parsed.value))
            if self.refused.pop(key, None) is not None:
                self.on_marks_changed(slot.widget)

    def commit(self, cell: AmountCell) -> bool:
        """Read what was typed in ``cell``; False (and the message shown) when it is refused."""
        slot = self.slot_of(cell)
        key = (slot.line, slot.column)
        if key not in self._start and key not in self.refused:
            return True  # nothing typed here
        start = self._start.pop(key, self.editor.doc.fund(*key))
        parsed = parse_amount(cell.text(), self.editor.doc.template.amount_decimals)
        if parsed.ok:
            text = "" if parsed.value is None else canonical_text(parsed.value)
            self._write(key, text)
            self.editor.seal_typing()
            cell.show_text(text)
            if self.refused.pop(key, None) is not None:
                self.on_marks_changed(cell)
                self._unsay(cell)
            return True
        self._write(key, start)  # the document keeps the last good value: one undo step less
        self.editor.seal_typing()
        kept = start or _tr("空白")
        message = _tr("%1：%2。表中仍为「%3」，改正后回车，或按 Esc 恢复。").replace(
            "%1", slot.label).replace("%2", say(parsed.error)).replace("%3", kept)
        self.refused[key] = message
        self.on_marks_changed(cell)
        self._say(cell, message)
        return False

    def leave(self, cell: AmountCell) -> None:
        """The cursor left ``cell`` (a click elsewhere, another tab, saving): an amount typed there is
        read; a refused one does not stay on screen as if it were stored. The cell shows the document's
        value again and keeps the refusal as its mark and tooltip until it is next entered and left."""
        if self.commit(cell):
            return
        slot = self.slot_of(cell)
        key = (slot.line, slot.column)
        kept = self.editor.doc.fund(*key)
        parsed = parse_amount(cell.text(), self.editor.doc.template.amount_decimals)
        self.refused[key] = _tr("%1：%2。没有填入，表中仍为「%3」。").replace("%1", slot.label).replace(
            "%2", say(parsed.error).rstrip("。")).replace("%3", kept or _tr("空白"))
        cell.show_text(kept)
        self.on_marks_changed(cell)
        self._say(cell, self.refused[key])

    def revert(self, cell: AmountCell) -> None:
        """Esc: the cell shows the document's value again, as it was before typing began."""
        slot = self.slot_of(cell)
        key = (slot.line, slot.column)
        start = self._start.pop(key, None)
        if start is not None:
            self._write(key, start)
            self.editor.seal_typing()
        cell.show_text(self.editor.doc.fund(*key))
        cell.selectAll()
        cell.edit_mode = False
        if self.refused.pop(key, None) is not None:
            self.on_marks_changed(cell)
            self._unsay(cell)

    def changed_elsewhere(self, line: str, column: str) -> bool:
        """The document's amount changed (undo, redo, a paste): forget typing and refusal there.
        False when it was this grid's own write during typing, whose text the cell keeps showing."""
        if self._own_write:
            return False
        self._start.pop((line, column), None)
        self.refused.pop((line, column), None)
        return True

    def _write(self, key: tuple[str, str], text: str) -> None:
        self._own_write = True
        try:
            self.editor.edit_fund(key[0], key[1], text)
        finally:
            self._own_write = False

    def _say(self, cell: QWidget, message: str) -> None:
        window = cell.window()
        telling.inform(cell, message, 15000)
        body = cell.parentWidget()
        if cell.isVisible() and body is not None:
            # Below the whole table, at the cell's column: under the cell it hid the rows below and the
            # 收入构成 label. Where that is out of view, the status bar says it alone.
            below = body.mapTo(window, QPoint(cell.x(), body.childrenRect().bottom() + 6))
            if window.rect().contains(below):
                QToolTip.showText(window.mapToGlobal(below), message, cell)

    def _unsay(self, cell: QWidget) -> None:
        """The refusal was corrected or taken back: its message goes from the status bar."""
        telling.unsay(cell)
        QToolTip.hideText()

    # -- copy and paste --------------------------------------------------------------------------------
    def copy(self, cell: AmountCell) -> bool:
        """Ctrl+C: the selected range as tab-separated text; one cell's text when no range is selected
        (False: the line edit copies its selected text itself)."""
        if not self.has_range():
            if cell.hasSelectedText():
                return False
            QGuiApplication.clipboard().setText(cell.text())
            return True
        r1, c1, r2, c2 = self.selection()
        rows = [[self.rows[r][c].widget.text() for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        QGuiApplication.clipboard().setText(write_tsv(rows))
        return True

    def paste(self, cell: AmountCell) -> None:
        """Ctrl+V: one value into the cell, a block across the cells from the top left of the range."""
        if self.editor.read_only:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        block = read_block(mime.text(), mime.html() if mime.hasHtml() else "")
        if not block:
            return
        if not is_block(block):
            value = block[0][0]
            if cell.edit_mode:
                cell.insert(value.strip())  # into the text being edited, read when the cell is left
                self.typed(self.slot_of(cell), cell.text())
            else:
                cell.setText(value)
                self.typed(self.slot_of(cell), value)
                if self.commit(cell):
                    cell.selectAll()
            return
        if not self.commit(cell):
            self.revert(cell)  # the block replaces what was being typed here
        r1, c1, _r2, _c2 = self.selection()
        self.paste_block(block, (r1, c1))

    def paste_block(self, block: list[list[str]], origin: tuple[int, int]) -> None:
        funds_paste.paste_block(self, block, origin)

    def clear_selection(self) -> None:
        r1, c1, r2, c2 = self.selection()
        changes = [(s.line, s.column, "") for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
                   if (s := self.rows[r][c]).editable and self.editor.doc.fund(s.line, s.column)]
        if changes and not self.editor.read_only:
            self.editor.edit_funds(changes, _tr("清除金额"))
