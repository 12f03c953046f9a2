"""The start page: what the window shows with no form open (at start, after 关闭).

新建 / 打开 / 导入 and the recently opened files, one click each, instead of an empty window beside an
empty 检查结果 panel (the window hides its docks while this page shows).

At start-up (app.start) the page is built only if the window is to show it (:class:`StartPageLater`):
a form opened from the command line replaces it before the first frame, so building it would be work
thrown away (~22 M instructions, bench/bench_startup.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from goalform.ui.files.actions import FileActions
    from goalform.ui.settings import Settings

PathRole = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    def __init__(self, files: "FileActions", settings: "Settings", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.files = files
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 3)
        outer.addStretch(1)
        column.addStretch(1)

        title = QLabel(self.tr("部门整体绩效目标表"), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        column.addWidget(title)
        subtitle = QLabel(self.tr("填写、检查、导出部门整体绩效目标表；审核收到的表格"), self)
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setStyleSheet("color: #555;")
        column.addWidget(subtitle)
        column.addSpacing(16)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, action in (("new", self.tr("新建表格…"), files.new_action),
                                   ("open", self.tr("打开表格…"), files.open_action),
                                   ("import", self.tr("导入 Word/Excel…"), files.import_action)):
            button = QPushButton(text, self)
            button.setObjectName(f"start_{name}")
            button.setMinimumWidth(160)
            button.setMinimumHeight(36)
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addSpacing(20)

        self.recent = QListWidget(self)
        self.recent.setObjectName("recent_files")
        self.recent.itemClicked.connect(self._open)
        self.recent.itemActivated.connect(self._open)
        recent_label = QLabel(self.tr("最近打开"), self)
        recent_label.setStyleSheet("font-weight: bold;")
        column.addWidget(recent_label)
        column.addWidget(self.recent, 2)
        self._fill_recent(settings.recent_files())

        hint = QLabel(self.tr("也可以把 .goal 文件或 Word、Excel 表格拖到这里打开"), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #666;")
        column.addWidget(hint)
        column.addStretch(1)

    def _fill_recent(self, files: list[str]) -> None:
        for name in files:
            path = Path(name)
            item = QListWidgetItem(f"{path.name}    —    {path.parent}", self.recent)
            item.setData(PathRole, name)
            item.setToolTip(name)
            if not path.exists():
                item.setText(f"{path.name}    —    {path.parent}    " + self.tr("（文件已不在）"))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
        if not files:
            item = QListWidgetItem(self.tr("（还没有打开过表格）"), self.recent)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _open(self, item: QListWidgetItem) -> None:
        name = item.data(PathRole)
        if name and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.files.open_path(Path(name))


class StartPageLater(QObject):
    """A starting window's start page, built only when it is to be seen: when a dialog is about to show
    in front of the window while no form is open (the crash recovery, 「已在别处打开」, an error opening
    the file: Qt blocks the window before it shows the dialog), or when the start is done without a
    form (:meth:`settle`, called by app.start). Watches the window's own events only, until settled."""

    def __init__(self, window: QMainWindow, files: "FileActions", settings: "Settings") -> None:
        super().__init__(window)
        self.window: QMainWindow | None = window
        self.files, self.settings = files, settings
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.WindowBlocked:
            self.settle()
        return False

    def settle(self) -> None:
        """Build the start page if the window shows nothing yet (no form open); then stop watching."""
        window, self.window = self.window, None
        if window is None:
            return
        window.removeEventFilter(self)
        if window.centralWidget() is None:
            window.setCentralWidget(StartPage(self.files, self.settings, window))
        self.deleteLater()
