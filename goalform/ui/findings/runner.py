"""Revalidation after edits, off the keystroke path.

Every change of the document schedules one run on a short single-shot timer; further changes before
it fires are folded into the same run, so typing never waits for the rules. Each run's duration is
kept (``last_ms``) for the status bar's tooltip and the benchmark.

A run after edits of single cells (typing an amount, a field, a text section, an indicator's name,
value, basis, category or history values; their undo and redo; a paste over existing cells) does not
load the whole form again: the form of the last run takes the cells written from the document's caches
and only the rules those cells reach run (:class:`goalform.domain.validation.kept.KeptCheck`, after
:mod:`goalform.domain.validation.scope`); the other findings are kept. Anything else (rows inserted,
deleted or moved, review records, the year, a new library, the first run) loads and checks everything.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from goalform.domain.cells import FIELD, FUND, INDICATOR, TEXT, TOTAL, Cell
from goalform.domain.form import Form
from goalform.domain.validation import Finding
from goalform.store.document import Document

if TYPE_CHECKING:
    from goalform.domain.library import LibraryIndex
    from goalform.domain.validation.kept import KeptCheck

DEBOUNCE_MS = 0  # run as soon as the event loop is idle; coalesces a burst of edits
_SCOPES = {FUND: "amounts", TOTAL: "amounts", FIELD: "fields", TEXT: "fields", INDICATOR: "indicators"}


class ValidationRunner(QObject):
    finished = Signal(list)  # list[Finding]

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.findings: list[Finding] = []
        self._library: LibraryIndex | None = None
        self.last_ms = 0.0
        # What the last run checked: "all", or the kinds of cells it looked at again ("amounts",
        # "fields", "indicators", joined by "+").
        self.last_scope = "all"
        self._kept: KeptCheck | None = None  # the form of the last run with its findings
        self._written: set[Cell] = set()  # the cells written since the last run
        self._other = False  # something else changed since the last run
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

    @property
    def form(self) -> Form | None:
        """The form the last run checked (the document's content then; None after a new library)."""
        return self._kept.form if self._kept is not None else None

    @property
    def library(self) -> LibraryIndex | None:
        """The indicator library the rules consult (set by the library pane)."""
        return self._library

    @library.setter
    def library(self, library: LibraryIndex | None) -> None:
        self._library = library
        self._kept = None  # the library rules see the whole form again

    def follow(self, editor) -> None:  # noqa: ANN001 - a FormEditor (which imports the models, not this)
        """Revalidate after every write of ``editor``, knowing which cell it wrote."""
        editor.written.connect(self._on_written)

    def _on_written(self, cell: Cell | None) -> None:
        if cell is None:
            self._other = True
        else:
            self._written.add(cell)
        self.schedule()

    def schedule(self) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> list[Finding]:
        from goalform.domain.validation.kept import KeptCheck  # the rules: after the first frame

        self._timer.stop()
        start = time.perf_counter()
        written, other = self._written, self._other
        self._written, self._other = set(), False
        kept = self._kept
        if kept is not None and written and not other and self._take(kept, written) and kept.revalidate(written):
            self.last_scope = "+".join(sorted({_SCOPES[c.kind] for c in written}))
        else:
            self._kept = kept = KeptCheck(self.doc.load_form(), self.doc.template, self._library)
            self.last_scope = "all"
        self.findings = kept.findings
        self.last_ms = (time.perf_counter() - start) * 1000
        self.finished.emit(self.findings)
        return self.findings

    def _take(self, kept: KeptCheck, written: set[Cell]) -> bool:
        """Write the cells ``written`` into the kept form from the document's caches; False when one of
        them is not there to write (a full check follows)."""
        if any(c.kind != INDICATOR for c in written):
            self.doc.fill_cells(kept.form)  # fields, texts and amounts: a few dozen, no tree
        for cell in written:
            if cell.kind == INDICATOR:
                node = kept.node(cell.indicator_id)
                if node is None or cell.indicator_id is None:
                    return False
                node.set(cell.column, self.doc.node(cell.indicator_id).get(cell.column))
        return True
