"""The findings dock: every finding of the form, in reading order; activating one jumps to it."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from goalform.domain.validation import Finding, Location
from goalform.ui.markers import marker_icon

LocationRole = Qt.ItemDataRole.UserRole


class FindingsDock(QDockWidget):
    location_activated = Signal(object)  # Location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("检查结果"), parent)
        self.setObjectName("findings_dock")
        self.list = QListWidget(self)
        self.list.setObjectName("findings_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        size = self.list.fontMetrics().height()
        self.list.setIconSize(QSize(size, size))
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.setWidget(self.list)
        self._shown: list[tuple[str, str, str]] | None = None

    def set_findings(self, findings: list[Finding]) -> None:
        shown = [(f.rule, f.location.as_text(), f.message) for f in findings]
        if shown == self._shown:
            return  # unchanged: keep the selection and scroll position
        self._shown = shown
        self.list.clear()
        if not findings:
            item = QListWidgetItem(self.tr("没有发现问题"), self.list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            return
        for f in findings:
            item = QListWidgetItem(marker_icon(f.severity.value), f"{f.severity.label}：{f.message}", self.list)
            item.setData(LocationRole, f.location)
            item.setToolTip(f"{f.rule} · {f.location.as_text()}")

    def _activate(self, item: QListWidgetItem) -> None:
        location = item.data(LocationRole)
        if isinstance(location, Location):
            self.location_activated.emit(location)
