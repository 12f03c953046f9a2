"""Screenshots of every tab of the main window at 1366x768 (the common office screen).

Usage: .venv/bin/python docs/make_screenshots.py [FORM.goal]   (default: examples/form-2026.goal)
Runs offscreen; needs a CJK font (fonts-noto-cjk on Debian). Writes docs/screenshot-<tab>.png, the
funds table after a paste (screenshot-funds-paste.png) and after a refused amount
(screenshot-funds-refused.png), a new form with its 待填 cells (screenshot-fresh.png) and the start
page (screenshot-start.png); the form file itself is not changed.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GOALFORM_DATA_DIR", tempfile.mkdtemp(prefix="goalform-shots-"))
os.environ.setdefault("GOALFORM_LANG", "zh")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from goalform import assets  # noqa: E402
from goalform.store.document import Document  # noqa: E402
from goalform.ui.app.app import application, choose_language, install_translators  # noqa: E402
from goalform.ui.app.main_window import MainWindow  # noqa: E402

TAB_FILES = ("header", "funds", "texts", "long_term", "annual", "instructions")
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Source Han Sans SC")


def open_window(form: Path) -> tuple[QApplication, MainWindow] | None:
    """The application with a CJK font and the main window at 1366x768 showing ``form``; None (after
    saying why on stderr) when no CJK font is installed or the form does not open."""
    app = application()
    install_translators(app, choose_language())
    families = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in families), None)
    if family is None:
        print("no CJK font installed (apt-get install fonts-noto-cjk)", file=sys.stderr)
        return None
    app.setFont(QFont(family, 10))
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    if not window.files.open_path(form, read_only=False):
        return None
    return app, window


def save_shot(app: QApplication, window: MainWindow, name: str) -> None:
    """Let the window paint, then save it as docs/screenshot-<name>.png."""
    for _ in range(3):
        app.processEvents()
    target = ROOT / "docs" / f"screenshot-{name}.png"
    window.grab().save(str(target))
    print(target.relative_to(ROOT))


def funds_shots(app: QApplication, window: MainWindow) -> None:
    """The funds table after pasting a block copied from a spreadsheet, and after a refused amount."""
    window.tabs.setCurrentIndex(TAB_FILES.index("funds"))
    app.processEvents()
    start = window.findChild(QLineEdit, "fund_fiscal_prev2")
    QTest.mouseClick(start, Qt.MouseButton.LeftButton)
    app.clipboard().setText("1,380.50\t1,402.00\r\n25\t30\r\n10.5\t12\r\n")
    QTest.keyClick(start, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    save_shot(app, window, "funds-paste")
    cell = window.findChild(QLineEdit, "fund_unit_funds_current")
    QTest.mouseClick(cell, Qt.MouseButton.LeftButton)
    QTest.keyClicks(cell, "12,5")
    QTest.keyClick(cell, Qt.Key.Key_Return)
    save_shot(app, window, "funds-refused")
    window.editor.undo_stack.undo()  # the paste; the refused amount was never written


def main(argv: list[str]) -> int:
    form = Path(argv[0]) if argv else ROOT / "examples" / "form-2026.goal"
    opened = open_window(form)
    if opened is None:
        return 2
    app, window = opened
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        save_shot(app, window, TAB_FILES[i])
    funds_shots(app, window)
    # A new form as the clerk first sees it: what is still to fill in is 待填, not a wall of errors.
    fresh = Document.new(assets.template("2026"), 2026)
    fresh.set_field("fill_date", "2026-01-15")
    window.set_document(fresh)
    window.tabs.setCurrentIndex(0)
    save_shot(app, window, "fresh")
    # No form open: the start page, with the recently opened files.
    window.settings.add_recent(ROOT / "examples" / "form-2024.goal")
    window.settings.add_recent(form)
    window.set_document(None)
    save_shot(app, window, "start")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
