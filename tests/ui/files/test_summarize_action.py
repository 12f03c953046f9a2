"""文件 → 汇总文件夹…: a folder of forms and a broken file, summarised in a worker behind a progress
dialog; the .xlsx read back; cancelling writes nothing."""
from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from helpers.valid_forms import valid_form

from goalform.formats.summary_xlsx import SHEET_FORMS, SHEET_UNREADABLE
from goalform.store.document import Document
from goalform.ui.files.summarize_worker import SummarizeWorker


def save(form, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Document.from_form(form) as doc:
        doc.save(path)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "收件"
    for name, department, version in (("a.goal", "甲局", "2026"), ("b.goal", "乙局", "2024"),
                                      ("子目录/c.goal", "丙局", "2026")):
        form, _ = valid_form(version)
        form.department = department
        save(form, folder / name)
    (folder / "坏.goal").write_bytes(b"not a database" * 50)
    return folder


class Reports:
    def __init__(self, monkeypatch, folder: Path | None, output: Path | None) -> None:
        self.boxes: list[tuple[str, str]] = []
        self.buttons: list[list[str]] = []
        monkeypatch.setattr("goalform.ui.files.summarize.QFileDialog.getExistingDirectory",
                            lambda *a, **k: str(folder) if folder else "")
        monkeypatch.setattr("goalform.ui.files.summarize.QFileDialog.getSaveFileName",
                            lambda *a, **k: (str(output) if output else "", ""))
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))
        monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: self.boxes.append((text, "")) or 0)

    def _exec(self, box: QMessageBox) -> int:
        self.boxes.append((box.text(), box.detailedText()))
        self.buttons.append([b.text() for b in box.buttons()])
        return 0


def wait_for(predicate, timeout: float = 30.0) -> None:
    """Process events until ``predicate()``, sleeping a little each round.

    The sleep matters: once a QApplication.exec() has returned in this process (the launcher test
    does that), the worker thread was observed to make no progress during qtbot's waits (the main
    thread keeps the GIL); a sleep hands it over. The application's own exec() lets the worker
    run (measured: 10 forms in 0.06 s).
    """
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)
        QApplication.processEvents()


def file_menu_action(window, name: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.objectName() == name)


def test_summarize_a_folder_from_the_file_menu(window, qtbot, monkeypatch, folder, tmp_path):
    output = tmp_path / "汇总"  # the .xlsx suffix is added
    reports = Reports(monkeypatch, folder, output)
    action = file_menu_action(window, "summarize")
    assert action.text() == "汇总文件夹…"
    action.trigger()
    assert not action.isEnabled()  # one run at a time
    wait_for(lambda: bool(reports.boxes))
    wait_for(action.isEnabled)
    text, details = reports.boxes[0]
    written = tmp_path / "汇总.xlsx"
    assert "已汇总 3 张表" in text and str(written) in text
    assert "1 个文件未能汇总" in text and "坏.goal" in text and "坏.goal" in details
    assert "打开汇总表" in reports.buttons[0]

    book = openpyxl.load_workbook(written)
    forms = book[SHEET_FORMS]
    header = [c.value for c in forms[1]]
    department = header.index(next(h for h in header if h and "部门" in h))
    listed = {row[department].value for row in forms.iter_rows(min_row=2) if row[department].value}
    assert {"甲局", "乙局", "丙局"} <= listed
    unreadable = [[c.value for c in row] for row in book[SHEET_UNREADABLE].iter_rows(min_row=2)]
    assert any("坏.goal" in str(row[0]) and row[1] for row in unreadable)


def test_many_unreadable_files_are_listed_first_then_counted(window, qtbot, monkeypatch, folder, tmp_path):
    """The report names the first eight unreadable files and counts the rest; its details name them all."""
    for i in range(10):  # with 坏.goal, eleven
        (folder / f"坏{i:02}.goal").write_bytes(b"not a database" * 50)
    reports = Reports(monkeypatch, folder, tmp_path / "汇总.xlsx")
    file_menu_action(window, "summarize").trigger()
    wait_for(lambda: bool(reports.boxes))
    text, details = reports.boxes[0]
    assert "11 个文件未能汇总" in text
    listed = [line for line in text.splitlines() if line.startswith("坏")]
    assert len(listed) == 8 and text.splitlines()[-1] == "……另有 3 个文件"
    assert sum(1 for line in details.splitlines() if "坏" in Path(line.partition("：")[0]).name) == 11


def test_a_folder_without_forms_writes_nothing(window, qtbot, monkeypatch, tmp_path):
    empty = tmp_path / "空"
    empty.mkdir()
    (empty / "说明.docx").write_bytes(b"PK")
    output = tmp_path / "汇总.xlsx"
    reports = Reports(monkeypatch, empty, output)
    file_menu_action(window, "summarize").trigger()
    wait_for(lambda: bool(reports.boxes))
    assert "没有 goalform 表格" in reports.boxes[0][0] and "说明.docx" in reports.boxes[0][1]
    assert not output.exists() and "打开汇总表" not in reports.buttons[0]


def test_cancelling_the_folder_question_does_nothing(window, monkeypatch, tmp_path):
    reports = Reports(monkeypatch, None, None)
    file_menu_action(window, "summarize").trigger()
    assert window.review.summarize.worker is None and reports.boxes == []


def test_a_cancelled_run_writes_nothing(qtbot, folder, tmp_path):
    output = tmp_path / "汇总.xlsx"
    worker = SummarizeWorker(folder, output)
    worker.cancel()  # the user pressed 取消 before the first file
    results = []
    worker.succeeded.connect(results.append)
    worker.start()
    wait_for(lambda: bool(results))
    worker.wait()
    result = results[0]
    assert result.cancelled and result.summaries == [] and not worker.written
    assert not output.exists()


def test_the_progress_dialogs_cancel_button_stops_the_worker(window, qtbot, monkeypatch, folder, tmp_path):
    reports = Reports(monkeypatch, folder, tmp_path / "汇总.xlsx")
    summarize = window.review.summarize
    worker = summarize.start(folder, tmp_path / "汇总.xlsx")
    cancel = summarize.progress.findChild(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    assert worker._cancel
    wait_for(lambda: bool(reports.boxes))
    text = reports.boxes[0][0]
    # Either the worker saw the cancel (nothing written) or it had already finished all files.
    assert ("已取消" in text and not (tmp_path / "汇总.xlsx").exists()) or "已汇总 3 张表" in text


def test_an_unwritable_output_is_reported(window, qtbot, monkeypatch, folder, tmp_path):
    blocked = tmp_path / "汇总.xlsx"
    blocked.mkdir()  # a folder where the file should go: the write fails
    reports = Reports(monkeypatch, folder, blocked)
    file_menu_action(window, "summarize").trigger()
    wait_for(lambda: bool(reports.boxes))
    assert reports.boxes[0][0].startswith(f"无法写入汇总表「{blocked}」")
    assert blocked.is_dir()


def test_closing_the_window_waits_for_the_worker(window, qtbot, monkeypatch, folder, tmp_path):
    Reports(monkeypatch, folder, tmp_path / "汇总.xlsx")
    worker = window.review.summarize.start(folder, tmp_path / "汇总.xlsx")
    window.close()
    assert worker.isFinished() and worker._cancel
