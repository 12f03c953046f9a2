"""The screenshot of the 审核 dock: examples/form-2024.goal with a few 审核意见, submitted, then edited
(so the warning shows), on the 年度目标 tab at 1366x768.

Usage: .venv/bin/python docs/make_review_screenshot.py   (offscreen; needs fonts-noto-cjk)
Writes docs/screenshot-review.png. The example file itself is not changed (the edits stay in a
working copy that is discarded).
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


from goalform.domain.cells import Cell  # noqa: E402
from goalform.domain.form import walk  # noqa: E402
from goalform.ui.review.undo import AddComment  # noqa: E402

sys.path.insert(0, str(ROOT / "docs"))
from make_screenshots import open_window, save_shot  # noqa: E402

def main(argv: list[str]) -> int:
    form_path = Path(argv[0]) if argv else ROOT / "examples" / "form-2024.goal"
    opened = open_window(form_path)
    if opened is None:
        return 2
    app, window = opened
    doc = window.doc
    form = doc.load_form()
    leaves = [n for _, n in walk(form.annual) if n.level == 3 and n.id is not None]
    first_line = doc.template.funds[0].lines[0].key
    doc.submit("张晓明", "按期报送")
    stack = window.editor.undo_stack
    for target, text, who in (
        (Cell.indicator(leaves[0].id, "value").to_text(), "指标值偏低，请与上年实际完成情况对照后说明。", "李文静"),
        (Cell.indicator(leaves[2].id).to_text(), "此指标不可衡量，建议改为定量指标。", "李文静"),
        (Cell.fund(first_line, "current").to_text(), "财政拨款与预算批复数不一致，请核对。", "王建国"),
        (Cell.field("phone").to_text(), "请填写办公电话。", "王建国"),
    ):
        stack.push(AddComment(doc, target, text, who))
    window.tabs.setCurrentIndex(4)  # 年度目标
    tab = window.tab_pages[4]
    tab.model.set_value(leaves[1].id, "value", "≥96%")  # changed after 提交: the warning shows
    window.runner.run_now()
    window.dock.flush()
    window.review.dock.show()
    window.review.dock.raise_()
    tab.select(leaves[0].id, tab.model.column_of("value"))
    window.review.dock.select_comment(doc.comments()[0].id)
    save_shot(app, window, "review")
    window.set_document(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
