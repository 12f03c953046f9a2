"""The cost of the defensive open (issue 13) on the 2026 example, against the open before it.

Since issue 13 every .goal is read by SQLite under its shared lock through the backup API, its schema
compared with goalform's own, its content checked (sizes, types, tree links, UTF-8) and quick_check
run under a time budget. Target: under 10 ms more than before, for each way of opening.

"Before" is measured honestly: the goalform package as it was at the merge base with main before
this work (commit BASE below, or `git merge-base HEAD main`) is extracted with `git archive` into a
temporary folder and timed by the same script in its own process, as is the current code.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "form-2026.goal"
BASE = "708153c"  # the last commit before the defensive open
# The code of BASE reads files up to schema 2: it opens the example as saved at schema 2 (the same form;
# examples/*.goal were rebuilt at schema 3 in a534c3b).
OLD_EXAMPLE = "a534c3b^"
TARGET_MS = 10.0

TIMER = r"""
import json, os, statistics, sys, tempfile, time
os.environ["GOALFORM_DATA_DIR"] = tempfile.mkdtemp(prefix="goalform-bench-")
from goalform.store import Document, read_form
path = sys.argv[1]

def median_ms(fn, n=40):
    fn()
    runs = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)

def open_close(**kw):
    Document.open(path, **kw).close()

print(json.dumps({
    "read_form (validate, show, export, summarize)": median_ms(lambda: read_form(path)),
    "Document.open read-only (review, 只读打开)": median_ms(lambda: open_close(read_only=True)),
    "Document.open for editing (GUI 打开)": median_ms(lambda: open_close()),
}))
"""


def run(pythonpath: Path, example: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(pythonpath))
    out = subprocess.run([sys.executable, "-c", TIMER, str(example)], env=env, cwd=tempfile.gettempdir(),
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"timing {example} with the code in {pythonpath} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def old_tree(folder: Path) -> Path | None:
    try:
        archive = subprocess.run(["git", "archive", BASE, "goalform", "resources"], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
        example = subprocess.run(["git", "show", f"{OLD_EXAMPLE}:examples/{EXAMPLE.name}"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        (folder / EXAMPLE.name).write_bytes(example)
    except (OSError, subprocess.CalledProcessError):
        return None
    return folder


def main() -> int:
    size = EXAMPLE.stat().st_size
    new = run(ROOT, EXAMPLE)
    with tempfile.TemporaryDirectory(prefix="goalform-bench-old-") as tmp:
        old_root = old_tree(Path(tmp))
        old = run(old_root, old_root / EXAMPLE.name) if old_root else None
    print(f"Opening {EXAMPLE.relative_to(ROOT)} ({size // 1024} KB), median of 40 runs:")
    worst = 0.0
    for what, ms in new.items():
        if old is None:
            print(f"  {what}: {ms:.1f} ms (the code before {BASE} could not be extracted: no git?)")
            continue
        extra = ms - old[what]
        worst = max(worst, extra)
        print(f"  {what}: {ms:.1f} ms, before {old[what]:.1f} ms: {extra:+.1f} ms (target < +{TARGET_MS:.0f} ms)")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
