"""GUI fixtures: a main window per test, documents built through the store's API."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.reference_forms import reference_form
from helpers.ui import shown_window

from goalform import assets
from goalform.store.document import Document


@pytest.fixture(autouse=True)
def _chinese(monkeypatch):
    """The GUI in its own language whatever this machine's locale (the launcher reads it)."""
    monkeypatch.setenv("GOALFORM_LANG", "zh")


@pytest.fixture
def window(qtbot):
    with shown_window(qtbot) as win:
        yield win


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """The texts of the warning boxes shown (instead of showing them): every one goes through
    goalform.ui.telling.warn."""
    from goalform.ui import telling

    shown: list[str] = []
    monkeypatch.setattr(telling, "warn", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def saved_reference(tmp_path: Path) -> Path:
    """The 2026 reference form saved as a .goal."""
    path = tmp_path / "reference-2026.goal"
    doc = Document.from_form(reference_form("2026"))
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def blank_doc() -> Document:
    return Document.new(assets.template("2026"), 2026)


@pytest.fixture
def funds(window, blank_doc):
    """The window on the 资金情况 tab of a blank 2026 form."""
    from PySide6.QtWidgets import QApplication

    window.set_document(blank_doc)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    return window
