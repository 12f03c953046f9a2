"""The 关于 (About) dialog: name, version, build and the Qt/PySide/Python versions, copyable for IT."""
from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from goalform.buildinfo import build_info, describe_build
from goalform.ui.app.appicon import app_icon


def details_text() -> str:
    """The plain-text facts shown in the dialog (and copied by its 复制 button)."""
    info = build_info()
    return "\n".join([
        f"goalform {info.version}",
        describe_build(info),
        f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {platform.python_version()}",
        f"{platform.system()} {platform.release()} ({platform.machine()})"
        + (f" · 构建平台 {info.platform}" if info.platform else ""),
    ])


class AboutDialog(QDialog):
    """Modal 关于 dialog; ``show_about`` is the entry point the main window calls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("关于 goalform"))
        self.setWindowIcon(app_icon())
        info = build_info()

        icon = QLabel()
        icon.setPixmap(self.windowIcon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        title = QLabel(f"<b style='font-size:14pt'>goalform</b><br>{self.tr('部门整体绩效目标表 填报与审核')}")
        self.version_label = QLabel(self.tr("版本 %1").replace("%1", info.version))
        self.version_label.setObjectName("version")
        self.build_label = QLabel(describe_build(info))
        self.build_label.setObjectName("build")
        runtime = QLabel(f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {platform.python_version()}")
        for label in (self.version_label, self.build_label, runtime):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text = QVBoxLayout()
        for widget in (title, self.version_label, self.build_label, runtime):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("复制信息"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the facts on the clipboard, for a message to IT support."""
        QGuiApplication.clipboard().setText(details_text())


def show_about(parent: QWidget | None) -> None:
    """Show the 关于 dialog modally over ``parent`` (帮助 → 关于)."""
    AboutDialog(parent).exec()
