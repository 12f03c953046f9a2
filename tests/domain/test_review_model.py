from __future__ import annotations

import pytest

from goalform.domain.cells import Cell
from goalform.domain.review import (
    Comment,
    Review,
    ReviewError,
    Status,
    StatusChange,
    check_transition,
)

ALLOWED = {
    (Status.DRAFT, Status.SUBMITTED),
    (Status.SUBMITTED, Status.SUBMITTED),
    (Status.SUBMITTED, Status.RETURNED),
    (Status.SUBMITTED, Status.APPROVED),
    (Status.RETURNED, Status.SUBMITTED),
    (Status.APPROVED, Status.RETURNED),
}


@pytest.mark.parametrize("old", list(Status))
@pytest.mark.parametrize("new", list(Status))
def test_transitions(old: Status, new: Status) -> None:
    if (old, new) in ALLOWED:
        check_transition(old, new)
    else:
        with pytest.raises(ReviewError, match=f"「{old.label}」的表不能改为「{new.label}」"):
            check_transition(old, new)


def test_labels_and_parsing() -> None:
    assert [s.label for s in Status] == ["草稿", "已提交", "已退回", "已通过"]
    assert Status.from_text("已退回") is Status.RETURNED and Status.from_text("approved") is Status.APPROVED
    with pytest.raises(ReviewError, match="未知的审核状态"):
        Status.from_text("作废")


def test_review_status_follows_history() -> None:
    review = Review()
    assert review.status is Status.DRAFT and review.last_change is None and review.last_submission is None
    review.history.append(StatusChange(Status.SUBMITTED, "甲", "2026-01-01T09:00:00+08:00", "a" * 64))
    review.history.append(StatusChange(Status.RETURNED, "乙", "2026-01-02T09:00:00+08:00", "a" * 64, "请补充"))
    assert review.status is Status.RETURNED and review.last_change.note == "请补充"
    assert review.last_submission.who == "甲"


def test_comments_grouped_for_markers() -> None:
    comments = [
        Comment(1, Cell.indicator(7, "value").to_text(), "数值？", "王", "t"),
        Comment(2, Cell.field("phone").to_text(), "核实", "王", "t"),
        Comment(3, Cell.indicator(7).to_text(), "整行", "王", "t"),
        Comment(4, Cell.indicator(7, "value").to_text(), "再看", "李", "t"),
    ]
    review = Review(comments=comments)
    assert [c.id for c in review.by_location()[Cell.indicator(7, "value").to_text()]] == [1, 4]
    assert [c.id for c in review.by_indicator()[7]] == [1, 3, 4]
    assert review.comments_at(Cell.field("phone").to_text()) == [comments[1]]
