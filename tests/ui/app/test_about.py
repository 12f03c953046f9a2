"""The 关于 dialog: version from the metadata, build info, versions, copy to clipboard."""
from __future__ import annotations

import sys
import types

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QDialog

import goalform
from goalform.ui.app import about


def test_shows_version_and_source_checkout(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "goalform._build", None)
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    assert goalform.__version__ in dialog.version_label.text()
    assert dialog.build_label.text() == "源代码运行，未打包"
    assert dialog.windowTitle() == "关于 goalform"


def test_shows_build_date_and_commit(qtbot, monkeypatch):
    build = types.ModuleType("goalform._build")
    build.DATE, build.COMMIT, build.PLATFORM = "2026-11-25T20:41:07Z", "abc1234", "win32-x86_64"
    monkeypatch.setitem(sys.modules, "goalform._build", build)
    monkeypatch.setattr(goalform, "_build", build, raising=False)
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    assert "2026-11-25 20:41 UTC" in dialog.build_label.text() and "abc1234" in dialog.build_label.text()
    assert "构建平台 win32-x86_64" in about.details_text()


def test_copy_puts_the_details_on_the_clipboard(qtbot):
    dialog = about.AboutDialog()
    qtbot.addWidget(dialog)
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, PySide6.QtCore.Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied == about.details_text()
    assert f"goalform {goalform.__version__}" in copied and f"Qt {qVersion()}" in copied
    assert f"PySide6 {PySide6.__version__}" in copied


def test_show_about_runs_modally_over_the_parent(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMainWindow

    parent = QMainWindow()
    qtbot.addWidget(parent)
    shown = []

    def fake_exec(self):  # exec() would block the test
        shown.append((self.parent(), self.windowTitle(), self.windowIcon().isNull()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(about.AboutDialog, "exec", fake_exec)
    about.show_about(parent)
    assert shown == [(parent, "关于 goalform", False)]
