"""Editors for the indicator trees: combo boxes for 依据/分类 when the template lists the allowed
values, and a line edit that completes names from the indicator library and earlier forms."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from goalform import assets
from goalform.domain.template import Template
from goalform.ui.indicators.model import COL_NAME, IndicatorModel, LevelRole
from goalform.ui.indicators.paste import PastingLineEdit
from goalform.ui.markers import marker_icon

MEASURED_CHARS = 400  # of a cell's text, for its row's height (a row stays shorter than the view)
_NAME_MARGIN = 8 + 20  # px beside a wrapped name: cell margins and the marker of a row with findings


def library_completions(level: int, earlier: list[str]) -> QStandardItemModel:
    """Names to offer for a 二级 (level 2) or 三级 (level 3) name, with explanations as tooltips."""
    model = QStandardItemModel()
    seen: set[str] = set()
    for entry in assets.indicator_library():
        name = entry.get("level2", "") if level == 2 else entry.get("name", "")
        if not name or name in seen:
            continue
        seen.add(name)
        item = QStandardItem(name)
        tip = entry.get("explanation", "") if level == 3 else ""
        if level == 3 and entry.get("typical_value"):
            tip += "\n" + QCoreApplication.translate("delegates", "（常见指标值：{0}）").format(entry["typical_value"])
        item.setToolTip(tip.strip())
        model.appendRow(item)
    if level == 3:
        for name in earlier:
            if name and name not in seen:
                seen.add(name)
                model.appendRow(QStandardItem(name))
    return model


class ChoiceEditor(QComboBox):
    """The editor of a cell with a list of allowed values: ``chosen`` when one is picked from the open
    list (QComboBox's ``activated`` also fires for arrow keys on the closed box, which only browse)."""

    chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._listed = False  # the list is (or was, until the pick is reported) open
        self.activated.connect(self._on_activated)

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self._listed = True
        super().showPopup()

    def hidePopup(self) -> None:  # noqa: N802 - Qt override
        super().hidePopup()
        QTimer.singleShot(0, self, self._closed)  # after activated, which follows hidePopup

    def _closed(self) -> None:
        self._listed = False

    def _on_activated(self, _index: int) -> None:
        if self._listed:
            self._listed = False
            self.chosen.emit()


class IndicatorDelegate(QStyledItemDelegate):
    """Chooses the editor by column and level; values are written through the model (an undo command)."""

    def __init__(self, template: Template, earlier_names: Callable[[], list[str]], parent=None) -> None:
        super().__init__(parent)
        self.template = template
        self.earlier_names = earlier_names
        self._completions: dict[int, QStandardItemModel] = {}
        self.open_editor: QWidget | None = None  # the editor being used, for finish_editing()
        self._row_heights: dict[int, int] = {}  # font height -> height of a row with a marker
        self.on_block_paste: Callable[[list[list[str]]], None] | None = None  # several lines pasted in an editor

    def sizeHint(self, option, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        """Every row as tall as one with a marker (so rows stay even), and a name wider than the 指标
        column wraps: its row grows to show it whole (QTreeView does not measure wrapped text by the
        column's width itself). Only the first MEASURED_CHARS characters of a text are measured: a
        form of hundreds of 10,000-character names took a minute to lay out (the tooltip shows it all)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text[:MEASURED_CHARS]
        opt.text = text
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), opt.widget)
        size.setHeight(max(size.height(), self._marked_row_height(option, index)))
        view = self.parent()
        if index.column() != COL_NAME or not hasattr(view, "columnWidth"):
            return size
        depth = int(index.data(LevelRole) or 1)
        width = view.columnWidth(COL_NAME) - view.indentation() * depth - _NAME_MARGIN
        if not text or width <= 0 or option.fontMetrics.horizontalAdvance(text) <= width:
            return size
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), rect.height() + 6))

    def _marked_row_height(self, option, index: QModelIndex) -> int:
        """The height of a one-line row with a finding's marker, at this font (measured once)."""
        key = option.fontMetrics.height()
        if key not in self._row_heights:
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            opt.icon = marker_icon("error")
            opt.text = "指"
            style = opt.widget.style() if opt.widget is not None else QApplication.style()
            self._row_heights[key] = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(),
                                                            opt.widget).height()
        return self._row_heights[key]

    def _column_key(self, index: QModelIndex) -> str:
        model = index.model()
        assert isinstance(model, IndicatorModel)
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        self.open_editor = editor = self._create(parent, index)
        editor.destroyed.connect(self._forget)
        return editor

    def _forget(self) -> None:
        self.open_editor = None

    def _create(self, parent: QWidget, index: QModelIndex) -> QWidget:
        key = self._column_key(index)
        domain = {"basis": self.template.basis, "category": self.template.category}.get(key)
        if domain is not None and domain.is_choice:
            combo = ChoiceEditor(parent)
            combo.setObjectName(f"editor_{key}")
            combo.chosen.connect(lambda: self._choose(combo))
            combo.addItem("")
            combo.addItems(list(domain.values))
            return combo
        edit = PastingLineEdit(parent)
        edit.on_block_paste = self.on_block_paste
        edit.setObjectName(f"editor_{key}")
        if key == "name":
            level = int(index.data(LevelRole) or 3)
            if level not in self._completions:
                self._completions[level] = library_completions(level, self.earlier_names())
            completer = QCompleter(self._completions[level], edit)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
        return edit

    def _choose(self, combo: QComboBox) -> None:
        """A value picked in the list (Alt+Down, Down, Enter; or a click) is the clerk's answer: it is
        written at once and the cell stays current, out of editing (so the next arrow key moves on
        instead of changing the choice again)."""
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            if editor.findText(text) < 0:
                editor.addItem(text)  # a value from an old or imported form: keep it selectable
            editor.setCurrentIndex(editor.findText(text))
        elif isinstance(editor, QLineEdit):
            if editor.text() != text:
                editor.setText(text)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText()  # before confirm(): its dataChanged puts the model's value back in the editor
            if isinstance(model, IndicatorModel):  # the clerk chose: a default goalform put here is decided
                model.confirm(index.internalId(), self._column_key(index))
            model.setData(index, text, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text().strip(), Qt.ItemDataRole.EditRole)
