"""The first frame of the main window: what start-up waits for, and what may wait until after it.

- ``after_first_paint`` runs a callback once the window's first frame is drawn (or after a fallback
  delay, should the window never be painted, e.g. started minimised): the start-up defers work
  the first frame does not need, such as the first validation of the opened form.
- GOALFORM_STARTUP_PROBE=1 (bench/bench_startup.py): ``report_first_paint`` prints
  ``goalform-painted <time.time()> <CPU seconds used>`` on stdout after the first frame, then quits.

The first Paint event of any widget of the window marks the frame being drawn; a zero-timer then
runs once the event loop is back, i.e. after the frame has been flushed to the screen. The callbacks
of one window run in the order they were registered (the probe, registered before the form is
opened, reports the frame before the first validation runs).
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window, self.done = window, False
        self.callbacks: list[Callable[[], None]] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def add(self, callback: Callable[[], None], fallback_ms: int) -> None:
        self.callbacks.append(callback)
        if fallback_ms:
            QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and not self.done and isinstance(obj, QWidget)
                and obj.window() is self.window):
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self.done:
            return
        self.done = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        _pending.pop(id(self.window), None)
        for callback in self.callbacks:
            callback()
        self.deleteLater()


_pending: dict[int, _FirstPaint] = {}  # window -> its callbacks not yet run


def after_first_paint(window: QWidget, callback: Callable[[], None], fallback_ms: int = 1000) -> None:
    """Run ``callback`` right after ``window`` is first painted (at the latest after ``fallback_ms``);
    the callbacks of one window run in the order they were registered."""
    waiting = _pending.get(id(window))
    if waiting is None or waiting.done:
        waiting = _pending[id(window)] = _FirstPaint(window)
    waiting.add(callback, fallback_ms)


def report_first_paint(window: QWidget) -> None:
    """Print the time of the first frame on stdout and quit (the start-up benchmark)."""
    def report() -> None:
        print(f"goalform-painted {time.time():.6f} {time.process_time():.6f}", flush=True)
        QApplication.quit()

    after_first_paint(window, report, fallback_ms=0)
