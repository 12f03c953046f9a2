"""The Qt model of the library pane: 一级 → 二级 → indicators, filtered by a search.

A plain tree in the shape of Qt's editabletreemodel example, read-only, rebuilt (one model reset)
when the filter changes, on every keystroke. So it is kept flat: the groups in one list, the shown
indicators in another (in display order, each 二级 a slice of it), and an index's internalId is a
position in one of them; ``parent()`` and ``index()`` are list look-ups. Dragging indicators (or a whole 二级/一级)
out of it carries the entries' ids under :data:`LIBRARY_MIME`, which the indicator trees accept.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from goalform.domain.library import SOURCE_BUREAU, SOURCE_MINE, Group, LibraryEntry, normalize
from goalform.ui.markers import painted_icon

LIBRARY_MIME = "application/x-goalform-library-entries"  # comma-separated ids of library entries
COL_NAME, COL_REFERENCE, COL_SOURCE = 0, 1, 2
EntryRole = Qt.ItemDataRole.UserRole + 10  # the LibraryEntry of an indicator row (None for a group)
UsedRole = Qt.ItemDataRole.UserRole + 11  # True when the open form already has the indicator


@dataclass
class _Group:
    """A 一级 (level 1) or 二级 (level 2) row. The indicators of a 二级 are entries first..first+count-1."""

    level: int
    text: str
    parent: int  # group position, -1 for a 一级
    row: int
    children: list[int] = field(default_factory=list)  # groups below a 一级
    first: int = 0
    count: int = 0  # indicators below


_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

# internalId of an indicator row: _ENTRY + its position in the shown entries (groups use their position).
_ENTRY = 1 << 32


@functools.lru_cache(maxsize=None)
def used_icon() -> QIcon:
    """A green tick (drawn): the open form already uses this indicator."""

    def paint(painter: QPainter, size: int) -> None:
        scale = size / 16
        pen = QPen(QColor(30, 140, 60), 2.3 * scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPolyline([QPointF(3 * scale, 8 * scale), QPointF(6.5 * scale, 11.5 * scale),
                              QPointF(13 * scale, 4 * scale)])

    return painted_icon(paint)


@functools.lru_cache(maxsize=None)
def blank_icon() -> QIcon:
    """Room for the tick on rows without one, so names line up."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def source_text(entry: LibraryEntry) -> str:
    if entry.source == SOURCE_MINE:
        return QCoreApplication.translate("LibraryModel", "我的表")
    if entry.source == SOURCE_BUREAU:
        return entry.source_label or QCoreApplication.translate("LibraryModel", "财政部门")
    return QCoreApplication.translate("LibraryModel", "内置")


class LibraryModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._roots: list[int] = []
        self._entries: list[LibraryEntry] = []
        self._entry_group: list[int] = []
        self._used: set[str] = set()
        self.entry_count = 0

    # -- filling ---------------------------------------------------------------------------------
    def set_groups(self, groups: list[Group]) -> None:
        """Show ``groups`` (from ``LibraryIndex.grouped``), in one model reset."""
        self.beginResetModel()
        nodes: list[_Group] = []
        roots: list[int] = []
        entries: list[LibraryEntry] = []
        owner: list[int] = []
        for group in groups:
            n1 = len(nodes)
            top = _Group(1, group.level1, -1, len(roots))
            nodes.append(top)
            roots.append(n1)
            for level2, items in group.level2:
                n2 = len(nodes)
                nodes.append(_Group(2, level2, n1, len(top.children), first=len(entries), count=len(items)))
                top.children.append(n2)
                top.count += len(items)
                entries.extend(items)
                owner.extend([n2] * len(items))
        self._groups, self._roots, self._entries, self._entry_group = nodes, roots, entries, owner
        self.entry_count = len(entries)
        self.endResetModel()

    def set_used(self, names: set[str]) -> None:
        """Mark the indicators the open form has (normalized names)."""
        if names == self._used:
            return
        self._used = names
        for position, group in enumerate(self._groups):
            if group.level == 2 and group.count:
                parent = self.createIndex(group.row, 0, position)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(group.count - 1, 0, parent),
                                      [Qt.ItemDataRole.DecorationRole, UsedRole, Qt.ItemDataRole.ToolTipRole])

    def is_used(self, entry: LibraryEntry) -> bool:
        return normalize(entry.name) in self._used

    # -- Qt's tree API ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column > COL_SOURCE or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._roots[row]) if row < len(self._roots) else QModelIndex()
        pid = parent.internalId()
        if pid >= _ENTRY:
            return QModelIndex()
        group = self._groups[pid]
        if group.level == 1:
            return self.createIndex(row, column, group.children[row]) if row < len(group.children) else QModelIndex()
        return self.createIndex(row, column, _ENTRY + group.first + row) if row < group.count else QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        iid = index.internalId()
        up = self._entry_group[iid - _ENTRY] if iid >= _ENTRY else self._groups[iid].parent
        return QModelIndex() if up < 0 else self.createIndex(self._groups[up].row, 0, up)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._roots)
        pid = parent.internalId()
        if parent.column() != 0 or pid >= _ENTRY:
            return 0
        group = self._groups[pid]
        return len(group.children) if group.level == 1 else group.count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("LibraryModel", "指标"), QCoreApplication.translate("LibraryModel", "参考值"),
                QCoreApplication.translate("LibraryModel", "来源"))[section] if 0 <= section <= COL_SOURCE else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        iid = index.internalId()
        entry = self._entries[iid - _ENTRY] if iid >= _ENTRY else None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if entry is None:
                group = self._groups[iid]
                return f"{group.text}（{group.count}）" if column == COL_NAME else ""
            return (entry.name, entry.reference, source_text(entry))[column]
        if role == EntryRole:
            return entry
        if entry is None:
            if role == Qt.ItemDataRole.FontRole and column == COL_NAME:
                font = QFont()
                font.setBold(self._groups[iid].level == 1)
                return font
            return None
        used = normalize(entry.name) in self._used
        if role == UsedRole:
            return used
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NAME:
            return used_icon() if used else blank_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.name]
            if entry.explanation:
                lines.append(entry.explanation)
            if entry.reference:
                lines.append(QCoreApplication.translate("LibraryModel", "参考值：%1").replace("%1", entry.reference))
            if used:
                lines.append(QCoreApplication.translate("LibraryModel", "（本表已使用）"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SOURCE:
            return QColor(120, 120, 120)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    # -- what a selection stands for -------------------------------------------------------------
    def entries_of(self, indexes) -> list[LibraryEntry]:  # noqa: ANN001
        """The entries of the given rows, a group standing for everything below it; in display order, once each."""
        wanted: set[int] = set()
        for index in indexes:
            if not index.isValid():
                continue
            iid = index.internalId()
            if iid >= _ENTRY:
                wanted.add(iid - _ENTRY)
                continue
            group = self._groups[iid]
            for g in (group.children if group.level == 1 else ()) or [iid]:
                wanted.update(range(self._groups[g].first, self._groups[g].first + self._groups[g].count))
        return [self._entries[k] for k in sorted(wanted)]

    def first_entry_index(self) -> QModelIndex:
        if not self._entries:
            return QModelIndex()
        return self.createIndex(0, 0, _ENTRY)

    # -- dragging out ----------------------------------------------------------------------------
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [LIBRARY_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: ANN001
        data = QMimeData()
        ids = [e.id for e in self.entries_of(indexes) if e.id is not None]
        data.setData(LIBRARY_MIME, QByteArray(",".join(map(str, ids)).encode()))
        return data
