"""The indicator library in the main window: the 指标库 dock and actions, a 指标库… button beside each
indicator tree, insertion (double-click, Enter, drag onto a tree; one undo step), import and export
of a bureau's sheet, and learning the indicators of each form the user opens or imports («我的表»).

The window places what this part offers (``dock``, ``menu_actions``) and this part follows the
window's signals; it sees the window as a :class:`goalform.ui.app.shell.Shell`.
The library is opened when first needed (the pane shown or a form opened), never at start-up.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QPushButton

from goalform import assets
from goalform.domain.cells import Cell
from goalform.domain.errors import user_message
from goalform.domain.form import TREES, Form
from goalform.domain.messages import first_of
from goalform.domain.template import Template
from goalform.domain.validation import Location
from goalform.ui.library.pane import LibraryDock
from goalform.ui.app.shell import Shell
from goalform.ui import telling
from goalform.ui.telling import EXPECTED

if TYPE_CHECKING:  # the library file (and its pinyin) is opened when first needed, after the first frame;
    # the library's domain code and Qt model too (the pane starts hidden)
    from goalform.domain.library import LibraryEntry, LibraryIndex
    from goalform.store.library import Library


MARKS_DELAY_MS = 250  # the ticks of used indicators follow edits once typing pauses
MAX_LISTED = 15  # rows listed in a message box; the rest are counted


class LibraryActions(QObject):
    def __init__(self, window: Shell) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.library: Library | None = None
        self.index: LibraryIndex | None = None
        self._opened = False
        self.learning: _Learning | None = None  # the last learning started (tests wait for it)
        self.dock = LibraryDock(window)  # type: ignore[arg-type]
        self.dock.visibilityChanged.connect(self._on_visible)
        self.dock.insert_requested.connect(self.insert)
        self.dock.remove_requested.connect(self.remove)
        self.dock.remove_source_requested.connect(self.remove_source)
        self.dock.import_requested.connect(self.import_sheet)
        self.dock.export_requested.connect(self.export_sheet)

        self.show_action = QAction(self.tr("指标库…"), window)
        self.show_action.setObjectName("show_library")
        self.show_action.setShortcut(QKeySequence("Ctrl+L"))
        self.show_action.triggered.connect(lambda: self.show_pane())
        self.import_action = QAction(self.tr("导入指标库…"), window)
        self.import_action.setObjectName("import_library")
        self.import_action.triggered.connect(self.import_sheet)
        self.export_action = QAction(self.tr("导出指标库…"), window)
        self.export_action.setObjectName("export_library")
        self.export_action.triggered.connect(self.export_sheet)
        self.menu_actions = [self.show_action, self.import_action, self.export_action]  # for the 编辑 menu

        self._marks = QTimer(self)
        self._marks.setSingleShot(True)
        self._marks.setInterval(MARKS_DELAY_MS)
        self._marks.timeout.connect(self.refresh_marks)
        window.validated.connect(lambda _findings: self.dock.isVisible() and self._marks.start())
        window.document_changed.connect(self._on_document)
        window.tabs_built.connect(self._add_buttons)

    # -- the library -------------------------------------------------------------------------------
    def ensure_open(self) -> LibraryIndex:
        """Open the library on first use; a damaged one is reported, with an offer to rebuild it."""
        if self.index is not None:
            if self.library is not None and self.library.changed_elsewhere():
                self.reload()  # another goalform or `goalform library import` wrote to it
            return self.index
        from goalform.store.library import Library, LibraryCorrupt

        try:
            self.library = Library.open()
        except LibraryCorrupt as e:
            self.library = self._offer_rebuild(str(e))
        except EXPECTED as e:
            telling.tell_user(self.window, self.tr("指标库"),
                      self.tr("无法打开指标库：%1\n\n本次只使用内置指标。").replace("%1", user_message(e)))
        self.reload()
        assert self.index is not None
        return self.index

    def _offer_rebuild(self, message: str) -> Library | None:
        answer = telling.ask(
            self.window, self.tr("指标库已损坏"),
            self.tr("%1\n\n是否用内置指标重建指标库？损坏的文件会改名保留，导入的指标库需重新导入。\n"
                    "选择「否」则本次只使用内置指标。").replace("%1", message))
        if not answer:
            return None
        from goalform.store.library import Library

        try:
            library, _kept = Library.rebuild()
        except EXPECTED as e:
            telling.tell_user(self.window, self.tr("指标库"), self.tr("无法重建指标库：%1").replace("%1", user_message(e)))
            return None
        return library

    def reload(self) -> None:
        """Read the library again (after an import, a removal, learning) and show it."""
        from goalform.store.library import builtin_index

        index: LibraryIndex | None = None
        if self.library is not None:
            with telling.told_to_user(self.window, self.tr("指标库")):
                index = self.library.index()
        self.index = index if index is not None else builtin_index()
        order = tuple(l1.name for l1 in (self.window.doc.template if self.window.doc else assets.latest_template()).level1)
        self.dock.set_index(self.index, order)
        for control in (self.import_action, self.dock.remove_button):
            control.setEnabled(self.library is not None)
        if self.window.runner is not None:
            self.window.runner.library = self.index.authoritative()
            self.window.runner.schedule()

    # -- showing -----------------------------------------------------------------------------------
    def show_pane(self, tree: str | None = None) -> None:
        if tree is not None:
            self.dock.set_target(tree)
        self.dock.show()
        self.dock.raise_()
        self.dock.focus_search()

    def _on_visible(self, visible: bool) -> None:
        if visible:
            self.ensure_open()
            self.refresh_marks()

    def refresh_marks(self) -> None:
        from goalform.domain.library import used_names

        doc = self.window.doc
        self.dock.model.set_used(used_names(doc.load_form()) if doc is not None else set())

    def _on_document(self) -> None:
        window = self.window
        doc = window.doc
        if doc is None:
            self.refresh_marks()
            return
        self._add_buttons(window.tab_pages)
        if window.tabs is not None:
            window.tabs.currentChanged.connect(self._on_tab)
        if self.index is not None and window.runner is not None:
            window.runner.library = self.index.authoritative()
            window.runner.schedule()
        # After the window has shown the form: learning may write, and the first use opens the library.
        if getattr(window, "first_frame_pending", False):
            from goalform.ui.app.first_paint import after_first_paint

            after_first_paint(window, self._learn)  # type: ignore[arg-type]
        else:
            QTimer.singleShot(0, self, self._learn)

    def _add_buttons(self, pages: list) -> None:
        """指标库… beside each indicator tree, and drops from the library onto it."""
        for page in pages:
            if _tree_of(page):
                button = QPushButton(self.tr("指标库…"), page)
                button.setObjectName("button_library")
                button.setToolTip(self.tr("从指标库选择指标插入（Ctrl+L）"))
                button.clicked.connect(lambda _=False, tree=page.tree: self.show_pane(tree))
                page.button_row.insertWidget(len(page.buttons), button)
                page.view.viewport().installEventFilter(_LibraryDrops(page.view, page.tree, self.insert_ids))

    def _on_tab(self, i: int) -> None:
        pages = self.window.tab_pages
        if 0 <= i < len(pages) and _tree_of(pages[i]):
            self.dock.set_target(_tree_of(pages[i]))

    def _learn(self) -> None:
        """Offer the indicators of the form just opened or imported as «我的表» (not of forms opened
        read-only). The form is read here; comparing it with the library, its pinyin and the writing
        run in a thread of their own (:class:`_Learning`), so a form of thousands of long indicators
        never stalls the window."""
        doc = self.window.doc
        if doc is None:
            return
        self.ensure_open()
        if doc.read_only or self.library is None:
            self.refresh_marks()
            return
        label = doc.path.name if doc.path is not None else (doc.field("department") or self.tr("导入的表格"))
        with telling.told_to_user(self.window, self.tr("指标库")) as outcome:
            form = doc.load_form()
        if outcome.failed:
            return
        self.learning = _Learning(self, self.library.path, form, doc.template, label)
        self.learning.done.connect(self._learned)
        self.learning.start()

    def _learned(self, learned: object) -> None:
        if isinstance(learned, BaseException):
            if isinstance(learned, EXPECTED):
                telling.inform(self.window, user_message(learned), 8000)
                return
            raise learned  # a bug: the 程序出错 box
        if learned:
            self.reload()
            telling.inform(
                self.window, self.tr("已将本表的 %1 个新指标加入指标库（我的表）").replace("%1", str(len(learned))), 8000)
        self.refresh_marks()

    # -- inserting ---------------------------------------------------------------------------------
    def insert_ids(self, ids: list[int], tree: str) -> None:
        """A drop onto an indicator tree: the entries dragged from the pane."""
        index = self.ensure_open()
        by_id = {e.id: e for e in index.entries}
        self.insert([by_id[i] for i in ids if i in by_id], tree)

    def insert(self, entries: list[LibraryEntry], tree: str) -> None:
        """Insert ``entries`` into ``tree`` of the open form, each under its 一级 and 二级: one undo step."""
        window = self.window
        self.ensure_open()
        editor = window.editor
        if editor is None or window.doc is None:
            telling.explain(window, self.tr("指标库"), self.tr("请先新建或打开一张表格。"))
            return
        if editor.read_only:
            telling.explain(window, self.tr("指标库"), self.tr("表格以只读方式打开，不能插入指标。"))
            return
        if not entries:
            return
        from goalform.domain.library import plan_insert
        from goalform.domain.usual_values import with_usual_categories
        from goalform.ui.indicators.paste import mark_default_categories

        window.finish_editing()
        doc = window.doc
        roots = doc.load_form().tree(tree)
        plan = plan_insert(roots, entries, doc.template)
        rows, defaulted = with_usual_categories(plan.rows, roots, doc.template)
        text = self.tr("从指标库插入 %1 个指标").replace("%1", str(plan.added))
        with telling.told_to_user(window, self.tr("指标库")) as outcome:
            new_ids = editor.insert_rows(editor.models[tree], rows, text)
        if outcome.failed:
            return
        mark_default_categories(editor.models[tree], {new_ids[i]: usual for i, usual in defaulted.items()})
        leaves = [i for i, row in zip(new_ids, plan.rows) if row.level == 3]
        # The tab of the tree (built when first shown: showing it builds it).
        at = next((i for i, p in enumerate(window.tab_pages) if p.owns(Location.of(Cell.indicator(None), tree))), None)  # type: ignore[attr-defined]
        if at is not None and window.tabs is not None and leaves:
            window.tabs.setCurrentIndex(at)
            page = window.tab_pages[at]
            if _tree_of(page) == tree:
                page.select(leaves[0])  # type: ignore[attr-defined]
        skipped = [f"· {entry.name}：{reason}" for entry, reason in plan.skipped]
        if not leaves:
            telling.explain(window, self.tr("指标库"), self.tr("没有插入指标：\n%1").replace(
                "%1", _listed(skipped, self.tr("另有 %1 个"))))
            return
        message = self.tr("已插入 %1 个指标").replace("%1", str(len(leaves)))
        if skipped:
            message += self.tr("，%1 个已在表中或无法放置").replace("%1", str(len(skipped)))
        if defaulted:
            message += self.tr("；指标分类为默认值（斜体），请确认")
        telling.inform(window, message, 8000)
        self.refresh_marks()

    # -- import, export, removal ---------------------------------------------------------------------
    def import_sheet(self) -> None:
        from goalform.formats.library_xlsx import read_library

        self.ensure_open()
        if self.library is None:
            telling.warn(self.window, self.tr("导入指标库"), self.tr("指标库不可用，无法导入。"))
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("导入指标库"), "",
                                              self.tr("Excel 工作簿 (*.xlsx *.xls);;所有文件 (*)"))
        if not path:
            return
        with telling.told_to_user(self.window, self.tr("导入指标库")) as outcome:
            sheet = read_library(Path(path))
        if outcome.failed:
            return
        if not sheet.entries:  # every row refused: say which and why; the library stays as it was
            text = self.tr("「%1」中没有可导入的指标，指标库未改动。").replace("%1", Path(path).name)
            if sheet.problems:
                text += "\n\n" + self.tr("以下 %1 行未能导入：").replace("%1", str(len(sheet.problems))) + "\n"
                text += _listed([f"· {p.describe()}" for p in sheet.problems], self.tr("另有 %1 行"))
            else:
                text += "\n\n" + self.tr("表头下没有任何指标行。")
            telling.warn(self.window, self.tr("导入指标库"), text)
            return
        with telling.told_to_user(self.window, self.tr("导入指标库")) as outcome:
            count = self.library.import_entries(sheet.entries, Path(path).name)
        if outcome.failed:
            return
        self.reload()
        self.show_pane()
        text = self.tr("已从「%1」导入 %2 个指标。").replace("%1", Path(path).name).replace("%2", str(count))
        if sheet.problems:
            text += "\n\n" + self.tr("以下 %1 行未能导入：").replace("%1", str(len(sheet.problems))) + "\n"
            text += _listed([f"· {p.describe()}" for p in sheet.problems], self.tr("另有 %1 行"))
        telling.explain(self.window, self.tr("导入指标库"), text)

    def export_sheet(self) -> None:
        from goalform.domain.library import group_entries
        from goalform.formats.library_xlsx import write_library

        index = self.ensure_open()
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("导出指标库"), self.tr("指标库.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        target = Path(path) if Path(path).suffix.lower() == ".xlsx" else Path(path + ".xlsx")
        order = [l1.name for l1 in assets.latest_template().level1]
        entries = [e for g in group_entries(index.entries, order) for _, items in g.level2 for e in items]
        with telling.told_to_user(self.window, self.tr("导出指标库")) as outcome:
            write_library(target, entries)
        if outcome.failed:
            return
        telling.inform(self.window,
               self.tr("已导出 %1 个指标到 %2").replace("%1", str(len(entries))).replace("%2", str(target)), 8000)

    def remove(self, entries: list[LibraryEntry]) -> None:
        if self.library is None or not entries:
            return
        from goalform.domain.library import SOURCE_BUILTIN

        removable = [e for e in entries if e.source != SOURCE_BUILTIN and e.id is not None]
        if not removable:
            telling.explain(self.window, self.tr("指标库"), self.tr("内置指标不能删除。"))
            return
        answer = telling.ask(
            self.window, self.tr("删除指标"),
            self.tr("从指标库删除所选的 %1 个指标？").replace("%1", str(len(removable))) +
            ("\n" + self.tr("（所选的内置指标不会删除）") if len(removable) < len(entries) else ""))
        if not answer:
            return
        with telling.told_to_user(self.window, self.tr("指标库")):
            self.library.remove([e.id for e in removable if e.id is not None])
        self.reload()


    def remove_source(self, kind: str, label: str) -> None:
        """Remove a bureau's imported sheet, or (kind «mine») everything learned from the user's forms."""
        if self.library is None:
            return
        what = self.tr("导入的「%1」中的全部指标").replace("%1", label) if label else self.tr("从我的表学到的全部指标")
        if not telling.ask(self.window, self.tr("删除指标"), self.tr("从指标库删除%1？").replace("%1", what)):
            return
        with telling.told_to_user(self.window, self.tr("指标库")) as outcome:
            removed = self.library.remove_source(kind, label or None)
        if outcome.failed:
            return
        self.reload()
        telling.inform(self.window, self.tr("已删除 %1 个指标").replace("%1", str(removed)), 8000)


class _Learning(QObject):
    """Learns a form's indicators into the library in a daemon thread with a connection of its own;
    ``done`` carries the learned entries (or the error) back to the window's thread."""

    done = Signal(object)

    def __init__(self, parent: QObject, path: Path, form: Form, template: Template, label: str) -> None:
        super().__init__(parent)
        self._args = (path, form, template, label)
        self.thread = threading.Thread(target=self._run, name="goalform-learn", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        path, form, template, label = self._args
        result: object
        from goalform.store.library import Library

        try:
            with Library.open(path) as library:
                result = library.learn(form, template, label)
        except BaseException as e:  # noqa: BLE001 - handed to the window's thread, which tells or raises it
            result = e
        try:
            self.done.emit(result)
        except RuntimeError:  # the window closed meanwhile: nobody is waiting
            pass


class _LibraryDrops(QObject):
    """Lets an indicator tree accept indicators dragged from the pane (its own drags move rows and
    are left to it): watches the tree's viewport and hands the dropped entries' ids on."""

    def __init__(self, view: QObject, tree: str, insert) -> None:  # noqa: ANN001
        super().__init__(view)
        self.tree = tree
        self.insert = insert

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        from goalform.ui.library.model import LIBRARY_MIME  # (the pane, and with it the model, comes first)

        data = event.mimeData()  # type: ignore[attr-defined]
        if data is None or not data.hasFormat(LIBRARY_MIME):
            return False
        event.setDropAction(Qt.DropAction.CopyAction)  # type: ignore[attr-defined]
        event.accept()
        if kind == QEvent.Type.Drop:
            raw = bytes(data.data(LIBRARY_MIME).data()).decode("ascii", errors="replace")
            ids = [int(x) for x in raw.split(",") if x.strip().isdigit()]
            if ids:
                # After the drag has finished, so a message box does not run inside it.
                QTimer.singleShot(0, self, lambda: self.insert(ids, self.tree))
        return True


def _tree_of(page: object) -> str | None:
    """The indicator tree a tab shows (an IndicatorsTab's ``tree``), None for the other tabs."""
    tree = getattr(page, "tree", None)
    return tree if tree in TREES else None


def _listed(lines: list[str], more: str) -> str:
    return "\n".join(first_of(lines, MAX_LISTED, more))
