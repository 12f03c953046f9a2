"""How a `goalform` process ends after a command (goalform.cli.entry): without tearing the interpreter
down, but with its exit code, everything it printed (however much, through a pipe) and the atexit
handlers run; the PDF export's file is complete."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers.valid_forms import valid_form

from goalform.store import Document

ROOT = Path(__file__).resolve().parents[2]
RUN = """
import atexit, sys
atexit.register(lambda: print("atexit ran", file=sys.stderr))
sys.argv = ["goalform", *sys.argv[1:]]
from goalform.cli import entry
entry()
print("never here", file=sys.stderr)
"""


def _goalform(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, GOALFORM_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, cwd=ROOT, env=env, timeout=120)


def test_a_command_ends_with_its_code_its_whole_output_and_the_atexit_handlers(tmp_path: Path) -> None:
    form, _ = valid_form("2026")
    form.texts = {key: "文" * 20_000 for key in form.texts}  # (stdout is a pipe: block-buffered, much of it)
    path = tmp_path / "form.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    shown = _goalform("show", str(path), data=tmp_path / "data")
    assert shown.returncode == 0
    out = shown.stdout.decode("utf-8")
    assert out.count("文") >= 20_000 * len(form.texts) and out.endswith("\n")
    assert shown.stderr.decode("utf-8").splitlines() == ["atexit ran"]

    missing = _goalform("show", str(tmp_path / "missing.goal"), data=tmp_path / "data")
    err = missing.stderr.decode("utf-8").splitlines()
    assert missing.returncode == 2 and len(err) == 2 and err[1] == "atexit ran" and "找不到" in err[0]


def test_a_pdf_export_is_complete_when_the_process_has_ended(tmp_path: Path) -> None:
    form, _ = valid_form("2026")
    path = tmp_path / "form.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    done = _goalform("export", str(path), "-o", str(tmp_path / "out.pdf"), data=tmp_path / "data")
    assert done.returncode == 0, done.stderr.decode("utf-8")
    data = (tmp_path / "out.pdf").read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert done.stderr.decode("utf-8").splitlines()[-1] == "atexit ran"
