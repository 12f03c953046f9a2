"""Hypothesis strategies for random valid forms of every template version.

"Valid" means what a clerk can type and the official layout can show unambiguously: 二级 and 三级
names are not blank (a blank one is what a merged cell looks like), neighbouring 二级 under one 一级
have different names, amounts are non-negative with at most the template's decimals, and texts hold
printable characters only.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from goalform import assets
from goalform.domain.amounts import MAX_AMOUNT, format_decimal
from goalform.domain.form import Form, Indicator, empty_tree
from goalform.domain.template import Template

# Chinese characters of everyday forms, Latin letters and digits, and the punctuation clerks use.
_CHARS = "部门单位资金项目管理效率服务满意度完成情况指标数量质量成本社会经济效益可持续发展建设提升制度保障率年月日万元"
_ALPHABET = _CHARS + "abcXYZ0123456789，。、；：（）《》“”%≥≤+-/ "

# A name or value holds at least one letter, digit or Chinese character (「：」 alone is no name).
words = st.text(alphabet=_ALPHABET, min_size=1, max_size=12).map(str.strip).filter(lambda s: any(c.isalnum() for c in s))
short_text = st.one_of(st.just(""), words)
long_text = st.lists(words, min_size=0, max_size=3).map("\n".join)

MAX_AMOUNT_CENTS = int(MAX_AMOUNT) // 10 - 1  # whole 万元 or cents: even a 合计 of 9 lines stays below the limit


@st.composite
def amounts(draw: st.DrawFn, decimals: int = 2) -> str:
    if draw(st.booleans()) and draw(st.booleans()):
        return ""
    cents = draw(st.integers(min_value=0, max_value=MAX_AMOUNT_CENTS))
    places = draw(st.integers(min_value=0, max_value=decimals))
    value = Decimal(cents).scaleb(-places)
    return format_decimal(value)


@st.composite
def indicator_trees(draw: st.DrawFn, template: Template, annual: bool) -> list[Indicator]:
    roots = empty_tree(template)
    basis = st.sampled_from(("",) + template.basis.values) if template.basis.is_choice else short_text
    category = st.sampled_from(("",) + template.category.values) if template.category.is_choice else short_text
    for root in roots:
        names = draw(st.lists(words, min_size=0, max_size=3))
        # Neighbouring 二级 with the same name would read back as one merged cell.
        names = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
        for name in names:
            l2 = Indicator(level=2, name=name)
            for _ in range(draw(st.integers(min_value=0, max_value=3))):
                leaf = Indicator(level=3, name=draw(words), value=draw(short_text), basis=draw(basis),
                                 category=draw(category))
                if annual:
                    leaf.prev2, leaf.prev1 = draw(short_text), draw(short_text)
                l2.children.append(leaf)
            root.children.append(l2)
    return roots


@st.composite
def forms(draw: st.DrawFn, template_id: str | None = None) -> Form:
    """A random valid form of ``template_id`` (or of any template)."""
    ids = [template_id] if template_id else list(assets.templates())
    template = assets.template(draw(st.sampled_from(ids)))
    year = draw(st.integers(min_value=2020, max_value=2035))
    form = Form(template_id=template.id, year=year)
    form.department, form.filler, form.phone = draw(words), draw(short_text), draw(short_text)
    if any("{fill_date}" in line for line in template.lines_above) and draw(st.booleans()):
        day = draw(st.dates(min_value=dt.date(year - 1, 1, 1), max_value=dt.date(year, 12, 31)))
        form.fill_date = day.isoformat()
    form.deadline = draw(st.sampled_from(["", f"{year}年12月", f"{year + 2}年12月", f"{(year + 2) % 100}年"]))
    form.texts = {t.key: draw(long_text) for t in template.texts}
    for group in template.funds:
        for line in group.lines:
            for column in ("current", "prev2", "prev1"):
                text = draw(amounts(template.amount_decimals))
                if text:
                    form.funds[(line.key, column)] = text
    form.long_term = draw(indicator_trees(template, annual=False))
    form.annual = draw(indicator_trees(template, annual=True))
    return form
