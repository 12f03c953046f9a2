"""Issue 13, defect 1: processes saving one .goal at once never lose an edit they reported as saved,
and the file is a valid .goal at every moment."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goalform import assets
from goalform.store import Document, read_form

# One worker: ROUNDS comments through the real CLI entry (read-modify-write under the save lock),
# interleaved with GUI-style saves (open, edit, save later; ChangedOnDisk is a refusal, not a loss).
WORKER = r"""
import io, json, sys, contextlib
from goalform.cli import main
from goalform.store import ChangedOnDisk, Document, StoreError
path, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
saved, refused = [], []
for r in range(rounds):
    text = f"{name}-{r}"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["review", path, "--comment", text, "--who", name])
    if code == 0:
        saved.append(text)
    else:
        assert code == 2 and err.getvalue().count("\n") == 1, (code, err.getvalue())
        refused.append(text)
    if r % 5 == 4:  # a GUI-style save: the check for a change by someone else decides
        try:
            with Document.open(path) as doc:
                doc.add_comment("form", text + "-gui", name)
                doc.save()
            saved.append(text + "-gui")
        except ChangedOnDisk:
            refused.append(text + "-gui")
print(json.dumps({"saved": saved, "refused": refused}))
"""

WORKERS = 4
ROUNDS = 25  # 4 x 25 = 100 commenting saves, plus 20 GUI-style ones


@pytest.mark.slow
def test_four_processes_commenting_at_once_keep_every_saved_comment(tmp_path: Path) -> None:
    path = tmp_path / "shared.goal"
    with Document.new(assets.template("2026")) as doc:
        doc.set_field("department", "并发局")
        doc.save(path)
    env = dict(os.environ, GOALFORM_DATA_DIR=str(tmp_path / "data"))
    started = time.monotonic()
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(path), f"w{i}", str(ROUNDS)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for i in range(WORKERS)]
    sizes = []
    while any(w.poll() is None for w in workers):  # the file is never empty or half-written meanwhile
        sizes.append(path.stat().st_size)
        read_form(path)
        time.sleep(0.05)
    saved: list[str] = []
    refused: list[str] = []
    for w in workers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
        report = json.loads(out)
        saved += report["saved"]
        refused += report["refused"]
    with Document.open(path, read_only=True) as doc:
        comments = {c.text for c in doc.comments()}
    lost = [t for t in saved if t not in comments]
    assert lost == []  # nothing reported as saved is missing
    assert all(t not in comments for t in refused)  # and nothing refused slipped in
    # The CLI comments hold the lock from reading to saving: all of them get in.
    assert len([t for t in saved if not t.endswith("-gui")]) == WORKERS * ROUNDS
    assert min(sizes or [1]) > 0
    assert not [p.name for p in tmp_path.iterdir() if p.name not in ("shared.goal", "data")]
    assert time.monotonic() - started < 120


@pytest.mark.slow
def test_two_real_cli_processes_at_once_both_keep_their_comment(tmp_path: Path) -> None:
    """The case of the report: two `goalform review FILE --comment` started together, several rounds."""
    path = tmp_path / "two.goal"
    with Document.new(assets.template("2024")) as doc:
        doc.save(path)
    env = dict(os.environ, GOALFORM_DATA_DIR=str(tmp_path / "data"))
    for r in range(5):
        procs = [subprocess.Popen([sys.executable, "-m", "goalform", "review", str(path), "--comment", f"r{r}p{i}",
                                   "--who", "审核人"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for i in range(2)]
        for p in procs:
            p.communicate(timeout=60)
            assert p.returncode == 0
        with Document.open(path, read_only=True) as doc:
            texts = {c.text for c in doc.comments()}
        assert {f"r{r}p0", f"r{r}p1"} <= texts
