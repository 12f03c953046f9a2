"""The screenshot of the 比较结果 window: this year's form (examples/form-2024.goal rolled over to
2025, with the new budget typed in, one history figure corrected and one indicator's actual value)
compared with last year's examples/form-2024.goal, at 1366x768: the main window with the comparison
window over it, as the reviewer sees them.

Usage: .venv/bin/python docs/make_diff_screenshot.py   (offscreen; needs fonts-noto-cjk)
Writes docs/screenshot-diff.png. The example file is not changed (the 2025 form is a temporary file).
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

from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402

from goalform import assets  # noqa: E402
from goalform.domain.rollover import roll_forward  # noqa: E402
from goalform.store import Document, read_form  # noqa: E402
from goalform.ui.diff_window import show_comparison  # noqa: E402

sys.path.insert(0, str(ROOT / "docs"))
from make_screenshots import open_window  # noqa: E402


def this_years_form(last_year: Path, folder: Path) -> Path:
    """Last year's form rolled over, with what a clerk types into the new one."""
    form, template = read_form(last_year)
    new = roll_forward(form, template, available=assets.templates().values()).form
    for line, amount in (("fiscal", "530.2"), ("personnel", "190.5"), ("operating", "27.7"), ("special", "312")):
        new.funds[(line, "current")] = amount
    new.funds[("fiscal", "prev1")] = "512.06"  # the 2024 actual replaces the 2024 budget
    leaf = new.annual[0].children[0].children[0]
    leaf.prev1, leaf.value = "96%", "≤100%"
    target = folder / "2025-鄂州市招商和投资促进中心.goal"
    with Document.from_form(new) as doc:
        doc.save(target)
    return target


def main(argv: list[str]) -> int:
    last_year = Path(argv[0]) if argv else ROOT / "examples" / "form-2024.goal"
    folder = Path(tempfile.mkdtemp(prefix="goalform-diff-"))
    opened = open_window(this_years_form(last_year, folder))
    if opened is None:
        return 2
    app, window = opened
    window.tabs.setCurrentIndex(1)  # 资金情况
    dialog = show_comparison(window, last_year)
    assert dialog is not None
    dialog.resize(1080, 600)
    dialog.table.selectRow(1)
    for _ in range(5):
        app.processEvents()
    dialog.jump(dialog.proxy.index(1, 0))
    for _ in range(5):
        app.processEvents()
    shot = window.grab()
    frame = dialog.grab()
    # Offscreen windows have no window manager: draw a plain title bar and border around the dialog.
    bar = 26
    left, top = (shot.width() - frame.width()) // 2, 80
    painter = QPainter(shot)
    painter.fillRect(left - 1, top - bar - 1, frame.width() + 2, frame.height() + bar + 2, QColor("#5a6b7d"))
    painter.fillRect(left, top - bar, frame.width(), bar, QColor("#dfe5ec"))
    painter.setPen(QColor("#202020"))
    painter.drawText(QRect(left, top - bar, frame.width(), bar), int(Qt.AlignmentFlag.AlignCenter), dialog.windowTitle())
    painter.drawPixmap(QPoint(left, top), frame)
    painter.end()
    target = ROOT / "docs" / "screenshot-diff.png"
    shot.save(str(target))
    print(target.relative_to(ROOT))
    dialog.close()
    window.set_document(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
