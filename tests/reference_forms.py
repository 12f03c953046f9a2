"""The two reference dumps (tests/data/reference_*.txt) as domain Forms, for validation tests.

A small reader of the dump's row layout (see /work/shared/reference/README.md); it keeps every
cell's text as found, known errors included, so the rules can be checked against them.
"""
from __future__ import annotations

import re
from pathlib import Path

from formdump import parse_reference

from goalform import assets
from goalform.domain.amounts import clean_text
from goalform.domain.form import Form, Indicator, empty_tree
from goalform.domain.template import Template

DATA = Path(__file__).parent / "data"


def _head(label: str) -> str:
    """「长期目标：\n（截止…）」 -> 「长期目标」."""
    return clean_text(re.split(r"[:：（(\n]", label, maxsplit=1)[0])


def load_reference(version: str) -> tuple[Form, Template]:
    template = assets.template(version)
    before, rows = parse_reference((DATA / f"reference_{version}.txt").read_text(encoding="utf-8"))
    form = Form(template_id=template.id, year=template.first_year)
    form.long_term, form.annual = empty_tree(template), empty_tree(template)
    for line in before:
        m = re.search(r"填报日期：\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", line)
        if m:
            form.fill_date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    lines = {clean_text(l.label): l.key for g in template.funds for l in g.lines}
    groups = iter(g.key for g in template.funds)
    texts = {_head(t.label): t.key for t in template.texts}
    tree: str | None = None
    l1 = l2 = None
    for cells in rows:
        label = clean_text(cells[0])
        if label.startswith("部门（单位）") or label.startswith("部门(单位)"):
            form.department = cells[1].strip()
        elif label == "填报人":
            form.filler, form.phone = cells[1].strip(), cells[3].strip()
        elif len(cells) == 6 and re.fullmatch(r"\d{4}年", clean_text(cells[5])):
            form.year = int(clean_text(cells[5])[:4]) + 1
        elif len(cells) == 7 and tree is None and (clean_text(cells[2]) in lines or clean_text(cells[2]) == "合计"):
            values = {"current": cells[3], "prev2": cells[5], "prev1": cells[6]}
            if clean_text(cells[2]) == "合计":
                group = next(groups)
                form.stated_totals.update({(group, c): v.strip() for c, v in values.items() if v.strip()})
            else:
                line = lines[clean_text(cells[2])]
                form.funds.update({(line, c): v.strip() for c, v in values.items() if v.strip()})
        elif len(cells) == 2 and _head(cells[0]) in texts:
            key = texts[_head(cells[0])]
            form.texts[key] = cells[1].strip()
            m = re.search(r"截止(.*?)[）)]", label)
            if m:
                form.deadline = m.group(1)
        elif any("一级" in c for c in cells[:2]):
            tree = "long_term" if tree is None else "annual"
        elif tree and not any(c.strip() for c in cells[1:4]):
            continue  # the annual header's second and third rows
        elif tree:
            roots = form.tree(tree)
            if cells[1].strip():
                l1 = next(n for n in roots if n.name == clean_text(cells[1]))
            if cells[2].strip():
                l2 = Indicator(level=2, name=cells[2].strip())
                l1.children.append(l2)
            node = Indicator(level=3, name=cells[3].strip())
            if tree == "long_term":
                node.value, node.basis, node.category = (c.strip() for c in cells[4:7])
            else:
                node.prev2, node.prev1, node.value, node.basis, node.category = (c.strip() for c in cells[4:9])
            l2.children.append(node)
    return form, template
