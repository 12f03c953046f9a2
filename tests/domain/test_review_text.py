from __future__ import annotations

from helpers.valid_forms import find, number_indicators, valid_form

from goalform.domain.cells import Cell
from goalform.domain.review import FORM_TARGET, Review, Status, StatusChange
from goalform.domain.review_places import field_keys
from goalform.domain.review_text import TargetLabeler, location_of_target, status_text, target_of_location
from goalform.domain.validation import validate
from goalform.domain.validation.core import Location


def _with_ids(version: str = "2026"):
    form, template = valid_form(version)
    return number_indicators(form), template


def test_labels_for_every_kind_of_target() -> None:
    form, template = _with_ids()
    node = find(form, "annual", "会议费控制率")
    labels = TargetLabeler(form, template)
    assert labels.label(Cell.field("department").to_text()) == "部门（单位）名称"
    assert labels.label(Cell.field("phone").to_text()) == "联系电话"
    assert labels.label(Cell.field("long_term_goal").to_text()) == "长期目标"
    assert labels.label(Cell.fund("fiscal", "prev1").to_text()) == "财政拨款（2025年金额）"
    assert labels.label(Cell.fund("income", "current").to_text()) == "收入构成合计（2026年当年金额）"
    assert labels.label(Cell.indicator(node.id, "value").to_text()) == "年度指标「会议费控制率」 · 预期当年实现值"
    assert labels.label(Cell.indicator(node.id).to_text()) == "年度指标「会议费控制率」"
    assert labels.label(Cell.indicator(99999).to_text()) == "（已删除的指标）"
    assert labels.label(FORM_TARGET) == "整张表"


def test_a_finding_can_be_commented_on_where_it_points() -> None:
    form, template = _with_ids()
    node = find(form, "annual", "会议费控制率")
    node.value = "有效提升"
    form.phone = "x"
    form.funds[("personnel", "current")] = "41"
    targets = {f.rule: target_of_location(f.location) for f in validate(form, template)}
    assert targets["quality.qualitative"] == Cell.indicator(node.id, "value").to_text()
    assert targets["header.phone"] == Cell.field("phone").to_text()
    assert targets["funds.balance"] == Cell.fund("expenditure", "current").to_text()
    assert targets["quality.quantified_share"] == FORM_TARGET
    assert target_of_location(Location("annual", column="value", path=(0, 0, 0))) == FORM_TARGET  # no id: not from a .goal


def test_a_comment_on_a_field_jumps_where_a_finding_there_points() -> None:
    """Both are Location.of the field's cell: 长期目标's deadline is texts/deadline either way."""
    form, template = _with_ids()
    for key in field_keys(template):
        target = Cell.field(key).to_text()
        location = location_of_target(target, lambda i: "annual")
        assert location == Location.of(Cell.field(key)) and target_of_location(location) == target
    assert location_of_target(Cell.field("deadline").to_text(), lambda i: "annual").as_text() == "texts/deadline"
    form.deadline = ""
    deadline = next(f for f in validate(form, template) if f.rule == "texts.deadline")
    assert deadline.location == location_of_target(Cell.field("deadline").to_text(), lambda i: "annual")


def test_status_text() -> None:
    assert status_text(None) == "草稿" and status_text(Review()) == "草稿"
    review = Review(history=[StatusChange(Status.RETURNED, "王审核", "2026-01-05T09:30:00+08:00", "3f2a9c1b07de" + "0" * 52)])
    assert status_text(review) == "已退回 · 王审核 · 2026-01-05 09:30 · 指纹 3f2a·9c1b·07de"
