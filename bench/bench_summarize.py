"""goalform summarize on 1,000 .goal files: read, validate, fingerprint, write the .xlsx.

Target: under 10 s on this machine. The files are realistic 2026 forms (the template's default
indicators plus a department's own, about 80 三级 indicators), each slightly different.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

TARGET_S = 10.0
FILES = 1000


def make_files(folder: Path, n: int) -> None:
    from valid_forms import valid_form

    from goalform.store import Document

    form, _ = valid_form("2026")
    with Document.from_form(form) as doc:
        first = folder / "0000.goal"
        doc.save(first)
        for i in range(1, n):
            doc.set_field("department", f"示例局{i:04d}")
            doc.set_fund("fiscal", "current", str(100 + i % 7))
            doc.save(folder / f"{i:04d}.goal")


def main() -> int:
    os.environ.setdefault("GOALFORM_DATA_DIR", tempfile.mkdtemp(prefix="goalform-bench-"))
    from goalform.formats.summary_xlsx import write_summary
    from goalform.store.batch import summarize_paths

    with tempfile.TemporaryDirectory(prefix="goalform-summarize-") as tmp:
        folder = Path(tmp) / "forms"
        folder.mkdir()
        t0 = time.perf_counter()
        make_files(folder, FILES)
        made = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in folder.iterdir()) / FILES
        t0 = time.perf_counter()
        result = summarize_paths([folder])
        read = time.perf_counter() - t0
        t1 = time.perf_counter()
        out = Path(tmp) / "summary.xlsx"
        write_summary(out, result.summaries, [(u.path, u.reason) for u in result.unreadable])
        written = time.perf_counter() - t1
        total = read + written
        assert len(result.summaries) == FILES and not result.unreadable
        print(f"summarize {FILES} files of {size / 1024:.0f} KiB (made in {made:.1f} s):")
        print(f"  read+validate+fingerprint {read:.2f} s ({read / FILES * 1000:.2f} ms/file), "
              f"xlsx {written:.2f} s ({out.stat().st_size / 1024:.0f} KiB)")
        print(f"  total {total:.2f} s (target < {TARGET_S:.0f} s)")
    return 0 if total < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
