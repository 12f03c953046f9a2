"""The main window: menus, toolbar, status bar, the tabs of the form and the findings dock.

The window shows one Document at a time through a FormEditor; file handling lives in
:mod:`goalform.ui.file_actions`, each tab in :mod:`goalform.ui.tabs`.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from goalform.domain.validation import Finding, Location, Severity
from goalform.store.document import Document
from goalform.ui.editor import FormEditor
from goalform.ui.file_actions import FileActions
from goalform.ui.findings_dock import FindingsDock
from goalform.ui.library_actions import install as install_library
from goalform.ui.review_actions import install as install_review
from goalform.ui.settings import Settings
from goalform.ui.tabs.funds_tab import FundsTab
from goalform.ui.tabs.header_tab import HeaderTab
from goalform.ui.tabs.indicators_tab import IndicatorsTab
from goalform.ui.tabs.instructions_tab import InstructionsTab, has_instructions
from goalform.ui.tabs.texts_tab import TextsTab
from goalform.ui.validation_runner import ValidationRunner
from goalform.ui.widgets import FINDING_STYLE

READ_ONLY_STYLE = "background: #fff3c4; color: #5a4500; padding: 6px; border-bottom: 1px solid #d8b84a;"


class MainWindow(QMainWindow):
    document_changed = Signal()
    validated = Signal(list)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings or Settings()
        self.doc: Document | None = None
        self.editor: FormEditor | None = None
        self.runner: ValidationRunner | None = None
        self.tabs: QTabWidget | None = None
        self.tab_pages: list[QWidget] = []
        self.findings: list[Finding] = []
        self.setStyleSheet(FINDING_STYLE)
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 600)
        self.resize(1280, 720)

        self.files = FileActions(self)
        self.dock = FindingsDock(self)
        self.dock.location_activated.connect(self.navigate)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._build_status_bar()
        self._build_menus()
        self.review = install_review(self)  # 审核 menu and dock, 汇总文件夹… (goalform.ui.review_actions)
        self.library = install_library(self)  # 指标库 dock and actions (goalform.ui.library_actions)
        self._show_welcome()
        self.files.update_actions()  # nothing open yet: 保存, 导出, 打印 … wait for a document
        self._restore_geometry()
        self._update_title()

    # -- building ----------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("finding_count")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("save_state")
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.save_label)

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
        file_menu.addAction(f.close_action)
        file_menu.addAction(f.quit_action)

        self.edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = QAction(self.tr("撤销"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.redo_action = QAction(self.tr("重做"), self)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.insert(0, QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.setEnabled(False)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.revalidate_action = QAction(self.tr("重新检查"), self)
        self.revalidate_action.setShortcut(QKeySequence("F5"))
        self.revalidate_action.triggered.connect(lambda: self.runner and self.runner.run_now())
        self.edit_menu.addAction(self.revalidate_action)

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

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于 goalform"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (f.new_action, f.open_action, f.save_action, None, self.undo_action, self.redo_action, None,
                       f.export_action, f.print_action):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _show_welcome(self) -> None:
        page = QWidget(self)
        page.setObjectName("welcome")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(self.tr("部门整体绩效目标表"), page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        layout.addWidget(title)
        for text, action in ((self.tr("新建表格…"), self.files.new_action), (self.tr("打开表格…"), self.files.open_action)):
            button = QPushButton(text, page)
            button.setMinimumWidth(240)
            button.clicked.connect(action.trigger)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        hint = QLabel(self.tr("也可以把 .goal 文件拖到这里打开"), page)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        layout.addStretch(2)
        self.setCentralWidget(page)
        self.tabs = None
        self.tab_pages = []
        self.count_label.setText("")
        self.findings = []
        self.dock.show_no_document()

    # -- the document ------------------------------------------------------------------------------
    def set_document(self, doc: Document | None) -> None:
        """Show ``doc`` (the caller has already dealt with unsaved work in the previous one)."""
        old = self.doc
        self.finish_editing()
        if self.editor is not None:
            self.undo_action.triggered.disconnect()
            self.redo_action.triggered.disconnect()
            self.editor.deleteLater()
        if self.runner is not None:
            self.runner.deleteLater()
        self.doc, self.editor, self.runner = doc, None, None
        if old is not None and old is not doc:
            old.close()
        if doc is None:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            self._show_welcome()
        else:
            self._build_document_view(doc)
        self.files.update_actions()
        self._update_title()
        self.document_changed.emit()

    def _build_document_view(self, doc: Document) -> None:
        editor = self.editor = FormEditor(doc, self)
        stack = editor.undo_stack
        self.undo_action.triggered.connect(stack.undo)
        self.redo_action.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_action.setText(self.tr("撤销"))
        self.redo_action.setText(self.tr("重做"))

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        if doc.read_only:
            banner = QLabel(self.tr("只读：此表格以只读方式打开，不能修改。需要修改时请用「文件 → 另存为」保存副本后再打开。"), page)
            banner.setObjectName("read_only_banner")
            banner.setWordWrap(True)
            banner.setStyleSheet(READ_ONLY_STYLE)
            layout.addWidget(banner)
        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        names = self.settings.indicator_names
        pages: list[tuple[QWidget, str]] = [
            (HeaderTab(editor), self.tr("基本信息")),
            (FundsTab(editor), self.tr("资金情况")),
            (TextsTab(editor), self.tr("职能与任务")),
            (IndicatorsTab(editor, "long_term", names), self.tr("长期目标")),
            (IndicatorsTab(editor, "annual", names), self.tr("年度目标")),
        ]
        if has_instructions(doc.template):
            pages.append((InstructionsTab(doc.template), self.tr("填报说明")))
        self.tab_pages = [p for p, _ in pages]
        self.tab_actions_menu.clear()
        for i, (widget, title) in enumerate(pages):
            self.tabs.addTab(widget, title)
            action = self.tab_actions_menu.addAction(title)
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.tabs and self.tabs.setCurrentIndex(i))
        self.setCentralWidget(page)

        self.runner = ValidationRunner(doc, self)
        self.runner.finished.connect(self._on_validated)
        editor.changed.connect(self.runner.schedule)
        editor.changed.connect(self._update_title)
        editor.saved_state_changed.connect(self._update_title)
        self.runner.run_now()
        self.dock.flush()  # a newly opened form shows its findings at once

    def finish_editing(self) -> None:
        """Commit any cell still being edited, so nothing typed is left out of a save."""
        for page in self.tab_pages:
            finish = getattr(page, "finish_editing", None)
            if finish is not None:
                finish()

    def _on_undo_text(self, name: str) -> None:
        """「撤销 修改指标值」: the 编辑 menu names the step it will take back."""
        verb = self.tr("撤销")
        self.undo_action.setText(f"{verb} {name}" if name else verb)

    def _on_redo_text(self, name: str) -> None:
        verb = self.tr("重做")
        self.redo_action.setText(f"{verb} {name}" if name else verb)

    # -- validation --------------------------------------------------------------------------------
    def _on_validated(self, findings: list[Finding]) -> None:
        self.findings = findings
        for page in self.tab_pages:
            page.apply_findings(findings)  # type: ignore[attr-defined]
        self.dock.schedule(findings)
        errors = sum(1 for f in findings if f.severity == Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
        self.count_label.setText(self.tr("错误 %1 · 警告 %2").replace("%1", str(errors)).replace("%2", str(warnings)))
        if self.runner is not None:
            self.count_label.setToolTip(self.tr("检查用时 %1 毫秒").replace("%1", f"{self.runner.last_ms:.1f}"))
        self.validated.emit(findings)

    def navigate(self, location: Location) -> None:
        """Open the tab a finding points at and put the cursor on its field, cell or row."""
        if self.tabs is None:
            return
        for i, page in enumerate(self.tab_pages):
            self.tabs.setCurrentIndex(i)
            if page.focus_location(location):  # type: ignore[attr-defined]
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
            self.save_label.setText(self.tr("只读"))
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
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.files.maybe_save():
            event.ignore()
            return
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
        try:
            from goalform.ui.about import show_about
        except ImportError:
            from PySide6.QtWidgets import QMessageBox

            from goalform import __version__

            QMessageBox.about(self, self.tr("关于 goalform"),
                              self.tr("goalform %1\n部门整体绩效目标表的填报、检查与导出。").replace("%1", __version__))
            return
        show_about(self)
