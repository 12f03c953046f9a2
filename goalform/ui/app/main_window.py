"""The main window: menus, toolbar, status bar, the tabs of the form and the findings dock.

The window shows one Document at a time through a FormEditor; file handling lives in
:mod:`goalform.ui.files.actions`, the reviewer's tools in :mod:`goalform.ui.review.actions`, each tab in
the feature folders of :mod:`goalform.ui`. Those parts see the window as a :class:`goalform.ui.app.shell.Shell` and expose
their actions, menus and docks; the window places them (they never reach into its menu bar).
"""
from __future__ import annotations

from pathlib import Path
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from goalform.domain.validation import Finding, Location, Severity, shown_while_filling
from goalform.store.document import Document
from goalform.ui.editor import FormEditor
from goalform.ui.files.actions import FileActions
from goalform.ui.findings.dock import FindingsDock
from goalform.ui.app.first_paint import after_first_paint
from goalform.ui.app.form_tabs import LaterTab, Maker, build_tab, show_progress, shown_on, tab_makers
from goalform.ui.library.actions import LibraryActions
from goalform.ui.review.actions import DOCK_WIDTH as REVIEW_DOCK_WIDTH
from goalform.ui.review.actions import ReviewActions
from goalform.ui.settings import Settings
from goalform.ui import telling
from goalform.ui.app.start_page import StartPage
from goalform.ui.app.undo_actions import UndoActions
from goalform.ui.findings.runner import ValidationRunner
from goalform.ui.fields.widgets import FINDING_STYLE, ElidingStatusBar, fit_to_screen, size_side_docks

READ_ONLY_STYLE = "background: #fff3c4; color: #5a4500; padding: 6px; border-bottom: 1px solid #d8b84a;"


class MainWindow(QMainWindow):
    document_changed = Signal()
    validated = Signal(list)
    tabs_built = Signal(list)  # pages built after the first frame: when first shown or idle (ui/app/form_tabs.py)
    validate_after_first_paint = False  # app.start sets it: the first form opened is validated after its first frame
    first_frame_pending = False  # the form's first frame is still to come: what it does not show waits for it

    def __init__(self, settings: Settings | None = None, *, starting: bool = False) -> None:
        """``starting`` (app.start): the docks behind the first frame are built when shown, the style sheet after it."""
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings or Settings()
        self.doc: Document | None = None
        self.editor: FormEditor | None = None
        self.runner: ValidationRunner | None = None
        self.tabs: QTabWidget | None = None
        self.tab_pages: list[QWidget] = []
        self.findings: list[Finding] = []  # as shown: empty required cells are 待填 until checked
        self.checked = False  # an explicit check (检查, export, print, submit) has been asked for
        self.tab_titles: list[str] = []
        self._tab_makers_waiting: list[Maker] = []  # start-up: the makers of the tabs built when first shown
        self._hidden_docks: list[QDockWidget] = []  # hidden while no form is open
        if not starting:  # (a starting window's first frame has nothing it styles: app.start sets it after that frame)
            self.setStyleSheet(FINDING_STYLE)
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 600)

        self.files = FileActions(self)
        self.dock = FindingsDock(self)
        self.dock.location_activated.connect(self.navigate)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.review = ReviewActions(self, dock_later=starting)  # 审核 menu and dock, 汇总文件夹…
        self.library = LibraryActions(self)  # 指标库 dock and actions
        self._place_side_docks()
        self._build_status_bar()
        self._build_menus()
        self._show_welcome()
        self.files.update_actions()  # nothing open yet: 保存, 导出, 打印 … wait for a document
        self.revalidate_action.setEnabled(False)
        self._restore_geometry()
        self._update_title()

    # -- building ----------------------------------------------------------------------------------
    def _place_side_docks(self) -> None:
        """The 审核 and 指标库 (hidden until asked for) docks share the right side with 检查结果."""
        review = self.review.dock
        for dock in (review, self.library.dock):
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.tabifyDockWidget(self.dock, dock)
        self.library.dock.hide()
        self.dock.raise_()
        self._docks_unsized = self.settings.window_state() is None  # first start: sized when first shown

    def _build_status_bar(self) -> None:
        self.setStatusBar(ElidingStatusBar(self))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("finding_count")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("save_state")
        self.statusBar().addPermanentWidget(self.review.status_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.save_label)
        telling.inform(self, self.settings.problem)  # '' unless settings.ini is a FIFO, device, folder

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = self.files
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(f.new_action)
        file_menu.addAction(f.open_action)
        file_menu.addAction(f.open_read_only_action)
        file_menu.addMenu(f.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(f.save_action)
        file_menu.addAction(f.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(f.import_action)
        file_menu.addAction(f.export_action)
        file_menu.addAction(f.print_preview_action)
        file_menu.addAction(f.print_action)
        file_menu.addSeparator()
        file_menu.addAction(f.rollover_action)
        file_menu.addAction(f.compare_action)
        file_menu.addSeparator()
        for action in self.review.file_actions:  # 汇总文件夹…
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(f.close_action)
        file_menu.addAction(f.quit_action)

        self.edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.undo = UndoActions(self)
        self.undo_action, self.redo_action = self.undo.undo_action, self.undo.redo_action
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.revalidate_action = QAction(self.tr("检查"), self)
        self.revalidate_action.setObjectName("check")
        self.revalidate_action.setShortcut(QKeySequence("F5"))
        self.revalidate_action.setToolTip(self.tr("检查整张表格：未填的必填项也作为错误列出 (F5)"))
        self.revalidate_action.triggered.connect(self.check_now)
        self.edit_menu.addAction(self.revalidate_action)
        self.edit_menu.addSeparator()
        for action in self.library.menu_actions:  # 指标库…, 导入指标库…, 导出指标库…
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(f.my_info.action)

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        toggle = self.dock.toggleViewAction()
        toggle.setText(self.tr("检查结果"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+E"))
        view_menu.addAction(toggle)
        self.next_finding_action = QAction(self.tr("下一个问题"), self)
        self.next_finding_action.setShortcut(QKeySequence("F8"))
        self.next_finding_action.triggered.connect(self.next_finding)
        view_menu.addAction(self.next_finding_action)
        self.tab_actions_menu = view_menu.addMenu(self.tr("转到"))

        bar.addMenu(self.review.menu)  # 审核
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于 goalform"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (f.new_action, f.open_action, f.save_action, None, self.undo_action, self.redo_action, None,
                       self.revalidate_action, f.export_action, f.print_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _show_welcome(self) -> None:
        """No form open: the start page (新建 / 打开 / 导入 / recent files), and no docks beside it."""
        self.setCentralWidget(StartPage(self.files, self.settings, self))
        self.tabs = None
        self.tab_pages = []
        self.count_label.setText("")
        self.findings = []
        self.dock.show_no_document()
        self._show_docks(False)

    def _show_docks(self, shown: bool) -> None:
        """Hide the docks (检查结果, 审核) while no form is open; bring back those that were showing."""
        if not shown:
            # Only the window's own children: PySide makes a Python object (and its class's enums) of each one it looks at.
            visible = [d for d in self.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if not d.isHidden()]
            self._hidden_docks = self._hidden_docks or visible
            for dock in visible:
                dock.hide()
            return
        for dock in self._hidden_docks:
            dock.show()
        if self._hidden_docks:
            self.dock.raise_()
        if self._hidden_docks and self._docks_unsized:  # wide enough for a fingerprint in two lines, no wider
            self._docks_unsized = False
            QTimer.singleShot(0, lambda: size_side_docks(self, self.dock, REVIEW_DOCK_WIDTH))
        self._hidden_docks = []

    # -- the document ------------------------------------------------------------------------------
    def set_document(self, doc: Document | None) -> None:
        """Show ``doc`` (the caller has already dealt with unsaved work in the previous one)."""
        old = self.doc
        self.finish_editing()
        self.undo.follow(None)
        if self.editor is not None:
            self.editor.deleteLater()
        if self.runner is not None:
            self.runner.deleteLater()
        self.doc, self.editor, self.runner = doc, None, None
        if old is not None and old is not doc:
            old.close()
            telling.unsay(self)  # whatever it said was about the form just closed
        if doc is None:
            self._show_welcome()
        else:
            self._build_document_view(doc)
        self.files.update_actions()
        self.revalidate_action.setEnabled(doc is not None)
        self._update_title()
        self.document_changed.emit()

    def _build_document_view(self, doc: Document) -> None:
        editor = self.editor = FormEditor(doc, self)
        self.undo.follow(editor.undo_stack)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if doc.read_only:
            banner = QLabel(self.tr("只读：此表格以只读方式打开，表格内容不能修改。可以添加审核意见、提交、退回或通过，"
                                    "保存时只写入这些审核记录。"), page)
            banner.setObjectName("read_only_banner")
            banner.setWordWrap(True)
            banner.setStyleSheet(READ_ONLY_STYLE)
            layout.addWidget(banner)
        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        makers = tab_makers(editor, self.settings, self.review.add_to_menu)
        # Start-up: the first frame shows the first tab only; the others come when first shown (or idle).
        later = self.first_frame_pending = self.validate_after_first_paint and self.isVisible()
        pages = [(make() if i == 0 or not later else LaterTab(shown_on(kind, doc.template)), title)
                 for i, (make, title, kind) in enumerate(makers)]
        self.tab_pages = [p for p, _ in pages]
        self.tab_titles = [t for _, t in pages]
        self._tab_makers_waiting = [make for make, _, _ in makers] if later else []
        self.checked = doc.read_only  # a reviewer sees every empty cell as what it is at once
        self.tab_actions_menu.clear()
        for i, (widget, title) in enumerate(pages):
            self.tabs.addTab(widget, title)
            action = self.tab_actions_menu.addAction(title)
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.tabs and self.tabs.setCurrentIndex(i))
        if later:
            self.tabs.currentChanged.connect(self._build_shown_tab)  # first: the page exists for what follows
            after_first_paint(self, lambda: setattr(self, "first_frame_pending", False))
        self.tabs.currentChanged.connect(self._on_tab_switched)
        self.setCentralWidget(page)
        self._show_docks(True)

        self.runner = ValidationRunner(doc, self)
        self.runner.finished.connect(self._on_validated)
        self.runner.follow(editor)
        editor.changed.connect(self._update_title)
        editor.saved_state_changed.connect(self._update_title)
        if self.validate_after_first_paint and self.isVisible():
            # Start-up: the form's first frame does not wait for the rules (bench/bench_startup.py).
            self.validate_after_first_paint = False
            runner = self.runner
            after_first_paint(self, lambda: self.runner is runner and self._validate_at_once())
        if later:  # then, a tab per turn of the event loop, those not shown yet (their sizes shape the window)
            tabs = self.tabs
            after_first_paint(self, lambda: QTimer.singleShot(0, self, lambda: self._build_next_tab(tabs)))
        else:
            self._validate_at_once()

    def _build_shown_tab(self, index: int) -> None:
        """A tab shown for the first time (start-up builds only the first one): build its page now."""
        if self.tabs is None or not 0 <= index < len(self._tab_makers_waiting):
            return
        page = build_tab(self.tabs, self.tab_pages, index, self._tab_makers_waiting[index], self.findings)
        if page is not None:
            self.tabs_built.emit([page])

    def _build_next_tab(self, tabs: QTabWidget) -> None:
        """After the first validation: build the next tab still waiting, then give the event loop back."""
        waiting = [i for i, p in enumerate(self.tab_pages) if isinstance(p, LaterTab)]
        if self.tabs is tabs and waiting:
            self._build_shown_tab(waiting[0])
            QTimer.singleShot(0, self, lambda: self._build_next_tab(tabs))

    def _validate_at_once(self) -> None:
        assert self.runner is not None
        self.runner.run_now()
        self.dock.flush()  # a newly opened form shows its findings at once

    def _on_tab_switched(self, index: int) -> None:
        """Alt+N or a click on a tab: the tab puts the cursor in its first cell (if it has a
        ``focus_first``), once a jump to a finding has had its say, and only if still shown."""
        page = self.tabs.widget(index) if self.tabs is not None else None
        focus_first = getattr(page, "focus_first", None)
        if focus_first is not None:
            QTimer.singleShot(0, page, lambda: self.tabs and self.tabs.currentWidget() is page and focus_first())

    def finish_editing(self) -> None:
        """Commit any cell still being edited, so nothing typed is left out of a save."""
        for page in self.tab_pages:
            finish = getattr(page, "finish_editing", None)
            if finish is not None:
                finish()

    # -- validation --------------------------------------------------------------------------------
    def run_explicit_check(self) -> list[Finding]:
        """The explicit check (检查/F5, and before export, print, submit): commit the cell being
        edited, revalidate now, and from now on show empty required cells as the errors they are.
        Returns the findings as shown; [] when no form is open."""
        if self.runner is None:
            return []
        self.finish_editing()
        self.checked = True
        self.runner.run_now()
        self.dock.flush()
        return self.findings

    def check_now(self) -> None:
        """检查 (F5): the explicit check, with its verdict in the status bar and the findings dock raised."""
        if self.runner is None:
            return
        findings = self.run_explicit_check()
        errors = sum(1 for f in findings if f.severity == Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
        if errors or warnings:
            self.dock.show()
            self.dock.raise_()
        telling.inform(self, self.tr("检查完成：错误 %1 处，警告 %2 处").replace("%1", str(errors)).replace("%2", str(warnings))
               if errors or warnings else self.tr("检查完成：没有发现问题"), 8000)

    def _on_validated(self, raw: list[Finding]) -> None:
        findings = self.findings = shown_while_filling(raw, self.checked)
        for page in self.tab_pages:
            page.apply_findings(findings)  # type: ignore[attr-defined]
        self.dock.schedule(findings)
        errors = sum(1 for f in findings if f.severity == Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
        pending = [f for f in findings if f.severity == Severity.PENDING]
        text = self.tr("错误 %1 · 警告 %2").replace("%1", str(errors)).replace("%2", str(warnings))
        if pending:
            text += " · " + self.tr("待填 %1 项").replace("%1", str(len(pending)))
        self.count_label.setText(text)
        if self.tabs is not None:
            show_progress(self.tabs, self.tab_pages, self.tab_titles, pending)
        if self.runner is not None:
            self.count_label.setToolTip(self.tr("检查用时 %1 毫秒").replace("%1", f"{self.runner.last_ms:.1f}"))
        self.validated.emit(findings)

    def open_path(self, path: Path, read_only: bool = False) -> bool:
        """Open a file as 打开 does (a .goal; a Word or Excel form is imported)."""
        return self.files.open_path(path, read_only=read_only)

    def navigate(self, location: Location) -> None:
        """Open only the tab a finding points at (one shown on the way would take the cursor), cursor on its place."""
        if self.tabs is None:
            return
        for i in [i for i, p in enumerate(self.tab_pages) if p.owns(location)] or range(len(self.tab_pages)):  # type: ignore[attr-defined]
            self.tabs.setCurrentIndex(i)
            if self.tab_pages[i].focus_location(location):  # type: ignore[attr-defined]
                return
        self.tabs.setCurrentIndex(0)

    def next_finding(self) -> None:
        if not self.findings:
            return
        self.dock.flush()
        row = (self.dock.list.currentRow() + 1) % len(self.findings)
        self.dock.list.setCurrentRow(row)
        self.navigate(self.findings[row].location)

    # -- title and save state ----------------------------------------------------------------------
    def _update_title(self) -> None:
        doc = self.doc
        app = QCoreApplication.translate("MainWindow", "部门整体绩效目标表")
        if doc is None:
            self.setWindowTitle(f"goalform — {app}")
            self.setWindowModified(False)
            self.save_label.setText("")
            return
        name = doc.path.name if doc.path else self.tr("未命名")
        suffix = self.tr("（只读）") if doc.read_only else ""
        self.setWindowTitle(f"{name}[*]{suffix} — goalform")
        self.setWindowModified(doc.is_dirty)
        if doc.read_only:
            self.save_label.setText(self.tr("只读 · 审核记录未保存") if doc.is_dirty else self.tr("只读"))
        elif doc.is_dirty:
            self.save_label.setText(self.tr("有未保存的修改"))
        else:
            self.save_label.setText(self.tr("已保存"))
        self.files.update_actions()

    def refresh_title(self) -> None:
        self._update_title()

    # -- geometry, closing, drops ------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self)
        state = self.settings.window_state()
        if state is not None:
            self._hidden_docks = []
            self.restoreState(state)  # the docks as they were with a form open
            if self.doc is None:
                self._show_docks(False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.doc is None:
            self._show_docks(True)  # remember the docks as they are with a form open
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.set_document(None)
        event.accept()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            # Open after the drop has finished, so message boxes do not run inside the drag.
            QTimer.singleShot(0, lambda: self.files.open_path(files[0]))

    def show_about(self) -> None:
        from goalform.ui.app.about import show_about  # the dialog's imports only when asked for

        show_about(self)
