"""Build the largest .goal goalform accepts (issue 23 item 8): as many indicators and as much text as
the limits of ``goalform.domain.limits`` allow, for ``bench_largest_goal.py`` and the slow tests.

Usage: python bench/largest_goal.py OUT.goal [MB]   (default: just under MAX_GOAL_BYTES)
"""
from __future__ import annotations

import sys
from pathlib import Path

from goalform import assets
from goalform.domain.form import Indicator, new_form
from goalform.domain.limits import MAX_GOAL_BYTES, MAX_INDICATORS, MiB


def largest_form(target_bytes: int = MAX_GOAL_BYTES, indicators: int = MAX_INDICATORS - 10):
    """A 2024 form of ``indicators`` indicators whose texts make a .goal of about ``target_bytes``."""
    template = assets.template("2024")
    form = new_form(template, template.first_year)
    form.department = "鄂州市示例局"
    from goalform.domain.form import walk

    nodes = sum(1 for tree in ("long_term", "annual") for _ in walk(form.tree(tree)))
    leaves_per_tree = (indicators - nodes) // 2
    # UTF-8 CJK is 3 bytes a character; name, value and basis share the budget of a leaf.
    per_leaf = max(30, int(target_bytes * 0.97) // (2 * leaves_per_tree) // 3)
    alphabet = "预算执行率项目完成及时性资金使用合规群众满意度绩效目标"
    for tree in ("long_term", "annual"):
        parents = [l2 for l1 in form.tree(tree) for l2 in l1.children]
        for i in range(leaves_per_tree):
            text = (alphabet * (per_leaf // len(alphabet) + 2))[i % len(alphabet):]
            parent = parents[i % len(parents)]
            parent.children.append(Indicator(level=3, name=f"{i}号{text[:40]}", value=f"≥{i % 100}%",
                                             basis=text[:per_leaf - 50], category="定量"))
    return form


def build(path: Path, target_bytes: int = MAX_GOAL_BYTES - MiB * 8) -> Path:
    from goalform.store import Document

    with Document.from_form(largest_form(target_bytes)) as doc:
        doc.save(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    mb = int(sys.argv[2]) if len(sys.argv) > 2 else None
    build(out, mb * MiB if mb else MAX_GOAL_BYTES - MiB * 8)
    print(f"{out}: {out.stat().st_size / MiB:.1f} MB")
