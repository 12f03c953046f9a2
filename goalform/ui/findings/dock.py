"""The findings dock: every finding of the form, in reading order; activating one jumps to it."""
from __future__ import annotations

import difflib

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from goalform.domain.validation import Finding, Location
from goalform.ui.markers import marker_icon
from goalform.ui.wording import finding_text

LocationRole = Qt.ItemDataRole.UserRole
UPDATE_DELAY_MS = 150


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their message needs at the list's current width (QTreeView would elide)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt override
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QTreeWidget) else option.rect.width()
        icon = option.decorationSize.width() + 8
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = option.fontMetrics.boundingRect(QRect(0, 0, max(60, width - icon - 8), 10_000),
                                               int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, max(rect.height(), option.decorationSize.height()) + 6)


class FindingsList(QTreeWidget):
    """One column of word-wrapped findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(WrappingDelegate(self))
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setColumnCount(1)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)

    # QListWidget-like helpers used by the window and the tests.
    def count(self) -> int:
        return self.topLevelItemCount()

    def item(self, row: int) -> QTreeWidgetItem | None:
        return self.topLevelItem(row)

    def currentRow(self) -> int:
        return self.indexOfTopLevelItem(self.currentItem()) if self.currentItem() else -1

    def setCurrentRow(self, row: int) -> None:
        item = self.topLevelItem(row)
        if item is not None:
            self.setCurrentItem(item)

    def scrollToItem(self, item: QTreeWidgetItem, hint=QTreeWidget.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        super().scrollToItem(item, hint)


class FindingsDock(QDockWidget):
    location_activated = Signal(object)  # Location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("检查结果"), parent)
        self.setObjectName("findings_dock")
        # A tree view, not a list view: it measures only the rows on screen, so changing one finding
        # among hundreds does not re-lay out (and re-wrap) them all.
        self.list = FindingsList(self)
        self.list.setObjectName("findings_list")
        size = self.list.fontMetrics().height()
        self.list.setIconSize(QSize(size, size))
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.list.header().sectionResized.connect(lambda *_: self.list.doItemsLayout())
        self.setWidget(self.list)
        self._shown: list[tuple[str, str, str, str]] | None = None
        # The list follows edits a moment later, so a burst of typing redraws it once: the row
        # markers, field tints and the status bar count follow every edit at once.
        self._pending: list[Finding] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def schedule(self, findings: list[Finding]) -> None:
        """Show ``findings`` after a short delay (see UPDATE_DELAY_MS)."""
        self._pending = findings
        self._timer.start()

    def flush(self) -> None:
        """Apply a scheduled update now."""
        self._timer.stop()
        if self._pending is not None:
            findings, self._pending = self._pending, None
            self.set_findings(findings)

    def set_findings(self, findings: list[Finding]) -> None:
        self._pending = None
        self._timer.stop()
        self._show(findings)

    def show_no_document(self) -> None:
        """No form is open: say so rather than "no problems found"."""
        self._timer.stop()
        self._shown = None
        self.list.clear()
        item = QTreeWidgetItem(self.list, [self.tr("未打开表格")])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _show(self, findings: list[Finding]) -> None:
        """Show ``findings``, changing only the rows that differ (an edit usually changes one or two)."""
        shown = [(f.rule, f.location.as_text(), f.message, f.severity.value) for f in findings]
        if shown == self._shown:
            return  # unchanged: keep the selection and scroll position
        previous = self._shown or []
        self._shown = shown
        items = self.list
        if not findings:
            items.clear()
            item = QTreeWidgetItem(items, [self.tr("没有发现问题")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            return
        if not previous:
            items.clear()
        # Apply only the differences (an edit adds, drops or rewords a finding or two), last first so
        # that row numbers stay valid.
        opcodes = difflib.SequenceMatcher(None, previous, shown, autojunk=False).get_opcodes()
        items.setUpdatesEnabled(False)
        try:
            for tag, i1, i2, j1, j2 in reversed(opcodes):
                if tag == "equal":
                    continue
                for row in range(i2 - 1, i1 - 1, -1):
                    items.takeTopLevelItem(row)
                new = [self._item(findings[j]) for j in range(j1, j2)]
                items.insertTopLevelItems(i1, new)
        finally:
            items.setUpdatesEnabled(True)

    @staticmethod
    def _item(f: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([finding_text(f)])
        item.setIcon(0, marker_icon(f.severity.value))
        item.setData(0, LocationRole, f.location)
        item.setToolTip(0, f"{f.rule} · {f.location.as_text()}")
        return item

    def _activate(self, item: QTreeWidgetItem, column: int = 0) -> None:
        location = item.data(0, LocationRole)
        if isinstance(location, Location):
            self.location_activated.emit(location)
