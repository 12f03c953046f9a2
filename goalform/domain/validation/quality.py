"""Quality hints: targets that are 「指向明确、细化量化、合理可行、相应匹配」.

These are warnings: a reviewer asks about them, but they do not make a form wrong by themselves.
The share of quantified indicators is reported as an info finding (a figure, not a problem).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from goalform.domain.amounts import format_amount
from goalform.domain.cells import Cell
from goalform.domain.folding import fold
from goalform.domain.form import TREES, Form
from goalform.domain.messages import msg, name
from goalform.domain.names import TREE_NAMES
from goalform.domain.sections import LONG_TERM
from goalform.domain.targets import QuantifiedShare, parse_target, percentages
from goalform.domain.template import Template
from goalform.domain.validation.core import Location, Severity, rule
from goalform.domain.validation.rows import funds_of, indicator_rows

# Words of a target that promises a direction but no amount.
VAGUE_WORDS: tuple[str, ...] = (
    "提升", "提高", "明显", "显著", "有效", "逐步", "进一步", "持续", "增强", "改善", "加强", "较好", "良好",
    "按实际情况", "根据实际", "大幅", "稳步", "不断", "较大", "有所",
)
# Names of indicators that measure something countable: a rate, a number, a share, a duration.
MEASURABLE_ENDINGS: tuple[str, ...] = ("率", "数", "占比", "比例", "比重", "满意度", "时间", "时长", "金额", "规模", "增长", "减少")
_MAYBE_OUT = re.compile(r"[0-9０-９]{3}|[-－]")  # cheap test: a rate out of range has 3+ digits or a minus
CHANGE_WORDS: tuple[str, ...] = ("变动", "增长", "增幅", "变化", "增速", "下降", "降低", "减少", "提高")  # of change rates


def measurable_name(name: str) -> bool:
    """Whether an indicator's name says it is measured: it ends in …率, …数, …量 (not 质量), …满意度 …
    (before one final line break, as ``$`` in a regular expression would have it)."""
    name = name[:-1] if name.endswith("\n") else name
    return name.endswith(MEASURABLE_ENDINGS) or (name.endswith("量") and not name.endswith("质量"))


@rule("quality.qualitative", Severity.WARNING, "指标值应细化量化：能给出数值的不要只写「有效提升」「程度明显」等")
def qualitative(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A value with no number that either uses words of direction only (提升, 明显, 按实际情况 …)
    or belongs to an indicator whose name says it is measured (…率, …数, …满意度)."""
    for row in indicator_rows(form):
        value = row.node.value
        if not value or row.quantified:
            continue
        text = fold(value)
        if not text or text == "无":
            continue
        if any(word in text for word in VAGUE_WORDS):
            yield (
                row.at("value"),
                msg("{row}的指标值「{value}」不够具体：请给出可衡量的数值（如 ≥90%、不少于 10 次）", row=row.title, value=value.strip()),
            )
        elif measurable_name(row.name):
            yield (
                row.at("value"),
                msg("{row}是可计量的指标，指标值「{value}」应给出数值（如 ≥90%）", row=row.title, value=value.strip()),
            )


@rule("quality.rate_range", Severity.WARNING, "比率不能超过 100% 或小于 0")
def rate_range(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Checks 指标值 and the 近两年指标值. Change rates (变动率, 增长率 …) may be negative or above 100%."""
    for row in indicator_rows(form):
        node = row.node
        columns = ("value", "prev2", "prev1") if row.tree == "annual" else ("value",)
        for column in columns:
            text = getattr(node, column)
            if ("%" not in text and "％" not in text) or not _MAYBE_OUT.search(text):
                continue
            if any(word in node.name for word in CHANGE_WORDS):
                continue
            bad = [p for p in percentages(text) if p > 100 or p < 0]
            if bad:
                yield row.at(column), msg("{row}的「{value}」中比率 {rate}% 超出 0–100% 的范围", row=row.title, value=text.strip(), rate=format_amount(bad[0]))


@rule("quality.tree_match", Severity.WARNING, "年度指标与长期指标应相互对应")
def tree_match(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """An annual 三级 with no long-term 三级 of the same name, and the reverse (names compared
    without spaces; placeholders and unnamed rows are left to other rules)."""
    names = {tree: {r.name for r in indicator_rows(form, (tree,))} for tree in TREES}
    for row in indicator_rows(form):
        other = "annual" if row.tree == "long_term" else "long_term"
        if row.name not in names[other]:
            yield row.at("name"), msg("{row}在{tree}中没有对应的指标", row=row.title, tree=name(TREE_NAMES[other]))


_WORSE = {">=": "低于", ">": "低于", "<=": "高于", "<": "高于"}


@rule("quality.regression", Severity.WARNING, "预期当年实现值不应比上年值差（≥、≤ 类目标）")
def regression(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """For a target written as ≥ x (or ≤ x) whose 上年值 is a number in the same unit: a lower
    (or higher) x than last year's value plans to do worse than last year."""
    _, prev1_year = template.history_years(form.year)
    for row in indicator_rows(form, ("annual",)):
        target = parse_target(row.node.value)
        if target is None or target.op not in _WORSE:
            continue
        last = parse_target(row.node.prev1)
        if last is None or last.op not in ("", "=") or last.unit != target.unit:
            continue
        worse = target.number < last.number if target.op in (">=", ">") else target.number > last.number
        if worse:
            shown = {"row": row.title, "value": row.node.value.strip(), "year": prev1_year, "last": row.node.prev1.strip()}
            yield (
                row.at("value"),
                (msg("{row}的预期当年实现值「{value}」低于{year}年的「{last}」：目标比上年差，请核实", **shown)
                 if _WORSE[target.op] == "低于" else
                 msg("{row}的预期当年实现值「{value}」高于{year}年的「{last}」：目标比上年差，请核实", **shown)),
            )


CHANGE_LIMIT = Decimal("0.5")


@rule("quality.funds_change", Severity.WARNING, "资金各行的当年金额与上年相比变动不宜超过 50%")
def funds_change(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Compares each funds line's 当年金额 with its 上年 amount; a change beyond 50% is worth a note."""
    prev2_year, prev1_year = template.history_years(form.year)
    reading = funds_of(form, template)
    for group in template.funds:
        for line in group.lines:
            now = reading.amount(line.key, "current")
            last = reading.amount(line.key, "prev1")
            if now is None or last is None or last <= 0:
                continue
            change = (now - last) / last
            if abs(change) > CHANGE_LIMIT:
                percent = (abs(change) * 100).quantize(Decimal("0.1"))
                shown = {"line": name(line.label, "template"), "year": form.year, "now": format_amount(now), "last_year": prev1_year,
                         "last": format_amount(last), "percent": format_amount(percent)}
                yield (
                    Location.of(Cell.fund(line.key, "current")),
                    msg("{line}：{year}年 {now} 万元比{last_year}年 {last} 万元增加 {percent}%，变动超过 50%，请核实或说明原因",
                        **shown) if change > 0 else
                    msg("{line}：{year}年 {now} 万元比{last_year}年 {last} 万元减少 {percent}%，变动超过 50%，请核实或说明原因",
                        **shown),
                )


@rule("quality.quantified_share", Severity.INFO, "量化指标占比（给出数值的三级指标所占比例）")
def quantified(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A figure for the reviewer, not a problem: the share of 三级 indicators whose 指标值 states a number."""
    shares = {}
    for tree in TREES:
        rows = indicator_rows(form, (tree,))
        shares[tree] = QuantifiedShare(sum(1 for r in rows if r.quantified), len(rows))
    long_term, annual = shares["long_term"], shares["annual"]
    overall = QuantifiedShare(long_term.quantified + annual.quantified, long_term.total + annual.total)
    if not overall.total:
        return
    yield (
        Location(LONG_TERM),  # a figure of both trees: shown with the first
        msg("量化指标占比 {overall}；长期指标 {long_term}，年度指标 {annual}", overall=overall.as_text(),
            long_term=long_term.as_text(), annual=annual.as_text()),
    )
