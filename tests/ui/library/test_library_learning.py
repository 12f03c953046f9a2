"""Learning a form's indicators when it is opened (issue 23, item 2): done in a thread of its own and
bounded, so a form of hundreds of 10,000-character indicators neither stalls the window nor grows
the library by megabytes."""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from goalform import assets
from goalform.domain.form import Indicator, new_form
from goalform.domain.library import SOURCE_MINE
from goalform.store.document import Document
from goalform.store.library import Library, default_path
from goalform.ui.indicators import delegates


def long_form(tmp_path: Path, count: int = 30) -> Path:
    template = assets.template("2024")
    form = new_form(template, template.first_year)
    form.department = "示例局"
    l2s = [l2 for l1 in form.annual for l2 in l1.children]
    for i in range(count):
        l2s[i % len(l2s)].children.append(Indicator(level=3, name=f"自创指标{i}" + "绩效目标完成" * 1666,
                                                    value="≥90%", category="定量"))
    l2s[0].children.append(Indicator(level=3, name="自创短指标", value="≥" + "9" * 3_000))
    path = tmp_path / "long.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


def test_learning_runs_beside_the_window_and_is_bounded(window, qtbot, tmp_path, monkeypatch) -> None:
    path = long_form(tmp_path)
    Library.open().close()
    size = default_path().stat().st_size
    threads: list[threading.Thread] = []
    real = Library.learn

    def learn(self, form, template, label):  # noqa: ANN001
        threads.append(threading.current_thread())
        return real(self, form, template, label)

    monkeypatch.setattr(Library, "learn", learn)
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.library.learning is not None and not window.library.learning.thread.is_alive())
    qtbot.waitUntil(lambda: "1 个新指标" in window.statusBar().currentMessage())
    assert threads and threads[0] is not threading.main_thread()
    mine = [e for e in window.library.index.entries if e.source == SOURCE_MINE]
    assert [e.name for e in mine] == ["自创短指标"] and len(mine[0].reference) <= 500
    assert default_path().stat().st_size - size < 200_000


def test_a_row_measures_only_the_start_of_a_long_name(window, qtbot, tmp_path, monkeypatch) -> None:
    assert window.open_path(long_form(tmp_path, count=3))
    page = next(p for p in window.tab_pages if getattr(p, "tree", None) == "annual")
    view = page.view
    model = view.model()
    measured: list[int] = []
    metrics_type = type(view.fontMetrics())
    real = metrics_type.horizontalAdvance

    def advance(self, text, *args):  # noqa: ANN001
        measured.append(len(text))
        return real(self, text, *args)

    monkeypatch.setattr(metrics_type, "horizontalAdvance", advance)
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    for r in range(model.rowCount()):
        l1 = model.index(r, 0)
        for r2 in range(model.rowCount(l1)):
            l2 = model.index(r2, 0, l1)
            for r3 in range(model.rowCount(l2)):
                assert isinstance(delegate.sizeHint(option, model.index(r3, 0, l2)), QSize)
    QApplication.processEvents()
    assert measured and max(measured) <= delegates.MEASURED_CHARS
