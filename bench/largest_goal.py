"""Build the largest .goal goalform accepts (issue 23 item 8): MAX_INDICATORS - 10 indicators holding
MAX_FORM_CHARS characters in all, for ``bench_largest_goal.py`` and the slow tests.

``alphabet`` decides the worst case measured: CJK text (3 bytes a character in the file, 2 in
Python), or characters outside the BMP (4 bytes in the file and 4 in Python: the most memory per
character, and the biggest file).

Usage: python bench/largest_goal.py OUT.goal [cjk|astral]
"""
from __future__ import annotations

import sys
from pathlib import Path

from goalform import assets
from goalform.domain.form import Form, Indicator, new_form, walk
from goalform.domain.limits import MAX_FORM_CHARS, MAX_INDICATORS, MiB

ALPHABETS = {"cjk": "预算执行率项目完成及时性资金使用合规群众满意度绩效目标", "astral": "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉"}


def largest_form(alphabet: str = ALPHABETS["cjk"], chars: int = MAX_FORM_CHARS,
                 indicators: int = MAX_INDICATORS - 10) -> Form:
    """A 2024 form of ``indicators`` indicators whose name, value and basis hold about ``chars``
    characters in all."""
    template = assets.template("2024")
    form = new_form(template, template.first_year)
    form.department = "鄂州市示例局"
    nodes = sum(1 for tree in ("long_term", "annual") for _ in walk(form.tree(tree)))
    leaves_per_tree = (indicators - nodes) // 2
    # 98 % of the budget: each leaf's name, value, category and history (about 40 characters) first, the
    # basis takes the rest (``per_leaf - 30`` characters); the template's own texts fit in the other 2 %.
    per_leaf = (int(chars * 0.98) - 2 * leaves_per_tree * 40) // (2 * leaves_per_tree) + 30
    text = alphabet * (per_leaf // len(alphabet) + 2)
    for tree in ("long_term", "annual"):
        parents = [l2 for l1 in form.tree(tree) for l2 in l1.children]
        for i in range(leaves_per_tree):
            start = i % len(alphabet)
            parents[i % len(parents)].children.append(Indicator(
                level=3, name=f"{i}号{text[start:start + 20]}", value=f"≥{i % 100}%",
                basis=text[start:start + per_leaf - 30], category="定量", prev1="90%", prev2="88%"))
    return form


def build(path: Path, alphabet: str = ALPHABETS["cjk"]) -> Path:
    from goalform.store import Document

    with Document.from_form(largest_form(alphabet)) as doc:
        doc.save(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    build(out, ALPHABETS[sys.argv[2] if len(sys.argv) > 2 else "cjk"])
    print(f"{out}: {out.stat().st_size / MiB:.1f} MB")
