"""The cost of merging saves (issue 21) on the 2026 example and on a form of 2,000 indicators.

Every save reads the file it replaces when that file changed since this document last read or wrote
it (someone else saved): its review records are merged in, and its content compared with what this
document started from. Measured: a save when nobody else wrote the file (nothing is read: the common
case), and a save after another process added a comment (the file is read, checked and merged).
Target: a save after someone else's comment under 300 ms more than a plain save on the 2,000-indicator
form, and under 100 ms more on the example (a clerk presses Ctrl+S and should not wait).
"""
from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "form-2026.goal"
TARGETS_MS = {"example": 100.0, "2,000 indicators": 300.0}


def big_form(folder: Path) -> Path:
    from goalform.store import Document

    path = folder / "big.goal"
    shutil.copyfile(EXAMPLE, path)
    with Document.open(path) as doc:
        root = doc.roots("annual")[0]
        level2 = doc.children(root)[0]
        doc.insert_indicators(level2, 0, [{"name": f"指标{i}", "value": f"≥{i}%"} for i in range(2000)])
        doc.save()
    return path


def median_ms(fn, n: int = 15) -> float:
    fn()
    runs = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def measure(path: Path) -> tuple[float, float]:
    from goalform.store import Document

    counter = iter(range(10_000))
    with Document.open(path) as clerk:
        def plain() -> None:
            clerk.set_field("notes", f"备注{next(counter)}")
            clerk.save()

        def after_a_comment() -> None:
            with Document.open_for_review(path) as reviewer:  # as another goalform would; not timed
                reviewer.add_comment("form", f"意见{next(counter)}", "王审核")
                reviewer.save()
            clerk.set_field("notes", f"备注{next(counter)}")
            t0 = time.perf_counter()
            clerk.save()
            after_a_comment.ms.append((time.perf_counter() - t0) * 1000)  # type: ignore[attr-defined]

        after_a_comment.ms = []  # type: ignore[attr-defined]
        plain_ms = median_ms(plain)
        for _ in range(15):
            after_a_comment()
        return plain_ms, statistics.median(after_a_comment.ms)  # type: ignore[attr-defined]


def main() -> int:
    os.environ.setdefault("GOALFORM_DATA_DIR", tempfile.mkdtemp(prefix="goalform-bench-"))
    failed = False
    with tempfile.TemporaryDirectory(prefix="goalform-bench-merge-") as tmp:
        folder = Path(tmp)
        example = folder / "example.goal"
        shutil.copyfile(EXAMPLE, example)
        for name, path in (("example", example), ("2,000 indicators", big_form(folder))):
            plain, merged = measure(path)
            extra = merged - plain
            ok = extra < TARGETS_MS[name]
            failed |= not ok
            print(f"{name}: save {plain:.0f} ms; save after another's comment {merged:.0f} ms "
                  f"(+{extra:.0f} ms, target < {TARGETS_MS[name]:.0f} ms) {'ok' if ok else 'TOO SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
