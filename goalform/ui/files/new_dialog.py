"""The 新建 dialog: choose the version of the form and its year."""
from __future__ import annotations

import datetime

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from goalform import assets
from goalform.domain.template import Template


class NewFormDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建表格"))
        self.setObjectName("new_form_dialog")
        layout = QFormLayout(self)
        self.version = QComboBox(self)
        self.version.setObjectName("version")
        templates = list(assets.templates().values())
        for t in templates:
            self.version.addItem(t.name, t.id)
        self.version.setCurrentIndex(len(templates) - 1)  # the newest version
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(1990, 2200)
        self.year.setValue(max(templates[-1].first_year, datetime.date.today().year + 1))
        layout.addRow(self.tr("表格版本"), self.version)
        layout.addRow(self.tr("预算年度"), self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def template(self) -> Template:
        return assets.template(self.version.currentData())
