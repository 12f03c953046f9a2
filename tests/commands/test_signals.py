"""Issue 23 item 5: Ctrl+C, SIGTERM and SIGHUP at any moment end a command with one line and exit
130, 143 or 129 (goalform.signals), never a traceback, never a 「已损坏」 or 「用时超过 30 秒」 verdict on
a file that was only interrupted; ``summarize`` stops at once."""
from __future__ import annotations

import contextlib
import copy
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.reference_forms import read_reference

from goalform.cli import main
from goalform.store import Document, database

posix_signals = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")


def _goal(path: Path) -> Path:
    with Document.from_form(copy.deepcopy(read_reference("2026").form)) as doc:
        doc.save(path)
    return path


def _signal_inside_sqlite(monkeypatch, signum: int) -> list[int]:
    """The signal arrives while SQLite checks the file (inside the time budget's progress handler,
    where SQLite turns it into an "interrupted" error). Returns the list of checks begun (1) and of
    signals sent (0)."""
    begun: list[int] = []

    @contextlib.contextmanager
    def interrupted_budget(conn, seconds=None):  # noqa: ANN001
        begun.append(1)

        def progress() -> int:
            if 0 not in begun:
                begun.append(0)
                os.kill(os.getpid(), signum)
                return 0  # as the real budget: the signal's handler raises in here
            return 0

        conn.set_progress_handler(progress, 10)
        try:
            yield
        finally:
            conn.set_progress_handler(None, 0)

    monkeypatch.setattr(database, "budget", interrupted_budget)
    return begun


@posix_signals
@pytest.mark.parametrize(("name", "code", "words"), [("SIGINT", 130, "已中断"), ("SIGTERM", 143, "结束信号"),
                                                     ("SIGHUP", 129, "终端已关闭")])
def test_an_interrupted_read_is_not_a_damaged_file(tmp_path: Path, monkeypatch, capsys, name, code, words) -> None:
    form = _goal(tmp_path / "a.goal")
    _signal_inside_sqlite(monkeypatch, getattr(signal, name))
    assert main(["show", str(form)]) == code
    err = capsys.readouterr().err
    assert err.strip() == f"goalform: {err.strip()[len('goalform: '):]}" and len(err.strip().splitlines()) == 1
    assert words in err and "损坏" not in err and "超过" not in err and "Traceback" not in err


@posix_signals
def test_summarize_stops_at_once(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = tmp_path / "收到"
    folder.mkdir()
    for i in range(5):
        _goal(folder / f"{i}.goal")
    out = tmp_path / "汇总.xlsx"
    begun = _signal_inside_sqlite(monkeypatch, signal.SIGINT)
    assert main(["summarize", str(folder), "-o", str(out)]) == 130
    err = capsys.readouterr().err
    assert err.startswith("goalform: 已中断") and len(err.strip().splitlines()) == 1
    assert "未汇总" not in err and not out.exists()
    assert begun.count(0) == 1 and begun.count(1) == 1  # no other file was read after the signal


def test_a_signal_while_goalform_loads_is_one_line(tmp_path: Path) -> None:
    """Before the command runs (while its modules are imported) a signal still ends with one line."""
    code = ("import os, signal\n"
            "import goalform.cli\n"  # installs the handlers first of all
            "os.kill(os.getpid(), signal.SIGINT)\n"
            "import goalform.store.document\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "GOALFORM_DATA_DIR": str(tmp_path)})
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("goalform: 已中断")
    assert proc.returncode == 130
