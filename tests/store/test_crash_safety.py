"""Saving over an existing .goal and being killed at any moment leaves the old file or the new one."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goalform import assets
from goalform.store import Document, read_form

SAVER = r"""
import sys
from goalform import assets
from goalform.store import Document
target = sys.argv[1]
from goalform.domain.form import Indicator, new_form
form = new_form(assets.template("2026"))
form.department = "新"
for i in range(300):  # a bigger form than the old one, so a torn write would show
    form.annual[0].children.append(Indicator(level=2, name=f"新指标{i}", children=[
        Indicator(level=3, name=f"三级{i}", value="≥90%" * 20)]))
doc = Document.from_form(form)
print("ready", flush=True)
while True:
    doc.save(target)
"""

KILLS = 50


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_save_never_breaks_the_file(tmp_path: Path) -> None:
    target = tmp_path / "form.goal"
    with Document.new(assets.template("2024")) as doc:
        doc.set_field("department", "旧")
        doc.save(target)
    rng = random.Random(20261125)
    seen = {"旧": 0, "新": 0}
    for _ in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(target)], stdout=subprocess.PIPE,
                                env=os.environ.copy())
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0, 0.08))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        form, template = read_form(target)  # always opens...
        assert form.department in seen  # ...as the old form or the new one
        if form.department == "新":
            assert template.id == "2026" and len(form.annual[0].children) >= 300
        else:
            assert template.id == "2024"
        seen[form.department] += 1
    # Leftover temporary files (and the save lock's file, unlocked by the OS when its holder died) are
    # the only trace of a kill; they never replace the target.
    leftovers = [p for p in tmp_path.iterdir() if p.name != "form.goal"]
    assert all(p.name.startswith(".form.goal.") and (".tmp" in p.name or p.name == ".form.goal.lock")
               for p in leftovers)
    assert seen["新"] > 0
    # The next save clears them away.
    read_form(target)
    with Document.open(target) as doc:
        doc.save()
    assert [p.name for p in tmp_path.iterdir()] == ["form.goal"]
