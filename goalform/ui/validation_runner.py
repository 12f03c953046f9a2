"""Revalidation after edits, off the keystroke path.

Every change of the document schedules one run on a short single-shot timer; further changes before
it fires are folded into the same run, so typing never waits for the rules. Each run's duration is
kept (``last_ms``) for the status bar's tooltip and the benchmark.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from goalform.domain.library import LibraryIndex
from goalform.domain.validation import Finding
from goalform.domain.validation.library import validate_against
from goalform.store.document import Document

DEBOUNCE_MS = 0  # run as soon as the event loop is idle; coalesces a burst of edits


class ValidationRunner(QObject):
    finished = Signal(list)  # list[Finding]

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.findings: list[Finding] = []
        self.library: LibraryIndex | None = None  # the indicator library the rules consult (set by the library pane)
        self.last_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

    def schedule(self) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> list[Finding]:
        self._timer.stop()
        start = time.perf_counter()
        self.findings = validate_against(self.doc.load_form(), self.doc.template, self.library)
        self.last_ms = (time.perf_counter() - start) * 1000
        self.finished.emit(self.findings)
        return self.findings
