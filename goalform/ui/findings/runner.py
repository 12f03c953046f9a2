"""Revalidation after edits, off the keystroke path.

Every change of the document schedules one run on a short single-shot timer; further changes before
it fires are folded into the same run, so typing never waits for the rules. Each run's duration is
kept (``last_ms``) for the status bar's tooltip and the benchmark.

A run after edits that only wrote amounts (typing in the 资金情况 table, a paste there) does not
load the whole form again: the form of the last run takes the new amounts from the document's cache
and only the rules that read amounts run (goalform.domain.validation.scope); the other findings are
kept. Any other change, a new library or the first run loads and checks everything.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from goalform.domain.form import Form
from goalform.domain.library import LibraryIndex
from goalform.domain.validation import Finding
from goalform.domain.validation.library import validate_against
from goalform.domain.validation.scope import AMOUNT_RULES
from goalform.store.document import Document

DEBOUNCE_MS = 0  # run as soon as the event loop is idle; coalesces a burst of edits


class ValidationRunner(QObject):
    finished = Signal(list)  # list[Finding]

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.findings: list[Finding] = []
        self._library: LibraryIndex | None = None
        self.last_ms = 0.0
        self.last_scope = "all"  # what the last run checked: "all" or "amounts"
        self._form: Form | None = None  # the form of the last run, while only amounts have changed since
        self._changes = self._amount_writes = 0  # since the last run
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

    @property
    def form(self) -> Form | None:
        """The form the last run checked (the document's content then; None after a new library)."""
        return self._form

    @property
    def library(self) -> LibraryIndex | None:
        """The indicator library the rules consult (set by the library pane)."""
        return self._library

    @library.setter
    def library(self, library: LibraryIndex | None) -> None:
        self._library = library
        self._form = None  # the library rules see the whole form again

    def follow(self, editor) -> None:  # noqa: ANN001 - a FormEditor (which imports the models, not this)
        """Revalidate after every write of ``editor``, telling amounts from everything else."""
        editor.changed.connect(self._on_change)
        editor.fund_changed.connect(self._on_amount)

    def _on_change(self) -> None:
        self._changes += 1
        self.schedule()

    def _on_amount(self, _line: str, _column: str) -> None:
        self._amount_writes += 1

    def schedule(self) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> list[Finding]:
        self._timer.stop()
        start = time.perf_counter()
        form = self._form
        if form is not None and self._changes and self._changes == self._amount_writes:
            self.doc.fill_funds(form)  # each amount write was one change of the document
            self.findings = validate_against(form, self.doc.template, self._library, only=AMOUNT_RULES,
                                             keep=self.findings)
            self.last_scope = "amounts"
        else:
            self._form = form = self.doc.load_form()
            self.findings = validate_against(form, self.doc.template, self._library)
            self.last_scope = "all"
        self._changes = self._amount_writes = 0
        self.last_ms = (time.perf_counter() - start) * 1000
        self.finished.emit(self.findings)
        return self.findings
