"""The screenshot of the 指标库 pane: examples/form-2026.goal on the 年度目标 tab with the pane open,
a pinyin search typed (``yusuan``) and an indicator selected, at 1366x768.

Usage: .venv/bin/python docs/make_library_screenshot.py   (offscreen; needs fonts-noto-cjk)
Writes docs/screenshot-library.png. Uses a private, fresh user data folder (the built-in library).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import ROOT, open_window, save_shot  # noqa: E402 - first: it sets up the environment

from PySide6.QtCore import QItemSelectionModel, Qt  # noqa: E402

from goalform.ui.library.model import EntryRole  # noqa: E402


def main(argv: list[str]) -> int:
    opened = open_window(Path(argv[0]) if argv else ROOT / "examples" / "form-2026.goal")
    if opened is None:
        return 2
    app, window = opened
    window.tabs.setCurrentIndex(4)  # 年度目标
    window.library.show_pane("annual")
    window.resizeDocks([window.library.dock], [470], Qt.Orientation.Horizontal)
    dock = window.library.dock
    dock.search.setText("yusuan")
    app.processEvents()
    model = dock.model
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop(0)
        entry = index.data(EntryRole)
        if entry is not None and entry.name == "预算调整率":
            dock.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            break
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    dock.search.setFocus()
    save_shot(app, window, "library")
    window.set_document(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
