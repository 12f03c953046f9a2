"""The Qt model of one indicator tree, read from and written to the Document.

The shape is Qt's editabletreemodel example, except that the model keeps no copy of the data: an
index carries the store id of its indicator (``internalId``) and every ``data()`` asks the Document.
Writes go through the store in a transaction, then the model emits its signals. Edits from the
views do not write directly: ``setData`` and drops emit requests that the tab turns into undo
commands, which call back into the public methods here (``set_value``, ``insert``, ``remove``...).
"""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from goalform.domain.names import CONTEXT
from goalform.domain.sections import LABELLED, YEAR_VALUE, column_keys, column_label, column_name, history_year
from goalform.domain.validation import Finding, Severity
from goalform.store.document import Document, Subtree
from goalform.ui.review import markers as review_markers
from goalform.ui.markers import marker_icon, severity_rank
from goalform.ui.wording import finding_text, template_text

# Columns of each tree: the 三级 fields shown, in the order of the official table (goalform.domain.sections).
COL_NAME = 0

IdRole = Qt.ItemDataRole.UserRole  # the indicator's store id
LevelRole = Qt.ItemDataRole.UserRole + 1  # 1, 2 or 3
SeverityRole = Qt.ItemDataRole.UserRole + 2  # worst finding on the row: "error", "warning" or None

MIME_TYPE = "application/x-goalform-indicator-id"
# What a change of findings changes in a row (its texts stay as they are).
FINDING_ROLES = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                 SeverityRole]

_ERROR_BG = QColor(255, 228, 225)
_WARNING_BG = QColor(255, 246, 214)
_DEFAULT_FG = QColor(70, 95, 150)  # a value goalform chose for the clerk to check
_BACKGROUNDS = {Severity.ERROR: _ERROR_BG, Severity.WARNING: _WARNING_BG, Severity.PENDING: QColor(240, 243, 248)}



# More rows than this with changed findings: one relayout instead of a measure per row.
RELAYOUT_ROWS = 200


class IndicatorModel(QAbstractItemModel):
    """One tree (``long_term`` or ``annual``) of a Document."""

    # Requests from views, turned into undo commands by the owner of the undo stack.
    edit_requested = Signal(int, str, str)  # indicator id, column key, new text
    move_requested = Signal(int, int)  # indicator id, new row among its siblings

    def __init__(self, doc: Document, tree: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.tree = tree
        self.columns = column_keys(tree)
        self._findings: dict[int, list[Finding]] = {}
        self.comments: dict[int, dict[str, list]] = {}  # id -> column ("" = row) -> 审核意见 (review_markers)
        # Values goalform chose for the clerk to check (a default 分类): id -> column -> why, shown in
        # italics with the reason on hover until the cell is written (mark_default).
        self.defaults: dict[int, dict[str, str]] = {}
        self._read_only = doc.read_only

    # -- the tree structure -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(self.columns) or row < 0:
            return QModelIndex()
        ids = self._child_ids(parent)
        if row >= len(ids):
            return QModelIndex()
        return self.createIndex(row, column, ids[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        rec = self.doc.node(index.internalId())
        if rec.parent_id is None:
            return QModelIndex()
        return self.createIndex(self.doc.row_of(rec.parent_id), 0, rec.parent_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._child_ids(parent))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(self.columns)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def _child_ids(self, parent: QModelIndex | QPersistentModelIndex) -> list[int]:
        if not parent.isValid():
            return self.doc.roots(self.tree)
        return self.doc.children(parent.internalId())

    # -- look-ups used by the views and commands --------------------------------------------------
    def id_of(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        return index.internalId() if index.isValid() else None

    def index_of(self, indicator_id: int, column: int = 0) -> QModelIndex:
        return self.createIndex(self.doc.row_of(indicator_id), column, indicator_id)

    def level_of(self, index: QModelIndex | QPersistentModelIndex) -> int:
        return self.doc.node(index.internalId()).level if index.isValid() else 0

    def column_of(self, key: str) -> int:
        return self.columns.index(key)

    def shown_texts(self, column: int) -> set[tuple[int, int, str]]:
        """Every distinct (depth, level, text) the column shows, for sizing it (one walk of the store)."""
        key = self.columns[column]
        found: set[tuple[int, int, str]] = set()
        doc = self.doc
        stack = [(i, 0) for i in doc.roots(self.tree)]
        while stack:
            indicator_id, depth = stack.pop()
            rec = doc.node(indicator_id)
            if rec.level == 3 or key == "name":
                found.add((depth, rec.level, rec.get(key)))
            stack.extend((child, depth + 1) for child in doc.children(indicator_id))
        return found

    # -- reading ------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.columns):
            return None
        key = self.columns[section]
        year = history_year(self.doc.year, self.tree, key)
        if year is not None and year != self.doc.year:  # a history column, headed by its year: 「2024年值」
            return QCoreApplication.translate(CONTEXT, YEAR_VALUE).replace("%1", str(year))
        if key in LABELLED:  # the template's label, as the GUI shows template labels
            return template_text(column_label(self.doc.template, self.tree, key))
        return QCoreApplication.translate(CONTEXT, column_name(self.tree, key))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self.doc.node(index.internalId())
        key = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if rec.level < 3 and key != "name":
                return ""
            return rec.get(key)
        if role == IdRole:
            return rec.id
        if role == LevelRole:
            return rec.level
        if role == Qt.ItemDataRole.FontRole and rec.level == 1:
            font = QFont()
            font.setBold(True)
            return font
        default = self.defaults.get(rec.id, {}).get(key)
        if default is not None and role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_DEFAULT_FG)
            font = QFont()
            font.setItalic(True)
            return font
        if rec.id in self.comments and role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            return review_markers.indicator_data(self, rec.id, index.column(), role)
        findings = self._findings.get(rec.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text on hover, however narrow the column, with what the rules say about the row.
            text = rec.get(key) if rec.level == 3 or key == "name" else ""
            lines = ([text] if text else []) + ([default] if default else [])
            return "\n".join(lines + [finding_text(f) for f in findings or ()]) or None
        if not findings:
            return None
        if role == SeverityRole:
            return findings[0].severity.value
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COL_NAME:
            return marker_icon(findings[0].severity.value)
        if role == Qt.ItemDataRole.BackgroundRole:
            mine = [f for f in findings if f.location.column in ("", key)]
            if mine and mine[0].severity in _BACKGROUNDS:
                return QBrush(_BACKGROUNDS[mine[0].severity])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if not self._read_only else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        level = self.level_of(index)
        if self._read_only or level == 1:
            return flags | (Qt.ItemFlag.ItemIsDropEnabled if level == 1 and not self._read_only else Qt.ItemFlag.NoItemFlags)
        key = self.columns[index.column()]
        if level == 3 or key == "name":
            flags |= Qt.ItemFlag.ItemIsEditable
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- editing from a view: emit a request, the undo command writes ---------------------------------
    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = "" if value is None else str(value)
        key = self.columns[index.column()]
        if self.doc.node(index.internalId()).get(key) == text:
            return False
        self.edit_requested.emit(index.internalId(), key, text)
        return True

    # -- the public write API (called by undo commands) ----------------------------------------------
    def mark_default(self, indicator_id: int, column: str, why: str) -> None:
        """``column`` of the row holds a value goalform chose (``why``, shown on hover) for the clerk to check."""
        self.defaults.setdefault(indicator_id, {})[column] = why
        idx = self.index_of(indicator_id, self.column_of(column))
        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole,
                                         Qt.ItemDataRole.ToolTipRole])

    def confirm(self, indicator_id: int, column: str) -> None:
        """The clerk chose the value of ``column`` (perhaps the default itself): it is no default any more."""
        if self.defaults.get(indicator_id, {}).pop(column, None) is not None:
            idx = self.index_of(indicator_id, self.column_of(column))
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole,
                                             Qt.ItemDataRole.ToolTipRole])

    def set_value(self, indicator_id: int, column: str, text: str) -> None:
        self.defaults.get(indicator_id, {}).pop(column, None)  # written by the clerk (or undone): decided
        self.doc.set_indicator(indicator_id, column, text)
        idx = self.index_of(indicator_id, self.column_of(column))
        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])

    def insert(self, parent_id: int, row: int, **values: str) -> int:
        row = max(0, min(row, len(self.doc.children(parent_id))))
        self.beginInsertRows(self.index_of(parent_id), row, row)
        try:
            new_id = self.doc.insert_indicator(parent_id, row, **values)
        finally:
            self.endInsertRows()
        return new_id

    def insert_many(self, parent_id: int, row: int, rows: list[dict[str, str]]) -> list[int]:
        """Several new children at ``row`` and after (a paste), as one insertion for the views."""
        row = max(0, min(row, len(self.doc.children(parent_id))))
        self.beginInsertRows(self.index_of(parent_id), row, row + len(rows) - 1)
        try:
            return self.doc.insert_indicators(parent_id, row, rows)
        finally:
            self.endInsertRows()

    def remove_many(self, ids: list[int]) -> list[Subtree]:
        """Remove consecutive siblings (what :meth:`insert_many` added)."""
        parent_id = self.doc.node(ids[0]).parent_id
        assert parent_id is not None
        first = self.doc.row_of(ids[0])
        self.beginRemoveRows(self.index_of(parent_id), first, first + len(ids) - 1)
        for i in ids:
            self.defaults.pop(i, None)
        try:
            return self.doc.remove_indicators(ids)
        finally:
            self.endRemoveRows()

    def restore_many(self, subtrees: list[Subtree]) -> None:
        root = subtrees[0].records[0]
        assert root.parent_id is not None
        row = max(0, min(root.position, len(self.doc.children(root.parent_id))))
        self.beginInsertRows(self.index_of(root.parent_id), row, row + len(subtrees) - 1)
        try:
            self.doc.restore_indicators(subtrees)
        finally:
            self.endInsertRows()

    def remove(self, indicator_id: int) -> Subtree:
        rec = self.doc.node(indicator_id)
        row = self.doc.row_of(indicator_id)
        parent = self.index_of(rec.parent_id) if rec.parent_id is not None else QModelIndex()
        self.defaults.pop(indicator_id, None)
        self.beginRemoveRows(parent, row, row)
        try:
            subtree = self.doc.remove_indicator(indicator_id)
        finally:
            self.endRemoveRows()
        return subtree

    def restore(self, subtree: Subtree) -> None:
        root = subtree.records[0]
        assert root.parent_id is not None
        row = max(0, min(root.position, len(self.doc.children(root.parent_id))))
        self.beginInsertRows(self.index_of(root.parent_id), row, row)
        try:
            self.doc.restore_indicator(subtree)
        finally:
            self.endInsertRows()

    def move(self, indicator_id: int, new_row: int) -> None:
        """Move an indicator to ``new_row`` among its siblings (its row after the move)."""
        rec = self.doc.node(indicator_id)
        assert rec.parent_id is not None
        old_row = self.doc.row_of(indicator_id)
        count = len(self.doc.children(rec.parent_id))
        new_row = max(0, min(new_row, count - 1))
        if new_row == old_row:
            return
        parent = self.index_of(rec.parent_id)
        # Qt's destination is the row *before* the move: one past the target when moving down.
        destination = new_row + 1 if new_row > old_row else new_row
        if not self.beginMoveRows(parent, old_row, old_row, parent, destination):
            return
        try:
            self.doc.move_indicator(indicator_id, new_row)
        finally:
            self.endMoveRows()

    def moveRows(self, source_parent, source_row: int, count: int, destination_parent, destination_child: int) -> bool:
        """Qt's move API, for one row within its parent (a drag or a keyboard move)."""
        if count != 1 or source_parent != destination_parent or not source_parent.isValid():
            return False
        ids = self._child_ids(source_parent)
        if not 0 <= source_row < len(ids):
            return False
        new_row = destination_child - 1 if destination_child > source_row else destination_child
        self.move(ids[source_row], new_row)
        return True

    # -- drag and drop within a parent ---------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        ids = sorted({i.internalId() for i in indexes if i.isValid()})
        data.setData(MIME_TYPE, QByteArray(",".join(map(str, ids)).encode()))
        return data

    def canDropMimeData(self, data, action, row: int, column: int, parent) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row: int, column: int, parent) -> bool:
        target = self._drop_target(data, row, parent)
        if target is not None:
            self.move_requested.emit(*target)
        # Always False: the move is done (through the undo stack), and a True here would make the
        # view remove the dragged rows as if they had been copied elsewhere.
        return False

    def _drop_target(self, data, row: int, parent) -> tuple[int, int] | None:
        """(id, new row) when a drop moves one indicator within its own parent, else None."""
        if self._read_only or data is None or not data.hasFormat(MIME_TYPE):
            return None
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        try:
            ids = [int(x) for x in raw.split(",") if x]
        except ValueError:
            return None
        if len(ids) != 1:
            return None
        try:
            rec = self.doc.node(ids[0])
        except KeyError:
            return None
        if rec.tree != self.tree or rec.parent_id is None:
            return None
        if not parent.isValid():
            return None
        if parent.internalId() == rec.parent_id:
            siblings = self.doc.children(rec.parent_id)
            destination = len(siblings) if row < 0 else row
        elif self.doc.node(parent.internalId()).parent_id == rec.parent_id and row < 0:
            # Dropped onto a sibling: take its place.
            destination = self.doc.row_of(parent.internalId())
            destination += 1 if destination > self.doc.row_of(rec.id) else 0
        else:
            return None
        old = self.doc.row_of(rec.id)
        new_row = destination - 1 if destination > old else destination
        return (rec.id, new_row) if new_row != old else None

    # -- findings --------------------------------------------------------------------------------------
    def set_findings(self, findings: list[Finding]) -> None:
        """Mark the rows that findings point at (a marker, a tint and the messages as tooltip)."""
        new: dict[int, list[Finding]] = {}
        for f in findings:
            if f.location.section == self.tree and f.location.indicator_id is not None:
                new.setdefault(f.location.indicator_id, []).append(f)
        for items in new.values():
            items.sort(key=severity_rank)
        changed = {i for i in set(new) | set(self._findings) if new.get(i) != self._findings.get(i)}
        self._findings = new
        last = len(self.columns) - 1
        if len(changed) > RELAYOUT_ROWS:
            # Thousands of rows at once (the first check of a big form): the view lays itself out again
            # once, lazily, instead of measuring every changed row at each dataChanged (99,000 size
            # hints, three minutes, for the largest allowed form). No row moves: no persistent index changes.
            self.layoutAboutToBeChanged.emit()
            self.layoutChanged.emit()
        for i in changed:
            try:
                self.doc.node(i)
            except KeyError:
                continue
            self.dataChanged.emit(self.index_of(i, 0), self.index_of(i, last), FINDING_ROLES)

    def findings_of(self, indicator_id: int) -> list[Finding]:
        return list(self._findings.get(indicator_id, []))

    def reset(self) -> None:
        """The whole document was replaced (import, revert)."""
        self.beginResetModel()
        self._findings = {}
        self.endResetModel()
