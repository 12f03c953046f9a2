"""The main window as its parts see it: what the file, review, summary and comparison tools may ask
of the window that hosts them.

The parts are typed against this shape, not against :class:`goalform.ui.app.main_window.MainWindow`,
so that the window imports its parts and none of them imports the window back. The window builds
its menus and docks from what each part exposes (its actions, its menu, its dock).
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QDockWidget, QStatusBar, QTabWidget, QWidget

from goalform.domain.validation import Finding, Location
from goalform.store.document import Document
from goalform.ui.editor import FormEditor
from goalform.ui.findings.dock import FindingsDock
from goalform.ui.settings import Settings
from goalform.ui.findings.runner import ValidationRunner


class Shell(Protocol):
    doc: Document | None
    editor: FormEditor | None
    settings: Settings
    dock: FindingsDock  # 检查结果
    runner: ValidationRunner | None
    tabs: QTabWidget | None  # None while no form is open
    tab_pages: list[QWidget]
    document_changed: SignalInstance  # another document (or none) is shown
    validated: SignalInstance  # list[Finding], as shown
    tabs_built: SignalInstance  # list[QWidget]: tabs built after the first frame (goalform.ui.later_tabs)
    first_frame_pending: bool  # start-up: the form's first frame is still to come

    def set_document(self, doc: Document | None) -> None: ...

    def open_path(self, path: Path, read_only: bool = False) -> bool: ...

    def navigate(self, location: Location) -> None: ...

    def finish_editing(self) -> None: ...

    def run_explicit_check(self) -> list[Finding]: ...

    def refresh_title(self) -> None: ...

    # QMainWindow's own
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def centralWidget(self) -> QWidget: ...  # noqa: N802 - Qt's name

    def close(self) -> bool: ...

    def findChild(self, type_: type, name: str = "") -> object: ...  # noqa: N802 - Qt's name

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...  # noqa: N802 - Qt's name

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...  # noqa: N802 - Qt's name

    def removeDockWidget(self, dock: QDockWidget) -> None: ...  # noqa: N802 - Qt's name

    def dockWidgetArea(self, dock: QDockWidget) -> Qt.DockWidgetArea: ...  # noqa: N802 - Qt's name

    def resizeDocks(self, docks: list, sizes: list[int], orientation: Qt.Orientation) -> None: ...  # noqa: N802
