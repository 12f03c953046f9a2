"""The largest allowed .goal (issue 23, item 8): every command a reviewer runs on it, and the GUI
opening it, within 20 s and 1 GiB each.

The file is built by ``bench/largest_goal.py`` at the documented limits (MAX_INDICATORS - 10
indicators, MAX_FORM_CHARS characters), once with CJK text and once with characters outside the BMP
(4 bytes each in the file and in Python: the most memory a character). Each command runs in a process
of its own; wall time, CPU time and peak memory come from ``os.wait4``. Wall time on a loaded
machine is longer than the CPU time; the target is judged on wall time.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 20.0
TARGET_BYTES = 1 << 30
GUI_OPEN = r"""
import os, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
for name in ("information", "warning", "critical", "question"):
    setattr(QMessageBox, name, staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
from goalform.ui.app.main_window import MainWindow
win = MainWindow(); win.resize(1366, 768); win.show(); app.processEvents()
win.open_path(Path(sys.argv[1]))
app.processEvents()
assert win.doc is not None, "not opened"
win.set_document(None)
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak RSS bytes, exit code) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, proc.returncode


def main() -> int:
    sys.path.insert(0, str(ROOT / "bench"))
    from largest_goal import ALPHABETS, build

    failed = 0
    with tempfile.TemporaryDirectory(prefix="goalform-largest-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ, GOALFORM_DATA_DIR=str(folder / "data"), QT_QPA_PLATFORM="offscreen")
        os.environ["GOALFORM_DATA_DIR"] = env["GOALFORM_DATA_DIR"]
        goalform = [sys.executable, "-m", "goalform"]
        for kind, alphabet in ALPHABETS.items():
            path = build(folder / f"largest-{kind}.goal", alphabet)
            print(f"{path.name}: {path.stat().st_size / (1 << 20):.1f} MB")
            commands = {
                "validate": [*goalform, "validate", str(path)],
                "show": [*goalform, "show", str(path)],
                "review": [*goalform, "review", str(path)],
                "summarize": [*goalform, "summarize", str(path), "-o", str(folder / "summary.xlsx")],
                "export .xlsx": [*goalform, "export", str(path), "-o", str(folder / "out.xlsx")],
                "export .docx": [*goalform, "export", str(path), "-o", str(folder / "out.docx")],
                "export .pdf": [*goalform, "export", str(path), "-o", str(folder / "out.pdf")],
                "rollover": [*goalform, "rollover", str(path), "-o", str(folder / f"next-{kind}.goal")],
                "GUI open (offscreen)": [sys.executable, "-c", GUI_OPEN, str(path)],
            }
            for what, argv in commands.items():
                wall, cpu, peak, code = run(argv, env)
                ok = code in (0, 1) and wall <= TARGET_SECONDS and peak <= TARGET_BYTES
                failed += not ok
                print(f"  {what:22} {wall:6.1f} s (CPU {cpu:5.1f} s)  {peak / (1 << 20):6.0f} MB  exit {code}"
                      f"  {'ok' if ok else 'OVER TARGET'} (target {TARGET_SECONDS:.0f} s, 1 GiB)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
