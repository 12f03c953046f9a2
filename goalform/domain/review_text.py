"""What the GUI shows of a review, without Qt: labels for comment targets, the status line, the
comment target of a finding and its inverse. The 审核意见 dock lists comments with
:class:`TargetLabeler` labels; a finding's "add comment" uses :func:`target_of_location`, a click on a
comment jumps to :func:`location_of_target`.
"""
from __future__ import annotations

from collections.abc import Callable

from goalform.domain.cells import FIELD, FUND, INDICATOR, Cell
from goalform.domain.fingerprint import short
from goalform.domain.form import HEADER_FIELDS, TREES, Form, Indicator, walk
from goalform.domain.names import TREE_NAMES, field_name
from goalform.domain.review import FROZEN, Review, Status, StatusChange
from goalform.domain.sections import LABELLED, NAME, PREV1, PREV2, TREE_COLUMN_NAMES, VALUE, column_name
from goalform.domain.template import Template, TemplateError
from goalform.domain.validation.core import Location
from goalform.domain.validation.review import approved_changed_text, modified_text

def target_of_location(location: Location) -> str:
    """The comment target for a finding's location: a field, a funds cell, an indicator, or the form."""
    return location.cell.to_text()


def location_of_target(target: str, tree_of: Callable[[int], str]) -> Location | None:
    """The inverse of :func:`target_of_location`: where the window jumps for a comment target; None
    for the whole form or an indicator that is gone. ``tree_of(id)`` names an indicator's tree (and
    raises KeyError for one that is gone)."""
    t = Cell.parse_stored(target)
    if t.kind in (FIELD, FUND):
        return Location.of(t)
    if t.kind == INDICATOR and t.indicator_id is not None:
        try:
            tree = tree_of(t.indicator_id)
        except KeyError:
            return None
        return Location.of(t, tree)
    return None


def _when(change: StatusChange) -> str:
    return change.when[:16].replace("T", " ")


def changed_after_submission(submission: StatusChange, now: str) -> str:
    """Why 通过 is refused: the form is not what was submitted."""
    return (f"此表在提交后被修改过：{submission.who} 于 {_when(submission)} 提交时的指纹为 "
            f"{short(submission.fingerprint)}，现在为 {short(now)}。不能直接通过；"
            "确认通过修改后的内容请明确说明（命令行加 --accept-changes）")


def review_alerts(review: Review | None, current: str) -> list[str]:
    """What a reviewer must be told about a form's review, one sentence each (every surface says the same,
    as the rules of goalform.domain.validation.review do): the content changed since the last
    提交/通过, and an approval that covers content other than the submitted."""
    out: list[str] = []
    change = review.last_change if review is not None else None
    if change is None or review is None:
        return out
    if change.status in FROZEN and change.fingerprint and current != change.fingerprint:
        out.append(modified_text(change, current))
    pair = review.approved_over_changes
    if pair is not None:
        out.append(approved_changed_text(*pair))
    return out


def history_lines(review: Review) -> list[str]:
    """Every status change with when, who, the fingerprint it recorded, an accepted change and its note."""
    out = []
    for change in review.history:
        note = f"：{change.note}" if change.note else ""
        fp = f" · 指纹 {short(change.fingerprint)}" if change.fingerprint else ""
        accepted = f"（接受了提交后的修改，提交时指纹 {short(change.changed_from)}）" if change.changed_from else ""
        out.append(f"{_when(change)} {change.status.label} · {change.who}{fp}{accepted}{note}")
    return out


def status_text(review: Review | None) -> str:
    """「已提交 · 李文静 · 2026-01-05 09:00 · 指纹 3f2a·9c1b·07de」, or 「草稿」."""
    change = review.last_change if review is not None else None
    if change is None:
        return Status.DRAFT.label
    parts = [change.status.label, change.who, change.when[:16].replace("T", " ")]
    if change.fingerprint:
        parts.append(f"指纹 {short(change.fingerprint)}")
    return " · ".join(p for p in parts if p)


class TargetLabeler:
    """Names comment targets of one form in words a reviewer reads: 「年度指标「会议费控制率」· 指标值」."""

    def __init__(self, form: Form, template: Template) -> None:
        self.form = form
        self.template = template
        self._nodes: dict[int, tuple[str, Indicator]] | None = None

    def _node(self, indicator_id: int) -> tuple[str, Indicator] | None:
        if self._nodes is None:
            self._nodes = {}
            for tree in TREES:
                for _, node in walk(self.form.tree(tree)):
                    if node.id is not None:
                        self._nodes[node.id] = (tree, node)
        return self._nodes.get(indicator_id)

    def field_name(self, key: str) -> str:
        return field_name(key, self.template)

    def column_name(self, column: str) -> str:
        if column == "current":
            return f"{self.form.year}年当年金额"
        prev2, prev1 = self.template.history_years(self.form.year)
        return f"{prev2 if column == 'prev2' else prev1}年金额"

    def indicator_column(self, tree: str, column: str) -> str:
        """「预期当年实现值」, 「2024年指标值」 (a history column by its year), 「名称」 (the row's name)."""
        if column in (PREV2, PREV1):
            prev2, prev1 = self.template.history_years(self.form.year)
            return f"{prev2 if column == PREV2 else prev1}年{TREE_COLUMN_NAMES[VALUE]}"
        if column == NAME:
            return "名称"
        return column_name(tree, column, self.template) if column in LABELLED else column

    def label(self, location: str) -> str:
        target = Cell.parse_stored(location)
        if target.kind == FIELD:
            return self.field_name(target.key)
        if target.kind == FUND:
            try:
                name = self.template.funds_line(target.key).label
            except TemplateError:
                group = next((g for g in self.template.funds if g.key == target.key), None)
                name = (group.label.replace("\n", "") + "合计") if group else target.key
            return f"{name}（{self.column_name(target.column)}）" if target.column else name
        if target.kind == INDICATOR and target.indicator_id is not None:
            found = self._node(target.indicator_id)
            if found is None:
                return "（已删除的指标）"
            tree, node = found
            text = f"{TREE_NAMES[tree]}「{node.name.strip() or '未命名'}」"
            return f"{text} · {self.indicator_column(tree, target.column)}" if target.column else text
        return "整张表"

