"""GOALFORM_QUIT_AFTER_SHOW=1: the launcher shows its window, then quits (bundle smoke tests use it)."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer

from goalform.ui.app import app as app_module
from goalform.ui.app import launcher
from goalform.ui.app import unexpected_error
from goalform.ui.app.main_window import MainWindow
from goalform.ui.app.appicon import app_icon


class ShowSpy(QObject):
    """Records every top-level window that receives a Show event."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and obj.isWidgetType() and obj.isWindow():
            self.shown.append(obj.metaObject().className())
        return False


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's notice on show
def test_launcher_shows_the_window_then_returns(qapp, monkeypatch):
    monkeypatch.setenv("GOALFORM_QUIT_AFTER_SHOW", "1")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    spy = ShowSpy()
    qapp.installEventFilter(spy)
    watchdog = QTimer()  # if the launcher ignored the variable, app.exec() would never return
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(qapp.quit)
    watchdog.start(10_000)
    try:
        assert launcher.main([]) == 0  # returns instead of waiting for the user
    finally:
        qapp.removeEventFilter(spy)
    assert watchdog.isActive(), "the launcher did not quit by itself after showing its window"
    watchdog.stop()
    assert spy.shown, "no window was shown"
    assert sys.excepthook is unexpected_error.report, "errors in slots would go unseen without a console"
    assert not qapp.windowIcon().isNull(), (
        "the application has no icon: call app.setWindowIcon(goalform.ui.app.appicon.app_icon()) "
        "where the QApplication is created")


def test_app_icon_has_every_size(qapp):
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_startup_probe_prints_the_first_frame_and_quits(qapp, monkeypatch, capsys, saved_reference):
    monkeypatch.setenv("GOALFORM_STARTUP_PROBE", "1")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start() installs its own; restored after
    before = set(qapp.topLevelWidgets())
    try:
        assert app_module.start(saved_reference) == 0  # returns: the probe quit the event loop
    finally:
        for widget in set(qapp.topLevelWidgets()) - before:  # start()'s window, as the user would close it
            if isinstance(widget, MainWindow):
                widget.set_document(None)
            widget.close()
            widget.deleteLater()
    lines = [l for l in capsys.readouterr().out.splitlines() if l.startswith("goalform-painted ")]
    assert len(lines) == 1
    _, wall, cpu = lines[0].split()
    assert float(wall) > 1e9 and 0 < float(cpu) < 600
