"""职能与任务: 部门职能概述 and 年度工作任务 (the text sections that are not goals)."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from goalform.domain.cells import Cell
from goalform.domain.sections import TEXT_PREFIX, TEXTS, section_of, tab_object_name
from goalform.domain.validation import Finding, Location
from goalform.ui.editor import FormEditor
from goalform.ui.fields.widgets import FieldTextEdit, bind_text, mark, wants_focus


class TextsTab(QWidget):
    def __init__(self, editor: FormEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName(tab_object_name(TEXTS))
        layout = QVBoxLayout(self)
        self.fields: dict[str, FieldTextEdit] = {}
        for section in editor.doc.template.texts:
            if section_of(TEXT_PREFIX + section.key) != TEXTS:
                continue  # a tree's goal, edited on the tree's tab
            box = QGroupBox(section.label.replace("\n", ""), self)
            inner = QVBoxLayout(box)
            edit = FieldTextEdit(box)
            edit.setObjectName(Cell.text(section.key).widget_name())
            bind_text(edit, editor, section.key)
            inner.addWidget(edit)
            layout.addWidget(box, 1)
            self.fields[section.key] = edit

    def apply_findings(self, findings: list[Finding]) -> None:
        for key, edit in self.fields.items():
            mark(edit, [f for f in findings if f.location.section == TEXTS and f.location.field == key])

    def owns(self, location: Location) -> bool:
        return location.section == TEXTS and location.field in self.fields

    def focus_location(self, location: Location) -> bool:
        if location.section != TEXTS or location.field not in self.fields:
            return False
        wants_focus(self.fields[location.field])
        return True
