"""资金情况: the funds table laid out like the official one.

Amounts are typed into the cells; 合计 and 占比 are derived (read-only) and follow every keystroke.
A cell on which a rule fails (not a number, 合计 not adding up, income ≠ expenditure) is tinted and
carries the message as its tooltip; so is a cell whose typed text was refused. Moving, selecting,
copying and pasting like a spreadsheet is :mod:`goalform.ui.funds.grid`.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from goalform.domain.amounts import format_amount, format_share
from goalform.domain.cells import Cell
from goalform.domain.form import Form
from goalform.domain.funds import FundsReading, FundsSummary, summarize_funds
from goalform.domain.sections import FUNDS, tab_object_name
from goalform.domain.template import COLUMNS
from goalform.domain.validation import Finding, Location
from goalform.ui.editor import FormEditor
from goalform.ui.funds.grid import AmountCell, FundsCell, FundsGrid
from goalform.ui.fields.widgets import FieldLineEdit, mark, wants_focus
from goalform.ui.wording import template_text

# Grid columns: group label, line label, 当年金额, 占比, 前年, 上年.
_COL_GROUP, _COL_LINE, _COL_CURRENT, _COL_SHARE, _COL_PREV2, _COL_PREV1 = range(6)
_GRID_COLUMN = {"current": _COL_CURRENT, "prev2": _COL_PREV2, "prev1": _COL_PREV1}


def _header(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setStyleSheet("font-weight: bold; padding: 4px;")
    return label


class FundsTab(QWidget):
    def __init__(self, editor: FormEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        doc = editor.doc
        template = doc.template
        self.setObjectName(tab_object_name(FUNDS))
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor belongs in the cells
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)

        prev2, prev1 = template.history_years(doc.year)
        history = template_text(template.funds_history_label)
        label = lambda key: template_text(template.label(key))  # noqa: E731 - the template's labels, translated
        cell_name = lambda line, column: self.tr("%1（%2）").replace("%1", line).replace("%2", column)  # noqa: E731
        column_names = {"current": self.tr("%1年当年金额").replace("%1", str(doc.year)),
                        "share": label("share"), "prev2": history.format(year=prev2),
                        "prev1": history.format(year=prev1)}
        grid.addWidget(_header(label("funds_overall")), 0, _COL_GROUP, 2, 2)
        grid.addWidget(_header(self.tr("%1年当年金额").replace("%1", str(doc.year))), 0, _COL_CURRENT, 2, 1)
        grid.addWidget(_header(label("share")), 0, _COL_SHARE, 2, 1)
        grid.addWidget(_header(label("history_amounts")), 0, _COL_PREV2, 1, 2)
        grid.addWidget(_header(history.format(year=prev2)), 1, _COL_PREV2)
        grid.addWidget(_header(history.format(year=prev1)), 1, _COL_PREV1)

        self.cells: dict[tuple[str, str], AmountCell] = {}  # (line, column) -> editable amount
        self.shares: dict[str, FieldLineEdit] = {}  # line or group key -> derived 占比
        self.totals: dict[tuple[str, str], FieldLineEdit] = {}  # (group, column) -> derived 合计
        slots: list[list[FundsCell]] = []  # the grid's rows: amounts and computed cells, as on the form
        row = 2
        for group in template.funds:
            group_label = template_text(group.label)
            grid.addWidget(_header(group_label), row, _COL_GROUP, len(group.lines) + 1, 1)
            for line in group.lines:
                line_label = template_text(line.label)
                grid.addWidget(QLabel(line_label, body), row, _COL_LINE)
                for column in COLUMNS:
                    cell = AmountCell(body)
                    self._style_cell(cell, Cell.fund(line.key, column).widget_name())
                    cell.setText(doc.fund(line.key, column))
                    cell.setReadOnly(editor.read_only)
                    self.cells[(line.key, column)] = cell
                    grid.addWidget(cell, row, _GRID_COLUMN[column])
                share = self._derived_cell(body, f"share_{line.key}")
                self.shares[line.key] = share
                grid.addWidget(share, row, _COL_SHARE)
                slots.append([
                    FundsCell(self.cells[(line.key, c)], line.key, c, cell_name(line_label, column_names[c]))
                    if c != "share" else FundsCell(share, label=cell_name(line_label, column_names[c]))
                    for c in ("current", "share", "prev2", "prev1")])
                row += 1
            total_label = QLabel(label("total"), body)
            total_label.setStyleSheet("font-weight: bold;")
            grid.addWidget(total_label, row, _COL_LINE)
            for column in COLUMNS:
                total = self._derived_cell(body, Cell.total(group.key, column).widget_name())
                self.totals[(group.key, column)] = total
                grid.addWidget(total, row, _GRID_COLUMN[column])
            share = self._derived_cell(body, f"share_{group.key}")
            self.shares[group.key] = share
            grid.addWidget(share, row, _COL_SHARE)
            total_name = f"{group_label}{label('total')}"
            slots.append([FundsCell(self.totals[(group.key, c)] if c != "share" else share,
                               label=cell_name(total_name, column_names[c]))
                          for c in ("current", "share", "prev2", "prev1")])
            row += 1
        note = QLabel(self.tr("单位：万元。合计和占比由程序计算，不能直接修改。"), body)
        note.setStyleSheet("color: #555;")
        grid.addWidget(note, row, _COL_GROUP, 1, 6)
        grid.setRowStretch(row + 1, 1)
        for col, stretch in ((_COL_GROUP, 0), (_COL_LINE, 2), (_COL_CURRENT, 2), (_COL_SHARE, 1), (_COL_PREV2, 2), (_COL_PREV1, 2)):
            grid.setColumnStretch(col, stretch)

        self.grid = FundsGrid(editor, slots, [column_names[c] for c in ("current", "share", "prev2", "prev1")], self)
        self.grid.on_marks_changed = lambda widget: self._mark(widget)
        editor.fund_changed.connect(self._on_fund_changed)
        self.summary: FundsSummary | None = None
        self._reading: FundsReading | None = None
        self._findings: dict[QWidget, list[Finding]] = {}
        self.refresh_derived()

    @staticmethod
    def _style_cell(cell: FieldLineEdit, name: str) -> None:
        cell.setObjectName(name)
        cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cell.setMinimumWidth(110)

    def _derived_cell(self, parent: QWidget, name: str) -> FieldLineEdit:
        cell = FieldLineEdit(parent)
        self._style_cell(cell, name)
        cell.setReadOnly(True)
        cell.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        cell.setProperty("derived", True)  # styled by widgets.FINDING_STYLE
        cell.setToolTip(self.tr("由程序计算"))
        return cell

    def _on_fund_changed(self, line: str, column: str) -> None:
        cell = self.cells.get((line, column))
        if cell is not None and self.grid.changed_elsewhere(line, column):
            cell.show_text(self.editor.doc.fund(line, column))
            self._mark(cell)
        self.refresh_derived()

    def focus_first(self) -> None:
        """The tab was switched to: the cursor goes to the first amount, unless it is already here."""
        focused = QApplication.focusWidget()
        if focused is None or focused not in self.grid.where:
            self.grid.focus_first()
        elif isinstance(focused, AmountCell) and not focused.edit_mode:
            focused.selectAll()  # Qt moved the cursor here with the tab: typing replaces, as in any cell

    def finish_editing(self) -> None:
        """Read the amount still being typed (before saving, closing, switching documents)."""
        focused = self.focusWidget()
        if isinstance(focused, AmountCell) and focused in self.cells.values():
            self.grid.leave(focused)  # what is shown is what is saved

    def refresh_derived(self) -> None:
        """Recompute every 合计 and 占比 from the amounts in the document."""
        doc = self.editor.doc
        form = Form(template_id=doc.template.id, year=doc.year)
        form.funds = {key: doc.fund(*key) for key in self.cells}
        self._reading = FundsReading(form, doc.template, since=self._reading)  # parses the amounts that changed
        self.summary = summary = summarize_funds(form, doc.template, self._reading)
        for (group, column), cell in self.totals.items():
            cell.show_text(format_amount(summary.totals[(group, column)]))
        for key, cell in self.shares.items():
            value = summary.total_shares.get(key) if key in summary.total_shares else summary.shares.get(key)
            cell.show_text(format_share(value))

    def apply_findings(self, findings: list[Finding]) -> None:
        found: dict[FieldLineEdit, list[Finding]] = {}
        groups = [g.key for g in self.editor.doc.template.funds]
        for f in findings:
            loc = f.location
            if loc.section != FUNDS:
                continue
            targets = []
            if (loc.field, loc.column) in self.cells:
                targets.append(self.cells[(loc.field, loc.column)])
            elif (loc.field, loc.column) in self.totals:
                targets.append(self.totals[(loc.field, loc.column)])
                if f.rule == "funds.balance":  # income ≠ expenditure: mark both 合计
                    targets += [self.totals[(g, loc.column)] for g in groups if (g, loc.column) in self.totals]
            for t in targets:
                found.setdefault(t, [])
                if f not in found[t]:
                    found[t].append(f)
        self._findings = found
        for cell in list(self.cells.values()) + list(self.totals.values()):
            self._mark(cell)

    def _mark(self, cell: QWidget) -> None:
        """Tint ``cell`` by its findings, and as an error while it shows a refused amount."""
        findings = self._findings.get(cell, [])
        mark(cell, findings)
        key = next((k for k, c in self.cells.items() if c is cell), None)
        refused = self.grid.refused.get(key) if key is not None else None
        if refused:
            if cell.property("severity") != "error":
                cell.setProperty("severity", "error")
                cell.style().unpolish(cell)
                cell.style().polish(cell)
            cell.setToolTip("\n".join([self.tr("未采用：") + refused, *(t for t in [cell.toolTip()] if t)]))

    def owns(self, location: Location) -> bool:
        return location.section == FUNDS

    def focus_location(self, location: Location) -> bool:
        if location.section != FUNDS:
            return False
        key = (location.field, location.column or "current")
        cell = self.cells.get(key) or self.totals.get(key)
        if cell is None:
            group = next((g for g in self.editor.doc.template.funds if g.key == location.field), None)
            line = group.lines[0].key if group else self.editor.doc.template.funds[0].lines[0].key
            cell = self.cells[(line, location.column or "current")]
        wants_focus(cell)
        if isinstance(cell, AmountCell):
            self.grid.focus_at(self.grid.where[cell])  # the current cell, its text selected: typing replaces it
        return True
