"""Copy and paste in the indicator trees, as between spreadsheet rows.

- Ctrl+C copies the selected cells (a range of rows and columns) as tab-separated text.
- Ctrl+V on a selected cell (no F2 needed) pastes what a spreadsheet, WPS or Word copied: one value
  into the cell; a block of rows × columns into the selected 三级 row and the ones below it, from the
  selected column on, adding 三级 rows where the block is longer (on a 二级 row, into its 三级 rows
  from the first). All of it is one undo step; values that fall outside the columns or hold a line
  break are not written and are listed in one message.
- In a cell being edited (F2), pasting several lines or cells does the same instead of joining them
  into the one cell; one line is pasted into the text as usual.

Kept apart from the view's navigation keys (:mod:`goalform.ui.indicators.view`): the view only tells
this module that Ctrl+C or Ctrl+V was pressed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from goalform.domain.messages import first_of
from goalform.domain.usual_values import FROM_TEMPLATE, UsualCategory, usual_category
from goalform.formats.table_text import Block, is_block, read_block, write_tsv
from goalform.ui import undo_commands
from goalform.ui.fields.widgets import BlockPasteMenu, reroute_paste
from goalform.ui import telling

if TYPE_CHECKING:
    from goalform.ui.editor import FormEditor
    from goalform.ui.indicators.model import IndicatorModel
    from goalform.ui.indicators.view import IndicatorTreeView


class TreeTab(Protocol):
    """The indicator tab as the clipboard sees it (by its shape: the tab imports this module)."""

    view: IndicatorTreeView
    model: IndicatorModel
    editor: FormEditor

MAX_LISTED = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("IndicatorPaste", text)


def clipboard_block() -> Block:
    """The clipboard's cells: the HTML table of a spreadsheet or Word if there is one, else its text."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return []
    return read_block(mime.text(), mime.html() if mime.hasHtml() else "")


class PastingLineEdit(BlockPasteMenu, QLineEdit):
    """The editor of a tree cell: a paste of several lines or cells goes to ``on_block_paste``
    (the rows below) instead of into this one cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_block_paste: Callable[[Block], None] | None = None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Paste) and self._paste_block():
            return
        super().keyPressEvent(event)

    def adapt_context_menu(self, menu: QMenu) -> None:
        reroute_paste(menu, lambda: self._paste_block() or self.paste())

    def _paste_block(self) -> bool:
        block = clipboard_block()
        if self.on_block_paste is None or not (is_block(block) or (block and "\n" in block[0][0].strip())):
            return False
        self.on_block_paste(block)
        return True


class _Defaults:
    """The default 分类 of the rows a paste names (goalform.domain.usual_values), looked up once."""

    def __init__(self, tab: TreeTab) -> None:
        self.tab = tab
        self.given: dict[int, UsualCategory] = {}  # row id -> the default it got
        self.new_rows: dict[int, UsualCategory] = {}  # position among the rows the paste adds -> default
        self._roots: list | None = None

    def for_row(self, rec, cells: dict[str, str]) -> UsualCategory | None:
        """The default for a row (``rec``: its record, None for a new one) the paste writes ``cells``
        into, when it has a name and neither the row nor the paste gives a 分类."""
        if "category" not in self.tab.model.columns or cells.get("category"):
            return None
        name = cells.get("name") or (rec.name if rec is not None else "")
        if not name.strip() or (rec is not None and (rec.category or rec.level != 3)):
            return None
        if self._roots is None:
            doc = self.tab.editor.doc
            self._roots = doc.load_form().tree(self.tab.model.tree)
        return usual_category(name, self._roots, self.tab.editor.doc.template)


def mark_default_categories(model: IndicatorModel, given: dict[int, UsualCategory]) -> None:
    """Mark the 分类 goalform chose (pasted rows, rows from the library) for the clerk to check."""
    for indicator_id, usual in given.items():
        why = (_tr("默认分类：模板中此指标为「%1」，请确认") if usual.source == FROM_TEMPLATE
               else _tr("默认分类：本表最常用的「%1」，请确认")).replace("%1", usual.value)
        model.mark_default(indicator_id, "category", why)


class IndicatorClipboard:
    """Ctrl+C and Ctrl+V for one indicator tab."""

    def __init__(self, tab: TreeTab) -> None:
        self.tab = tab

    # -- copy ------------------------------------------------------------------------------------
    def copy(self) -> None:
        view, model = self.tab.view, self.tab.model
        indexes = [i for i in view.selectionModel().selectedIndexes() if i.isValid()]
        if not indexes and view.currentIndex().isValid():
            indexes = [view.currentIndex()]
        if not indexes:
            return
        rows = sorted({i.internalId() for i in indexes}, key=lambda i: view.visualRect(model.index_of(i)).y())
        first = min(i.column() for i in indexes)
        last = max(i.column() for i in indexes)
        block = [[str(model.index_of(r, c).data() or "") for c in range(first, last + 1)] for r in rows]
        QGuiApplication.clipboard().setText(write_tsv(block))

    # -- paste -----------------------------------------------------------------------------------
    def paste(self, block: Block | None = None) -> None:
        """Ctrl+V on the current cell (or a block handed over by the cell editor)."""
        tab = self.tab
        if tab.editor.read_only:
            return
        block = clipboard_block() if block is None else block
        index = tab.view.currentIndex()
        if not block or not index.isValid():
            return
        if len(block) == 1 and len(block[0]) == 1 and "\n" in block[0][0].strip():
            block = [[line] for line in block[0][0].strip().splitlines()]  # one cell of several lines
        if not is_block(block):
            self._paste_value(index, block[0][0].strip())
            return
        self._paste_rows(index, block)

    def _paste_value(self, index: QModelIndex, value: str) -> None:
        tab = self.tab
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self._tell([_tr("此格不能填写（一级指标，或二级指标的指标值）")], 0)
            return
        key = tab.model.columns[index.column()]
        tab.editor.edit_indicator(tab.model, index.internalId(), key, value)

    def _paste_rows(self, index: QModelIndex, block: Block) -> None:
        tab, model, doc = self.tab, self.tab.model, self.tab.editor.doc
        rec = doc.node(index.internalId())
        if rec.level == 1:
            self._tell([_tr("请先选中一个二级或三级指标，再粘贴多行")], 0)
            return
        parent = rec.id if rec.level == 2 else rec.parent_id
        assert parent is not None
        first_row = 0 if rec.level == 2 else doc.row_of(rec.id)
        siblings = doc.children(parent)
        columns = model.columns
        parts: list = []
        added: list[dict[str, str]] = []
        problems: list[str] = []
        placed = 0
        defaults = _Defaults(tab)
        for i, values in enumerate(block):
            row = first_row + i
            cells: dict[str, str] = {}
            for j, value in enumerate(values):
                value = value.strip()
                c = index.column() + j
                if c >= len(columns):
                    if value:
                        problems.append(_tr("第%1行「%2」在最后一列之外").replace("%1", str(i + 1)).replace("%2", value))
                    continue
                if "\n" in value:
                    problems.append(_tr("第%1行「%2」有换行：一格只能填一行").replace("%1", str(i + 1)).replace(
                        "%2", value.replace("\n", " / ")))
                    continue
                cells[columns[c]] = value
            if row < len(siblings):
                for key, value in cells.items():
                    if doc.node(siblings[row]).get(key) != value:
                        parts.append(undo_commands.SetIndicatorValue(model, siblings[row], key, value))
                        placed += 1
                usual = defaults.for_row(doc.node(siblings[row]), cells)
                if usual is not None:
                    parts.append(undo_commands.SetIndicatorValue(model, siblings[row], "category", usual.value))
                    defaults.given[siblings[row]] = usual
            elif any(cells.values()):
                placed += len(cells)
                usual = defaults.for_row(None, cells)
                if usual is not None:
                    cells["category"] = usual.value
                    defaults.new_rows[len(added)] = usual
                added.append(cells)
        insert = undo_commands.InsertIndicators(model, parent, len(siblings), added) if added else None
        if insert is not None:
            parts.append(insert)
        if parts:
            with tab.editor.one_step(_tr("粘贴指标")) as step:
                for part in parts:
                    step.add(part)
            if insert is not None:
                defaults.given.update({insert.new_ids[i]: usual for i, usual in defaults.new_rows.items()})
            mark_default_categories(model, defaults.given)
            target = siblings[first_row] if first_row < len(siblings) else doc.children(parent)[first_row]
            self._select(target, index.column(), min(len(block), len(doc.children(parent)) - first_row),
                         max(len(v) for v in block))
        if problems:
            self._tell(problems, placed)

    def _select(self, first_id: int, column: int, rows: int, columns: int) -> None:
        """The pasted cells stay selected, the first one current."""
        view, model, doc = self.tab.view, self.tab.model, self.tab.editor.doc
        ids = doc.children(doc.node(first_id).parent_id)  # type: ignore[arg-type]
        start = ids.index(first_id)
        last_id = ids[min(start + rows, len(ids)) - 1]
        last_column = min(column + columns, model.columnCount()) - 1
        top = model.index_of(first_id, column)
        view.selectionModel().setCurrentIndex(top, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.selectionModel().select(QItemSelection(top, model.index_of(last_id, last_column)),
                                     QItemSelectionModel.SelectionFlag.Select)
        view.scrollTo(top)

    def _tell(self, problems: list[str], placed: int) -> None:
        shown = first_of(problems, MAX_LISTED, _tr("……另有 %1 项"))
        head = (_tr("已粘贴 %1 格；以下 %2 项没有填入：").replace("%1", str(placed)).replace("%2", str(len(problems)))
                if placed else _tr("没有粘贴："))
        telling.warn(self.tab, _tr("粘贴"), head + "\n\n" + "\n".join(shown))
