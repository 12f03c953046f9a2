"""The window's first frame as a clerk starting ``goalform FORM.goal`` sees it (issue 25): the start-up
path itself (goalform.cli, app.start), grabbed the moment the first frame is drawn, before the first
validation, the other tabs, the 审核 dock's widgets and the findings style sheet, which come after it.

Usage: .venv/bin/python docs/make_first_frame_screenshot.py [FORM.goal]   (default: examples/form-2026.goal)
Runs offscreen with a private, fresh user data folder. Writes docs/screenshot-first-frame.png, which must
look exactly like the window started without the start-up's deferrals (compare with ``compare -metric AE``).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GOALFORM_DATA_DIR"] = tempfile.mkdtemp(prefix="goalform-first-frame-")
os.environ.setdefault("GOALFORM_LANG", "zh")
os.environ["GOALFORM_STARTUP_PROBE"] = "1"  # app.start hands its window to report_first_paint

from PySide6.QtWidgets import QApplication  # noqa: E402

from goalform.cli import main  # noqa: E402
from goalform.ui.app import first_paint  # noqa: E402

TARGET = ROOT / "docs" / "screenshot-first-frame.png"


def grab_first_frame(window) -> None:  # noqa: ANN001 - the MainWindow
    def grab() -> None:
        window.grab().save(str(TARGET))
        print(TARGET.relative_to(ROOT))
        QApplication.quit()

    first_paint.after_first_paint(window, grab, fallback_ms=0)  # the first callback: before the validation


if __name__ == "__main__":
    first_paint.report_first_paint = grab_first_frame
    form = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "examples" / "form-2026.goal")
    sys.exit(main([form]))
