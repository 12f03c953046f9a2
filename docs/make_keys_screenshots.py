"""Screenshots of issue 22 at 1366x768: a jump to a finding with its cell in edit
(screenshot-finding-jump.png) and the message after pasting a block that was not written whole
(screenshot-paste-report.png), both on a copy of examples/form-2026.goal.

Usage: .venv/bin/python docs/make_keys_screenshots.py   (offscreen; needs fonts-noto-cjk)
The clicks and keys are a clerk's: the 资金情况 tab, then 长期目标, F5, a click on a finding, typing;
then a click in 财政拨款 · 当年金额 and Ctrl+V of a block as a spreadsheet copies it.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import ROOT, open_window, save_shot  # noqa: E402 - first: it sets up the environment

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTabBar  # noqa: E402

FINDING = "长期指标「“三公”经费变动率」的指标值"
# 当年 | 占比 | 2024 | 2025 of three lines, as a clerk's sheet holds them: one 占比 says another figure
# than goalform computes, one amount is written with its unit.
BLOCK = "1,424\t40%\t1,300\t487\r\n0\t0%\t0\t0\r\n500元\t\t12\t10\r\n"


def click_tab(app: QApplication, window, title: str) -> None:
    bar = window.tabs.findChild(QTabBar)
    index = next(i for i in range(bar.count()) if bar.tabText(i).startswith(title))
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    for _ in range(3):
        app.processEvents()


def finding_jump(app: QApplication, window) -> None:
    click_tab(app, window, "资金情况")
    click_tab(app, window, "长期目标")
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.dock.flush()
    items = window.dock.list
    items.doItemsLayout()
    app.processEvents()
    item = next(items.item(i) for i in range(items.count()) if FINDING in items.item(i).text(0))
    items.scrollToItem(item)
    app.processEvents()
    QTest.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=items.visualItemRect(item).center())
    QTest.qWait(50)
    for ch in "≤5%":  # what an input method delivers: key events with the text
        QTest.keyClick(QApplication.focusWidget(), ch) if ch.isascii() else QApplication.sendEvent(
            QApplication.focusWidget(), _key(ch))
    save_shot(app, window, "finding-jump")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def _key(ch: str):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)


def paste_report(app: QApplication, window) -> None:
    click_tab(app, window, "资金情况")
    cell = window.findChild(QLineEdit, "fund_fiscal_current")
    if not cell.hasFocus():
        QTest.mouseClick(cell, Qt.MouseButton.LeftButton)
    mime = QMimeData()
    mime.setText(BLOCK)
    app.clipboard().setMimeData(mime)
    # The message box is modal: it is photographed over the window once it is up, then closed.
    QTimer.singleShot(300, lambda: _shoot_box(app, window))
    QTest.keyClick(cell, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _shoot_box(app: QApplication, window) -> None:
    box = next(w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    app.processEvents()
    shot = window.grab()
    painter = QPainter(shot)
    at = window.mapFromGlobal(box.mapToGlobal(QPoint(0, 0)))
    if not window.rect().contains(at):  # offscreen: no window manager placed the box
        at = QPoint((shot.width() - box.width()) // 2, (shot.height() - box.height()) // 2)
    painter.drawPixmap(at, box.grab())
    painter.end()
    target = ROOT / "docs" / "screenshot-paste-report.png"
    shot.save(str(target))
    print(target.relative_to(ROOT))
    box.accept()


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else ROOT / "examples" / "form-2026.goal"
    work = Path(tempfile.mkdtemp(prefix="goalform-keys-")) / source.name
    shutil.copy(source, work)
    opened = open_window(work)
    if opened is None:
        return 2
    app, window = opened
    finding_jump(app, window)
    paste_report(app, window)
    window.set_document(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
