"""The screenshot of the 比较结果 window: this year's form (examples/form-2024.goal rolled over to
2025, with the new budget typed in, history figures corrected, an indicator's actual value, a task and an indicator changed)
compared with last year's examples/form-2024.goal, at 1366x768, with the 比较结果 dock below the
form and the cursor on the cell of the selected row.

Usage: .venv/bin/python docs/make_diff_screenshot.py   (offscreen; needs fonts-noto-cjk)
Writes docs/screenshot-diff.png. The example file is not changed (the 2025 form is a temporary file).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

# make_screenshots sets up the offscreen platform, a scratch data folder and the language on import.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import open_window, save_shot  # noqa: E402

from goalform import assets  # noqa: E402
from goalform.domain.rollover import roll_forward  # noqa: E402
from goalform.store import Document, read_form  # noqa: E402
from goalform.ui.files.diff_window import show_comparison  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def this_years_form(last_year: Path, folder: Path) -> Path:
    """Last year's form rolled over, with what a clerk types into the new one."""
    form, template = read_form(last_year)
    new = roll_forward(form, template, available=assets.templates().values()).form
    for line, amount in (("fiscal", "530.2"), ("personnel", "190.5"), ("operating", "27.7"), ("special", "312")):
        new.funds[(line, "current")] = amount
    new.funds[("fiscal", "prev1")] = "512.06"  # the 2024 actual replaces the 2024 budget
    new.funds[("personnel", "prev2")] = "190.2"  # a 2023 figure corrected
    del new.annual[1].children[1].children[0]  # 预算编制科学性 dropped
    new.texts["tasks"] = "签约亿元以上项目不少于350个"
    leaf = new.annual[0].children[0].children[0]
    leaf.prev1, leaf.value = "96%", "≤100%"
    target = folder / "2025-鄂州市招商和投资促进中心.goal"
    with Document.from_form(new) as doc:
        doc.save(target)
    return target


def main(argv: list[str]) -> int:
    last_year = Path(argv[0]) if argv else ROOT / "examples" / "form-2024.goal"
    with tempfile.TemporaryDirectory(prefix="goalform-diff-") as folder:
        return shoot(last_year, this_years_form(last_year, Path(folder)))


def shoot(last_year: Path, this_year: Path) -> int:
    opened = open_window(this_year)
    if opened is None:
        return 2
    app, window = opened
    window.tabs.setCurrentIndex(1)  # 资金情况
    dock = show_comparison(window, last_year.name, *read_form(last_year))
    assert dock is not None
    for _ in range(5):
        app.processEvents()
    dock.table.selectRow(1)
    dock.jump(dock.proxy.index(1, 0))  # the 2024 amount in this year's form: its 上年 cell
    save_shot(app, window, "diff")
    window.set_document(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
