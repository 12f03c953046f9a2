"""与另一文件比较: the differences between the open form and another .goal in a dock of their own.

A table (位置, 年份, 之前, 之后) with a filter over every column; double-click or Enter on a row
opens the tab of that item in the open form and puts the cursor on its cell or row (the window's
own navigation, as for findings and 审核意见); 导出 Excel… writes the rows shown. The older form
(by year) is 之前, so last year's form against this year's reads forward whichever is open.
A dock beside the form (with 检查结果 and 审核) rather than a dialog over it: the cell a row jumps to
stays in sight, and the dock can be floated as a window of its own.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from goalform.domain.diff import Difference, shown
from goalform.domain.form import Form
from goalform.domain.template import Template
from goalform.domain.validation import Location
from goalform.domain.errors import UserError
from goalform.ui.app.shell import Shell
from goalform.ui import telling

COL_WHERE, COL_YEAR, COL_BEFORE, COL_AFTER = range(4)
LocationRole = Qt.ItemDataRole.UserRole  # the Location of the row's item in the open form, or None
DifferenceRole = Qt.ItemDataRole.UserRole + 1
DOCK_WIDTH = 580
READABLE_VALUE_CHARS = 14  # 之前/之后 below this width (in digits) wrap a short text into a column of characters
CELL_CHARS = 40  # longer values (texts, notes) are cut in the table; the tooltip and the export have them whole


def _cut(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= CELL_CHARS else one_line[:CELL_CHARS] + "…"

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiffDock", text)


class DiffModel(QAbstractTableModel):
    """The differences, one per row, read only. ``open_side`` ("a" or "b"): which form is open."""

    def __init__(self, differences: Sequence[Difference], open_side: str, before: str, after: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.differences = list(differences)
        self.open_side = open_side
        self._headers = (self.tr("位置"), self.tr("年份"), before, after)
        self._shown = [shown(d) for d in self.differences]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.differences)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.differences[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == COL_WHERE:
                return d.where or d.message
            if column == COL_YEAR:
                return "" if d.year is None else str(d.year)
            return _cut(self._shown[index.row()][0 if column == COL_BEFORE else 1])
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (COL_BEFORE, COL_AFTER):
                return self._shown[index.row()][0 if index.column() == COL_BEFORE else 1]
            return d.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_YEAR:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == LocationRole:
            return d.location_a if self.open_side == "a" else d.location_b
        if role == DifferenceRole:
            return d
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class DiffDock(QDockWidget):
    """The comparison of the open form with another file. ``before``/``after``: the headers of the two
    value columns; ``export_names``: the two forms (file and year) as the export names them."""

    def __init__(self, window: Shell, differences: Sequence[Difference], open_side: str,
                 before: str, after: str, summary: str, export_names: tuple[str, str] = ("", "")) -> None:
        super().__init__(self.tr("比较结果"), window)
        self.setObjectName("diff_window")
        self.main_window = window
        self.export_names = export_names
        self.inputs: tuple[Path, ...] = ()  # the two compared files, which the export must not replace
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        self.summary = QLabel(summary, self)
        self.summary.setObjectName("diff_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        bar = QHBoxLayout()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("diff_filter")
        self.filter.setPlaceholderText(self.tr("筛选：位置、年份或数值中的文字"))
        self.filter.setClearButtonEnabled(True)
        bar.addWidget(self.filter, 1)
        self.count = QLabel(self)
        self.count.setObjectName("diff_count")
        bar.addWidget(self.count)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.setObjectName("diff_export")
        self.close_button = QPushButton(self.tr("关闭"), self)
        bar.addWidget(self.export_button)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)

        self.model = DiffModel(differences, open_side, before, after, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("diff_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # 位置 is never narrower than its text (a wrapped 「财政拨款（2024年金额）」 cannot be read in a
        # dock beside the form at 1366x768); 之前/之后 share the rest and wrap, down to a minimum, below
        # which the table scrolls sideways.
        header.setSectionResizeMode(COL_WHERE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_YEAR, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0") * 8)
        for column in (COL_BEFORE, COL_AFTER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        self.hint = QLabel(self.tr("双击一行（或按回车）转到当前表格中的该项。"), self)
        self.hint.setObjectName("diff_hint")
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)

        self.filter.textChanged.connect(self._filter)
        self.table.activated.connect(self.jump)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.close)
        self._document = window.doc  # jumps go to this document only
        window.document_changed.connect(self._on_document_changed)
        self._filter("")

    def needed_width(self) -> int:
        """The width the dock needs to show 位置 whole, 年份, and 之前/之后 at a readable width."""
        metrics = self.table.fontMetrics()
        where = max((metrics.horizontalAdvance(str(self.model.index(r, COL_WHERE).data()))
                     for r in range(self.model.rowCount())), default=0)
        year = metrics.horizontalAdvance("00000")
        values = metrics.horizontalAdvance("0") * READABLE_VALUE_CHARS
        return where + year + 2 * values + 60  # cell padding, the scroll bar and the dock's frame

    # -- filter, jump ------------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        shown_rows, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("显示 %1 / %2 处").replace("%1", str(shown_rows)).replace("%2", str(total)))
        self.export_button.setEnabled(shown_rows > 0)

    def rows_shown(self) -> list[Difference]:
        return [self.proxy.index(r, 0).data(DifferenceRole) for r in range(self.proxy.rowCount())]

    def jump(self, index: QModelIndex) -> bool:
        """Go to the row's item in the open form; say why not when it is not there."""
        location = index.siblingAtColumn(0).data(LocationRole) if index.isValid() else None
        if self._document is None or self.main_window.doc is not self._document:
            self.hint.setText(self.tr("比较时打开的表格已关闭，不能转到。"))
            return False
        if not isinstance(location, Location):
            self.hint.setText(self.tr("此项只在另一个文件中，当前表格没有。"))
            return False
        self.main_window.navigate(location)
        self.hint.setText(self.tr("已转到：%1").replace("%1", str(index.siblingAtColumn(COL_WHERE).data())))
        return True

    def _on_document_changed(self) -> None:
        if self.main_window.doc is not self._document:
            self._document = None
            self.hint.setText(self.tr("比较时打开的表格已关闭，不能转到。"))

    # -- export ------------------------------------------------------------------------------------
    def export(self) -> bool:
        folder = Path(self.main_window.settings.last_folder)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出比较结果"), str(folder / self.tr("比较结果.xlsx")),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        from goalform.formats.diff_xlsx import write_diff  # openpyxl only when exporting

        text = self.filter.text().strip()
        note = self.tr("筛选：%1").replace("%1", text) if text else ""
        try:
            write_diff(target, self.rows_shown(), *self.export_names, note, inputs=self.inputs)
        except UserError as e:  # a Chinese message already
            telling.tell_user(self, self.tr("导出失败"), e)
            return False
        self.hint.setText(self.tr("已导出到 %1").replace("%1", str(target)))
        return True


def show_comparison(window: Shell, other_name: str, other: Form, other_template: Template,
                    other_path: Path | None = None) -> DiffDock | None:
    """Compare the open form with ``other`` (read from the file ``other_name`` at ``other_path``) and show
    the result in the 比较结果 dock, in place of an earlier comparison."""
    from goalform.domain.diff import diff_forms

    doc = window.doc
    if doc is None:
        return None
    mine = doc.load_form()
    this_name = doc.path.name if doc.path else _tr("当前表格")
    if other.year > mine.year:  # the older form comes first
        differences = diff_forms(mine, other, doc.template, other_template)
        open_side, names = "a", ((this_name, mine.year), (other_name, other.year))
    else:
        differences = diff_forms(other, mine, other_template, doc.template)
        open_side, names = "b", ((other_name, other.year), (this_name, mine.year))
    (before_name, before_year), (after_name, after_year) = names

    before = _tr("之前（%1年）").replace("%1", str(before_year))
    after = _tr("之后（%1年）").replace("%1", str(after_year))
    summary = _tr("之前：%1（%2年）　之后：%3（%4年）").replace("%1", before_name).replace("%2", str(before_year)) \
        .replace("%3", after_name).replace("%4", str(after_year)) + "　"
    summary += (_tr("共 %1 处不同。").replace("%1", str(len(differences))) if differences
                else _tr("两个文件内容相同。"))
    year = next((d for d in differences if d.kind == "year"), None)
    if year is not None:  # which years' figures were compared
        summary += year.message.partition("（")[2].rstrip("）")
    old = window.findChild(DiffDock, "diff_window")
    if old is not None:  # one comparison at a time: the new one takes the old one's place
        window.removeDockWidget(old)
        old.setObjectName("")
        old.deleteLater()
    dock = DiffDock(window, differences, open_side, before, after, summary,
                      export_names=(f"{before_name}（{before_year}年）", f"{after_name}（{after_year}年）"))
    dock.inputs = tuple(p for p in (doc.path, other_path) if p is not None)  # the export never replaces them
    central = window.centralWidget()
    room = window.width() - (central.minimumSizeHint().width() if central is not None else 0)
    # Beside the form (with 检查结果 and 审核, the whole height for the list; the form scrolls) when there
    # is room there for the 位置 column whole and 之前/之后 readable; below the form otherwise.
    wanted = max(DOCK_WIDTH, dock.needed_width())
    beside = room >= wanted
    if beside:
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.tabifyDockWidget(window.dock, dock)
    else:  # 1366x768: beside the form the 位置 column and 之前/之后 cannot both be read; below it, they can
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    narrow = window.dock.width()

    def docked() -> bool:  # still the comparison shown, in the window's layout (not replaced, not floating)
        if not (isValid(window) and isValid(dock)):  # the window is going away
            return False
        return dock.objectName() == "diff_window" and not dock.isFloating() \
            and window.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea

    def give_back_width(visible: bool) -> None:
        if beside and not visible and docked() and window.dock.isVisible():
            window.resizeDocks([window.dock], [narrow], Qt.Orientation.Horizontal)

    dock.visibilityChanged.connect(give_back_width)
    dock.show()
    dock.raise_()
    # Wider than the findings need, once laid out; the form keeps at least its own minimum width.
    if beside:
        QTimer.singleShot(0, dock, lambda: docked() and window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal))
    else:
        QTimer.singleShot(0, dock, lambda: docked() and window.resizeDocks(
            [dock], [max(window.height() * 2 // 5, 240)], Qt.Orientation.Vertical))
    dock.raise_()
    dock.table.setFocus()
    return dock
