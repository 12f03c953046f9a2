"""docs/rules.md, generated from the registered rules (``python tools/rules_doc.py`` writes it).

Each rule contributes its id, severity, Chinese title and the docstring of its function, so the
document cannot drift from the code; tests/domain/test_rules_doc.py fails when the file is stale.
"""
from __future__ import annotations

import inspect

from goalform.domain.validation import all_rules
from goalform.domain.validation.core import RuleSpec, Severity

# Rule modules in the order of the form, with a heading each.
TOPICS: tuple[tuple[str, str], ...] = (
    ("header", "Header (表头)"),
    ("budget", "Funds (部门总体资金情况)"),
    ("texts", "Texts (文字部分)"),
    ("indicators", "Indicators (绩效指标)"),
    ("quality", "Quality (指向明确、细化量化、合理可行、相应匹配)"),
    ("library", "Indicator library (指标库)"),
    ("review", "Review (审核)"),
)

INTRO = """\
# Validation rules

Generated from `goalform/domain/validation/` by `python tools/rules_doc.py`; do not edit by hand
(`tests/domain/test_rules_doc.py` fails when this file is out of date).

Every finding has a rule id, a severity, a message in Chinese and a location (section, field or
column, and for indicators the index path from the 一级 node plus the indicator's id in the .goal).

| severity | meaning |
| --- | --- |
| 错误 (error) | a reviewer must send the form back |
| 警告 (warning) | a quality hint a reviewer will ask about |
| 提示 (info) | a figure, not a problem (e.g. the share of quantified indicators) |

Rules marked 待填 in the last column also report required cells that are simply still empty. While a
clerk fills in the form, the program shows those as 待填 (to fill in), with a count per tab, not as
errors; they take their severity when the clerk asks for a check (检查 / F5) or exports, prints or
submits the form. `goalform validate` is such an explicit check and always reports them at their
severity. Real mistakes (a wrong 合计, an unreadable amount, a bad phone number) are errors at once.
"""


def _topic(spec: RuleSpec) -> str:
    return spec.func.__module__.rsplit(".", 1)[-1]


def _explanation(spec: RuleSpec) -> str:
    doc = inspect.getdoc(spec.func) or ""
    return " ".join(line.strip() for line in doc.splitlines()).strip()


def render_rules_markdown() -> str:
    rules = all_rules()
    out = [INTRO]
    known = {key for key, _ in TOPICS}
    topics = list(TOPICS) + [(t, t) for t in dict.fromkeys(_topic(s) for s in rules) if t not in known]
    for key, heading in topics:
        specs = [s for s in rules if _topic(s) == key]
        if not specs:
            continue
        out.append(f"\n## {heading}\n")
        out.append("| id | severity | rule | empty cells |")
        out.append("| --- | --- | --- | --- |")
        for spec in specs:
            pending = "待填" if spec.reports_missing else ""
            out.append(f"| `{spec.id}` | {spec.severity.label} ({spec.severity.value}) | {spec.title} | {pending} |")
        for spec in specs:
            text = _explanation(spec)
            if text:
                out.append(f"\n**`{spec.id}`**: {text}")
    counts = {sev: sum(1 for s in rules if s.severity is sev) for sev in Severity}  # PENDING is never a rule's
    out.append(
        f"\n---\n{len(rules)} rules: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} info."
    )
    return "\n".join(out) + "\n"
