"""goalform summarize of 1,000 .goal files against a plain sqlite3 read of the same files.

The yardstick (:func:`plain_read`): open each file with sqlite3 and fetch every row of its five
tables, nothing else. goalform reads, checks, validates and fingerprints each file and writes the
.xlsx (:func:`ours`, in this process as ``goalform summarize`` runs it, worker processes included).
Measured as pairs, the two alternating (which one goes first alternates too), PAIRS times; the ratio
of the medians is the figure. Target: at most 3x. The pairwise ratios and the CPU time of both (user +
sys, the workers' included) are printed too: on a busy machine wall times wander, CPU time much less.

``--growth`` prints the time and peak memory (this process and its worker processes) of a
summary of 100, 1,000 and 5,000 files instead, each in a fresh process; ``--profile`` the top lines
of the profile of a worker's part and of the parent's part.

The files are realistic 2026 forms (the template's default indicators plus a department's own, about
80 三级 indicators): one written through goalform, the rest copies with another department and
amount (written with sqlite3 directly, which is much faster than saving 5,000 documents).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TARGET = 3.0
FILES = 1000
PAIRS = 9
TABLES = ("field", "fund", "indicator", "review_comment", "review_status")


def make_files(folder: Path, n: int) -> None:
    from helpers.valid_forms import valid_form

    from goalform.store import Document

    form, _ = valid_form("2026")
    first = folder / "0000.goal"
    with Document.from_form(form) as doc:
        doc.save(first)
    for i in range(1, n):
        path = folder / f"{i:04d}.goal"
        shutil.copyfile(first, path)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("UPDATE field SET value = ? WHERE key = 'department'", (f"示例局{i:04d}",))
        conn.execute("INSERT OR REPLACE INTO fund(line, col, value) VALUES ('fiscal', 'current', ?)", (str(100 + i % 7),))
        conn.close()


def plain_read(folder: Path) -> None:
    for path in sorted(folder.glob("*.goal")):
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for table in TABLES:
            conn.execute(f"SELECT * FROM {table}").fetchall()
        conn.close()


def ours(folder: Path, out: Path) -> int:
    from goalform.formats.summary_xlsx import write_summary
    from goalform.store.summary_reader import summarize_paths

    result = summarize_paths([folder])
    write_summary(out, result.summaries, [(u.path, u.reason) for u in result.unreadable])
    assert not result.unreadable
    return len(result.summaries)


def timed(fn, *args) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def cpu() -> float:
    """User + system CPU seconds of this process and of its ended children (the workers)."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed_cpu(fn) -> tuple[float, float]:  # noqa: ANN001
    c0 = cpu()
    took = timed(fn)
    return took, cpu() - c0


def ratio() -> int:
    with tempfile.TemporaryDirectory(prefix="goalform-summarize-") as tmp:
        folder = Path(tmp) / "forms"
        folder.mkdir()
        make_files(folder, FILES)
        out = Path(tmp) / "summary.xlsx"
        ours(folder, out), plain_read(folder)  # warm: the file cache, the workers' bytecode
        mine, base, mine_cpu, base_cpu = [], [], [], []
        for i in range(PAIRS):
            pair = [("ours", lambda: ours(folder, out)), ("plain", lambda: plain_read(folder))]
            for name, fn in (pair if i % 2 == 0 else pair[::-1]):
                took, used = timed_cpu(fn)
                (mine if name == "ours" else base).append(took)
                (mine_cpu if name == "ours" else base_cpu).append(used)
        m, b = statistics.median(mine), statistics.median(base)
        pairs = [a / c for a, c in zip(mine, base)]
        print(f"summarize {FILES} files ({sum(p.stat().st_size for p in folder.iterdir()) / FILES / 1024:.0f} KiB each), "
              f"{PAIRS} alternating pairs, {os.cpu_count()} cores:")
        print(f"  goalform (read, check, validate, fingerprint, write the .xlsx): median {m:.2f} s "
              f"(min {min(mine):.2f}, max {max(mine):.2f})")
        print(f"  plain sqlite3 read of the same files: median {b:.2f} s (min {min(base):.2f}, max {max(base):.2f})")
        print(f"  ratio {m / b:.1f}x (target <= {TARGET:.0f}x) {'OK' if m / b <= TARGET else 'OVER'}")
        # On a busy machine the wall times wander; the CPU time (user + sys, workers included) much less.
        print(f"  pairwise ratios {' '.join(f'{r:.2f}' for r in pairs)}; CPU time (user+sys, workers included): "
              f"goalform median {statistics.median(mine_cpu):.2f} s, plain read {statistics.median(base_cpu):.2f} s, "
              f"{statistics.median(mine_cpu) / statistics.median(base_cpu):.1f}x")
    return 0


_GROWTH_CHILD = """
import resource, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from bench_summarize import ours
import goalform.formats.summary_xlsx, goalform.store.summary_reader  # noqa: E401 - imports are not the summary's time
t0 = time.perf_counter()
n = ours(Path({folder!r}), Path({out!r}))
took = time.perf_counter() - t0
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{{n}} {{took}} {{me}} {{workers}}")
"""


def growth() -> int:
    for n in (100, 1000, 5000):
        with tempfile.TemporaryDirectory(prefix="goalform-summarize-") as tmp:
            folder = Path(tmp) / "forms"
            folder.mkdir()
            make_files(folder, n)
            plain = timed(plain_read, folder)
            code = _GROWTH_CHILD.format(bench=str(ROOT / "bench"), folder=str(folder), out=str(Path(tmp) / "s.xlsx"))
            line = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                  env=dict(os.environ)).stdout.split()
            forms, took, me, workers = int(line[0]), float(line[1]), float(line[2]), float(line[3])
            print(f"  {forms:>5} forms: {took:6.2f} s ({took / forms * 1000:.2f} ms/form; plain read {plain:.2f} s, "
                  f"{took / plain:.1f}x), peak memory {me:.0f} MB (+ each worker at most {workers:.0f} MB)")
    return 0


def profile() -> int:
    """The profile's top lines of both halves of a summary of FILES files: what a worker does for its
    files (summarize_file, in this process) and what the process that starts the workers does (the
    folder search, taking the results in order, writing the .xlsx; its waiting for the workers is
    the first line)."""
    import cProfile
    import pstats

    from goalform.store.summary_reader import collect_paths, summarize_file

    if hasattr(os, "register_at_fork"):  # forked workers would inherit the profiler and run profiled
        os.register_at_fork(after_in_child=lambda: sys.setprofile(None))
    with tempfile.TemporaryDirectory(prefix="goalform-summarize-") as tmp:
        folder = Path(tmp) / "forms"
        folder.mkdir()
        make_files(folder, FILES)
        files, _ = collect_paths([folder])
        ours(folder, Path(tmp) / "s.xlsx")  # warm
        for title, statement in ((f"a worker's part ({FILES} files in one process)", lambda: [summarize_file(f) for f in files]),
                                 ("the parent's part (with the workers)", lambda: ours(folder, Path(tmp) / "s.xlsx"))):
            prof = cProfile.Profile()
            prof.runcall(statement)
            print(f"== {title}")
            pstats.Stats(prof, stream=sys.stdout).strip_dirs().sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("GOALFORM_DATA_DIR", tempfile.mkdtemp(prefix="goalform-bench-"))
    sys.exit(growth() if "--growth" in sys.argv else profile() if "--profile" in sys.argv else ratio())
