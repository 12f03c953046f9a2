"""The library pane: a dock with a search line, the library as a tree (一级 → 二级 → indicators) and
the explanation of the indicator under the cursor.

It only shows and asks: inserting, importing, exporting and removing are done by
:class:`goalform.ui.library.actions.LibraryActions`, which listens to the signals here.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from goalform.ui.lazy_dock import LazyDock

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goalform.domain.library import LibraryEntry, LibraryIndex

# The library's domain code and Qt model (goalform.domain.library, goalform.ui.library.model) are imported
# by the methods that use them: the window starts with the pane hidden and unbuilt (issue 25).

# Showing every row of a big library at once costs time and helps nobody: above this many
# indicators only the 一级 and 二级 groups are shown open.
EXPAND_ALL_UP_TO = 400
# The dock is at least wide enough to show a 三级 name of this many characters whole (most are shorter).
NAME_CHARS = 12
_BODY = frozenset({"search", "count", "model", "view", "detail", "target", "insert_button", "remove_button"})


class LibraryDock(LazyDock):
    insert_requested = Signal(list, str)  # entries, tree ("long_term" | "annual")
    remove_requested = Signal(list)  # entries
    remove_source_requested = Signal(str, str)  # source kind, label ("" with «mine»: everything learned)
    import_requested = Signal()
    export_requested = Signal()

    BODY = _BODY  # made when first shown or asked for (LazyDock)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("指标库"), parent)
        self.setObjectName("library_dock")
        self.index: LibraryIndex | None = None
        self.level1_order: tuple[str, ...] = ()

    def build_body(self) -> None:
        """The search line, the tree, the detail and the buttons: the window starts without them (the
        pane is hidden until asked for)."""
        from goalform.ui.library.model import COL_REFERENCE, COL_SOURCE, LibraryModel

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        self.search = QLineEdit(body)
        self.search.setObjectName("library_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索：文字、拼音或首字母（如 ysz、yusuan）"))
        self.search.textChanged.connect(self.apply_filter)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.count = QLabel(body)
        self.count.setObjectName("library_count")
        self.count.setStyleSheet("color: #666;")
        layout.addWidget(self.count)

        self.model = LibraryModel(self)
        self.view = QTreeView(body)
        self.view.setObjectName("library_tree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setExpandsOnDoubleClick(True)
        # The name takes the whole width: reference value and source are in the detail pane below
        # (as columns they left 公用经… and 预算编… of the names at 100 %, and nothing at 125 %).
        header = self.view.header()
        header.setStretchLastSection(True)
        self.view.setHeaderHidden(True)
        self.view.setColumnHidden(COL_REFERENCE, True)
        self.view.setColumnHidden(COL_SOURCE, True)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._show_detail)
        layout.addWidget(self.view, 1)

        self.detail = QLabel(body)
        self.detail.setObjectName("library_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("background: #f6f8fb; border: 1px solid #d8dee8; padding: 4px;")
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 4 + 10)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.detail)

        row = QHBoxLayout()
        self.target = QComboBox(body)
        self.target.setObjectName("library_target")
        self.target.addItem(self.tr("插入到长期目标"), "long_term")
        self.target.addItem(self.tr("插入到年度目标"), "annual")
        row.addWidget(self.target, 1)
        self.insert_button = QPushButton(self.tr("插入"), body)
        self.insert_button.setObjectName("library_insert")
        self.insert_button.setToolTip(self.tr("把所选指标插入表中（回车或双击；也可拖到指标表中）"))
        self.insert_button.clicked.connect(self.insert_selected)
        row.addWidget(self.insert_button)
        layout.addLayout(row)

        row = QHBoxLayout()
        row.addStretch(1)
        for name, text, signal in (("library_import", self.tr("导入…"), self.import_requested),
                                   ("library_export", self.tr("导出…"), self.export_requested)):
            button = QPushButton(text, body)
            button.setObjectName(name)
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        self.remove_button = QPushButton(self.tr("删除"), body)
        self.remove_button.setObjectName("library_remove")
        self.remove_button.setToolTip(self.tr("从指标库删除所选指标（内置指标不能删除）"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.selected_entries()))
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.setWidget(body)
        self._show_detail(QModelIndex())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Shown: at least wide enough for a 三级 name of NAME_CHARS characters (only while shown, so
        the hidden pane takes no room from the form)."""
        self.build()
        super().showEvent(event)
        window = self.parentWidget()
        missing = self.name_width(NAME_CHARS) - self.view.width()
        if isinstance(window, QMainWindow) and missing > 0:
            QTimer.singleShot(0, lambda: window.resizeDocks([self], [self.width() + missing], Qt.Orientation.Horizontal))

    def name_width(self, chars: int) -> int:
        """Width of the tree that shows a 三级 name of ``chars`` characters whole, in this font and at
        this scale: two levels of indentation, the tick, the text, the frame and a scroll bar."""
        text = self.view.fontMetrics().horizontalAdvance("预" * chars)
        icon = self.view.iconSize().width() if self.view.iconSize().isValid() else 16
        scroll = self.view.style().pixelMetric(self.view.style().PixelMetric.PM_ScrollBarExtent)
        return 3 * self.view.indentation() + max(icon, 16) + 12 + text + scroll + 2 * self.view.frameWidth()

    # -- content ---------------------------------------------------------------------------------
    def set_index(self, index: LibraryIndex, level1_order: tuple[str, ...] = ()) -> None:
        """Show a (new) library, keeping the search that is typed."""
        self.index = index
        self.level1_order = level1_order
        self.apply_filter(self.search.text())

    def apply_filter(self, text: str) -> None:
        if self.index is None:
            return
        found = self.index.matches(text)
        self.model.set_groups(self.index.grouped(found, self.level1_order))
        if len(found) <= EXPAND_ALL_UP_TO:
            self.view.expandAll()
        else:
            self.view.expandToDepth(0)
        if text.strip():
            shown = self.tr("找到 %1 个指标（共 %2 个）").replace("%1", str(len(found))).replace("%2", str(len(self.index)))
        else:
            shown = self.tr("共 %1 个指标").replace("%1", str(len(self.index)))
        self.count.setText(shown)
        self._show_detail(self.view.currentIndex())

    def set_target(self, tree: str) -> None:
        i = self.target.findData(tree)
        if i >= 0:
            self.target.setCurrentIndex(i)

    def target_tree(self) -> str:
        return str(self.target.currentData())

    def selected_entries(self) -> list[LibraryEntry]:
        from goalform.ui.library.model import COL_NAME

        rows = self.view.selectionModel().selectedRows(COL_NAME)
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().siblingAtColumn(COL_NAME)]
        return self.model.entries_of(rows)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- user actions ----------------------------------------------------------------------------
    def insert_selected(self) -> None:
        entries = self.selected_entries()
        if entries:
            self.insert_requested.emit(entries, self.target_tree())

    def _on_double_click(self, index: QModelIndex) -> None:
        from goalform.domain.library import LibraryEntry
        from goalform.ui.library.model import EntryRole

        entry = index.data(EntryRole)
        if isinstance(entry, LibraryEntry):  # a group row only opens or closes
            self.insert_requested.emit([entry], self.target_tree())

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        from goalform.domain.library import SOURCE_BUILTIN, SOURCE_BUREAU, SOURCE_MINE, LibraryEntry
        from goalform.ui.library.model import EntryRole

        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isSelected(index):
            self.view.setCurrentIndex(index)
        entries = self.selected_entries()
        menu = QMenu(self.view)
        for tree, text in (("long_term", self.tr("插入到长期目标")), ("annual", self.tr("插入到年度目标"))):
            menu.addAction(text, lambda tree=tree: self.insert_requested.emit(entries, tree)).setEnabled(bool(entries))
        menu.addSeparator()
        menu.addAction(self.tr("从指标库删除所选指标"), lambda: self.remove_requested.emit(entries)).setEnabled(
            any(e.source != SOURCE_BUILTIN for e in entries))
        entry = index.data(EntryRole) if index.isValid() else None
        if isinstance(entry, LibraryEntry) and entry.source == SOURCE_BUREAU:
            menu.addAction(self.tr("删除导入的「%1」").replace("%1", entry.source_label),
                           lambda: self.remove_source_requested.emit(SOURCE_BUREAU, entry.source_label))
        menu.addAction(self.tr("删除从我的表学到的全部指标"),
                       lambda: self.remove_source_requested.emit(SOURCE_MINE, ""))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                from goalform.domain.library import LibraryEntry
                from goalform.ui.library.model import EntryRole

                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                if not isinstance(self.view.currentIndex().data(EntryRole), LibraryEntry):
                    self.view.setCurrentIndex(self.model.first_entry_index())  # the first indicator, not its group
                return True
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.insert_selected()
                return True
            if watched is self.view and key == Qt.Key.Key_Delete:
                self.remove_requested.emit(self.selected_entries())
                return True
        return super().eventFilter(watched, event)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        from goalform.domain.library import LibraryEntry
        from goalform.ui.library.model import EntryRole, source_text

        entry = current.data(EntryRole) if current.isValid() else None
        if not isinstance(entry, LibraryEntry):
            self.detail.setText(self.tr("选中一个指标查看其解释和参考值。双击、回车或拖到指标表中即可插入。"))
            return
        parts = [f"<b>{_html(entry.name)}</b>（{_html(entry.level1)} ／ {_html(entry.level2)}）"]
        if entry.explanation:
            parts.append(_html(entry.explanation))
        if entry.reference:
            parts.append(self.tr("参考值：%1").replace("%1", _html(entry.reference)))
        parts.append(f"<span style='color:#777'>{self.tr('来源：%1').replace('%1', _html(source_text(entry)))}</span>")
        self.detail.setText("<br>".join(parts))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
