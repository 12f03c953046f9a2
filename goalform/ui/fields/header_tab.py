"""基本信息: department, filler, phone, fill date, with the form's version and year."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from goalform.domain import names
from goalform.domain.cells import Cell
from goalform.domain.dates import normalized_date
from goalform.domain.form import HEADER_FIELDS
from goalform.domain.names import FIELD_NAMES
from goalform.domain.sections import HEADER, NOTES, tab_object_name
from goalform.domain.validation import Finding, Location
from goalform.ui.fields.date_field import attach_calendar
from goalform.ui.editor import FormEditor
from goalform.ui.fields.widgets import FieldLineEdit, FieldTextEdit, bind_line, bind_text, mark, wants_focus


class HeaderTab(QWidget):
    def __init__(self, editor: FormEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        doc = editor.doc
        self.setObjectName(tab_object_name(HEADER))
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("填报单位"), self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        # The fields' names from the one table of names (goalform.domain.names), translated at display.
        labels = {key: QCoreApplication.translate(names.CONTEXT, FIELD_NAMES[key]) for key in HEADER_FIELDS}
        placeholders = {
            "department": self.tr("填写填报本表的部门全称"),
            "phone": self.tr("如 027-12345678 或 13812345678"),
            "fill_date": self.tr("如 2025-12-31，或点右边的日历选择"),
        }
        self.fields: dict[str, FieldLineEdit] = {}
        for key in HEADER_FIELDS:
            edit = FieldLineEdit(box)
            edit.setObjectName(Cell.field(key).widget_name())
            edit.setPlaceholderText(placeholders.get(key, ""))
            bind_line(edit, editor, key, normalize=normalized_date if key == "fill_date" else None)
            self.fields[key] = edit
            form.addRow(labels[key], edit)
        self.calendar = attach_calendar(self.fields["fill_date"], self._pick_date, read_only=editor.read_only)
        layout.addWidget(box)

        about = QGroupBox(self.tr("表格"), self)
        info = QFormLayout(about)
        info.addRow(self.tr("版本"), QLabel(doc.template.name, about))
        info.addRow(self.tr("年度"), QLabel(str(doc.year), about))
        info.addRow(self.tr("单位"), QLabel(self.tr("万元"), about))
        layout.addWidget(about)

        # Notes: what an import could not place and what a rollover left to check. Not printed.
        notes_box = QGroupBox(self.tr("备注（不打印）"), self)
        notes_layout = QVBoxLayout(notes_box)
        self.notes = FieldTextEdit(notes_box)
        self.notes.setObjectName(Cell.text("notes").widget_name())
        self.notes.setPlaceholderText(self.tr("导入和结转时的说明会记在这里，也可以写给自己的备忘。"))
        bind_text(self.notes, editor, "notes")
        notes_layout.addWidget(self.notes)
        layout.addWidget(notes_box, 1)

    def _pick_date(self, text: str) -> None:
        """A day picked in the calendar: one undo step, like a field typed in and left."""
        self.editor.seal_typing()
        self.editor.edit_field("fill_date", text)
        self.editor.seal_typing()

    def apply_findings(self, findings: list[Finding]) -> None:
        for key, edit in self.fields.items():
            mark(edit, [f for f in findings if f.location.section == HEADER and f.location.field == key])
        mark(self.notes, [f for f in findings if f.location.section == NOTES])

    def owns(self, location: Location) -> bool:
        """Whether a finding at ``location`` is shown on this tab (the 待填 count in its title)."""
        return location.section in (HEADER, NOTES)

    def focus_location(self, location: Location) -> bool:
        if location.section not in (HEADER, NOTES):
            return False
        if location.section == NOTES:
            wants_focus(self.notes)
            return True
        edit = self.fields.get(location.field) or self.fields["department"]
        wants_focus(edit)
        return True
