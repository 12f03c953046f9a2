"""Screenshots for issue 26 at 1366x768: the funds tab with a refused amount and the annual tree with
the 指标库 open, in English (screenshot-en-*.png) and in Chinese at 125 % (screenshot-125-*.png).

Usage: .venv/bin/python docs/make_language_screenshots.py en|125   (offscreen; needs fonts-noto-cjk)
The language and the scale are set before Qt starts, as a desktop would set them.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

MODE = sys.argv[1] if len(sys.argv) > 1 else "en"
if MODE == "en":
    os.environ["GOALFORM_LANG"] = "en"
else:
    os.environ["QT_SCALE_FACTOR"] = "1.25"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import ROOT, TAB_FILES, open_window, save_shot  # noqa: E402 - sets up the environment

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QLineEdit  # noqa: E402


def main() -> int:
    opened = open_window(ROOT / "examples" / "form-2026.goal")
    if opened is None:
        return 2
    app, window = opened
    if MODE != "en":  # a 1366x768 screen at 125 %: 1093x614 device-independent pixels
        window.resize(1093, 614)
    window.tabs.setCurrentIndex(TAB_FILES.index("funds"))
    app.processEvents()
    cell = window.findChild(QLineEdit, "fund_unit_funds_current")
    QTest.mouseClick(cell, Qt.MouseButton.LeftButton)
    QTest.keyClicks(cell, "12,5")
    QTest.keyClick(cell, Qt.Key.Key_Return)
    save_shot(app, window, f"{MODE}-funds")
    QTest.keyClick(cell, Qt.Key.Key_Escape)
    window.tabs.setCurrentIndex(TAB_FILES.index("annual"))
    window.library.show_pane("annual")
    for _ in range(3):
        app.processEvents()
    dock = window.library.dock
    dock.view.setCurrentIndex(dock.model.first_entry_index())
    save_shot(app, window, f"{MODE}-library")
    return 0


if __name__ == "__main__":
    sys.exit(main())
