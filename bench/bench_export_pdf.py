"""Whole-process time of `goalform export EXAMPLE.goal -o x.pdf` against LibreOffice converting the same
form's .docx to PDF (`soffice --headless --convert-to pdf`). Target (issue 25): at most 0.2x LibreOffice.

Both run as fresh processes, RUNS times each, alternating; the medians of the wall times are compared
(and, for a machine busy with other work, the medians of their CPU times are printed too). LibreOffice gets
its own profile folder, warmed by the first runs (as a user's installed LibreOffice would be).
Skipped (exit 0, one line) where soffice is not installed.
"""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 11
TARGET = 0.2
EXAMPLE = ROOT / "examples" / "form-2026.goal"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


CPU: dict[str, list[float]] = {}


def timed(cmd: list[str]) -> float:
    """Wall time of ``cmd``; its CPU time (user + system, children included) goes to CPU[cmd[0]]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(cmd[0], []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("SKIP: no LibreOffice (soffice) to compare with")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "form.docx"
        subprocess.run([sys.executable, "-m", "goalform", "export", str(EXAMPLE), "-o", str(docx)], check=True, cwd=ROOT)
        ours_cmd = [sys.executable, "-m", "goalform", "export", str(EXAMPLE), "-o", str(Path(tmp) / "ours.pdf")]
        profile = Path(tmp) / "lo-profile"
        lo_cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                  "--outdir", str(Path(tmp) / "lo"), str(docx)]
        for _ in range(2):  # warm the file cache, the bytecode caches and LibreOffice's profile
            timed(ours_cmd), timed(lo_cmd)
        CPU.clear()
        ours, lo = [], []
        for _ in range(RUNS):
            ours.append(timed(ours_cmd))
            lo.append(timed(lo_cmd))
        o, b = statistics.median(ours), statistics.median(lo)
        print(f"example: {EXAMPLE.name}")
        print(f"goalform export .pdf: median {o * 1000:.0f} ms over {RUNS} runs (min {min(ours) * 1000:.0f} ms)")
        print(f"LibreOffice docx->pdf: median {b * 1000:.0f} ms (min {min(lo) * 1000:.0f} ms)")
        print(f"PDF export vs LibreOffice: {o / b:.2f}x (target: at most {TARGET}x); fastest runs {min(ours) / min(lo):.2f}x")
        co, cl = statistics.median(CPU[ours_cmd[0]]), statistics.median(CPU[lo_cmd[0]])
        print(f"CPU time (user + system, less sensitive to a busy machine): goalform {co * 1000:.0f} ms, "
              f"LibreOffice {cl * 1000:.0f} ms, {co / cl:.2f}x")
    return 0 if o / b <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
