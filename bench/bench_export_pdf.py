"""Whole-process time of `goalform export EXAMPLE.goal -o x.pdf` against LibreOffice turning the same
form's .docx export into a PDF (``soffice --headless --convert-to pdf``, with a profile of its own).

Both run as fresh processes, alternating (who goes first alternates too), RUNS pairs after a warm-up
pair; the ratio of the medians is the figure. Target: at most 0.2x (issue 25). Skipped when
LibreOffice is not installed.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "form-2026.goal"
RUNS = 5
TARGET = 0.2
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
                   timeout=300)
    return time.perf_counter() - start


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) not installed: skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="goalform-bench-pdf-") as tmp:
        docx = Path(tmp) / "form.docx"
        subprocess.run([sys.executable, "-m", "goalform", "export", str(EXAMPLE), "-o", str(docx)], check=True, env=ENV)
        ours_cmd = [sys.executable, "-m", "goalform", "export", str(EXAMPLE), "-o", str(Path(tmp) / "ours.pdf")]
        lo_cmd = [soffice, f"-env:UserInstallation={Path(tmp, 'lo-profile').as_uri()}", "--headless",
                  "--convert-to", "pdf", "--outdir", str(Path(tmp) / "lo"), str(docx)]
        timed(ours_cmd), timed(lo_cmd)  # warm-up: caches, LibreOffice's new profile
        ours, lo = [], []
        for i in range(RUNS):
            pair = [(ours, ours_cmd), (lo, lo_cmd)]
            for times, cmd in (pair if i % 2 == 0 else pair[::-1]):
                times.append(timed(cmd))
        o, b = statistics.median(ours), statistics.median(lo)
        print(f"example: {EXAMPLE.name}, {RUNS} alternating pairs")
        print(f"goalform export .pdf: median {o * 1000:.0f} ms (min {min(ours) * 1000:.0f} ms)")
        print(f"LibreOffice docx->pdf of the same form: median {b * 1000:.0f} ms (min {min(lo) * 1000:.0f} ms)")
        print(f"ratio of medians {o / b:.2f}x (target: at most {TARGET}x) {'OK' if o / b <= TARGET else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
