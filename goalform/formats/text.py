"""The whole form as readable plain text (``goalform show``), its review state and the places a comment takes."""
from __future__ import annotations

from goalform.domain.amounts import format_amount, format_share
from goalform.domain.cells import Cell
from goalform.domain.fingerprint import fingerprint
from goalform.domain.form import Form, Indicator
from goalform.domain.funds import summarize_funds
from goalform.domain.names import FIELD_NAMES as F
from goalform.domain.names import TREE_TITLES
from goalform.domain.review import FORM_TARGET, Review
from goalform.domain.review_places import field_keys, indicators
from goalform.domain.review_text import TargetLabeler, history_lines, review_alerts, status_text
from goalform.domain.sections import NAME, TREE_OF_GOAL, column_keys, column_name, history_year
from goalform.domain.template import COLUMNS, Template


def _one_line(label: str) -> str:
    return label.replace("\n", "")


def render_text(form: Form, template: Template) -> str:
    out: list[str] = []
    add = out.append
    prev2, prev1 = template.history_years(form.year)
    add(f"{template.title}（{template.name}，{form.year}年度）")
    add("")
    add(f"{F['department']}：{form.department}")
    add(f"{F['filler']}：{form.filler}    {F['phone']}：{form.phone}")
    if form.fill_date or template.requires_fill_date:
        add(f"{F['fill_date']}：{form.fill_date}")
    add("")
    add(f"部门总体资金情况（单位：万元）    当年金额 | 占比 | {prev2}年 | {prev1}年")
    summary = summarize_funds(form, template)
    for group in template.funds:
        add(f"  {_one_line(group.label)}")
        for line in group.lines:
            cells = [form.fund(line.key, c) for c in COLUMNS]
            add(f"    {line.label}：{cells[0]} | {format_share(summary.shares.get(line.key))} | {cells[1]} | {cells[2]}")
        totals = [format_amount(summary.totals[(group.key, c)]) for c in COLUMNS]
        add(f"    合计：{totals[0]} | {format_share(summary.total_shares.get(group.key))} | {totals[1]} | {totals[2]}")
        stated = [form.stated_totals.get((group.key, c), "") for c in COLUMNS]
        if any(stated):
            add(f"    合计（原表所填）：{stated[0]} | | {stated[1]} | {stated[2]}")
    for section in template.texts:
        add("")
        label = _one_line(section.label.format(deadline=form.deadline))
        add(label if "：" in label else f"{label}：")
        for line in form.text(section.key).splitlines() or [""]:
            add(f"  {line}")
        tree = TREE_OF_GOAL.get(section.key)
        if tree is not None:
            add("")
            add(f"{TREE_TITLES[tree]}（一级 / 二级 / 三级：{' | '.join(_headers(template, tree, form.year))}）")
            _tree(out, form.tree(tree), tree)
    if form.notes.strip():
        add("")
        add("备注：")
        for line in form.notes.splitlines():
            add(f"  {line}")
    return "\n".join(out) + "\n"


def _headers(template: Template, tree: str, year: int) -> list[str]:
    """A 三级's columns after its name: a history column by its year (「2024年」), the others by name."""
    years = {key: history_year(year, tree, key) for key in column_keys(tree)}
    return [f"{years[key]}年" if years[key] not in (None, year) else column_name(tree, key, template)
            for key in column_keys(tree) if key != NAME]


def _tree(out: list[str], roots: list[Indicator], tree: str) -> None:
    keys = [key for key in column_keys(tree) if key != NAME]
    for l1 in roots:
        out.append(f"  {l1.name}")
        for l2 in l1.children:
            out.append(f"    {l2.name}")
            for l3 in l2.children:
                out.append(f"      {l3.name}：{' | '.join(l3.get(key) for key in keys)}")


def render_review(form: Form, template: Template) -> str:
    """The review state (``goalform show``): status with who and when, the fingerprints, what a
    reviewer must be told (changed after 提交, approved content other than the submitted), the
    history with every step's fingerprint and the 审核意见 with their places."""
    review = form.review or Review()
    current = fingerprint(form)
    out = ["", f"审核状态：{status_text(review)}", f"  当前指纹：{current}"]
    out += [f"  ⚠ {alert}" for alert in review_alerts(review, current)]
    if review.history:
        out.append("  状态记录：")
        out += [f"    {line}" for line in history_lines(review)]
    labels = TargetLabeler(form, template)
    out.append(f"审核意见：{len(review.comments)} 条" if review.comments else "审核意见：无")
    for c in review.comments:
        out.append(f"  [意见 {c.id}] {labels.label(c.location)}（{c.location}）：{c.text}"
                   f"（{c.author}，{c.created[:16].replace('T', ' ')}）")
    return "\n".join(out) + "\n"


def render_places(form: Form, template: Template) -> str:
    """Every place ``goalform review --comment … --at`` takes, with what it is (``goalform show --ids``)."""
    labels = TargetLabeler(form, template)
    out = ["", "可用于 goalform review --at 的位置："]
    places = [FORM_TARGET] + [Cell.field(k).to_text() for k in field_keys(template)]
    places += [Cell.fund(line.key, c).to_text() for g in template.funds for line in g.lines for c in COLUMNS]
    out += [f"  {p}    {labels.label(p)}" for p in places]
    for tree, path, node in indicators(form):
        if node.id is not None:
            place = Cell.indicator(node.id).to_text()
            out.append(f"  {place}    {tree}/{path}    {labels.label(place)}")
    return "\n".join(out) + "\n"
