"""goalform review: list, submit, return/approve and comment from the command line."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers.valid_forms import valid_form

from goalform.cli import main
from goalform.domain.review import Status
from goalform.store import Document


@pytest.fixture
def goal(tmp_path: Path) -> Path:
    form, _ = valid_form("2026")
    path = tmp_path / "表.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


def test_submit_return_comment_and_list(goal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(goal), "--submit", "--who", "李文静"]) == 0
    assert "已提交" in capsys.readouterr().out
    assert main(["review", str(goal), "--status", "已退回", "--who", "王审核", "--note", "请补充"]) == 0
    assert main(["review", str(goal), "--comment", "电话请核实", "--who", "王审核", "--at", "field:phone"]) == 0
    capsys.readouterr()
    assert main(["review", str(goal)]) == 0
    out = capsys.readouterr().out
    assert "已退回 · 王审核" in out and "已退回 · 王审核 · 指纹 " in out and "：请补充" in out
    assert "[意见 1] 联系电话：电话请核实（王审核" in out
    with Document.open(goal, read_only=True) as doc:
        assert doc.review_status() is Status.RETURNED and len(doc.comments()) == 1


def test_listing_a_file_changed_after_submission_exits_1(goal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(goal), "--submit", "--who", "李文静"]) == 0
    with Document.open(goal) as doc:
        doc.set_field("department", "改过")
        doc.save()
    capsys.readouterr()
    assert main(["review", str(goal)]) == 1
    assert "文件在已提交后被修改" in capsys.readouterr().out


def test_nonsense_is_refused_with_exit_2(goal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = goal.read_bytes()
    assert main(["review", str(goal), "--status", "已通过", "--who", "王审核"]) == 2
    assert "「草稿」的表不能改为「已通过」" in capsys.readouterr().err
    assert main(["review", str(goal), "--submit"]) == 2
    assert "--who" in capsys.readouterr().err
    assert main(["review", str(goal), "--status", "作废", "--who", "王审核"]) == 2
    assert "未知的审核状态" in capsys.readouterr().err
    assert goal.read_bytes() == before  # nothing was saved


def test_returning_without_a_reason_is_refused_with_exit_2(goal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(goal), "--submit", "--who", "李文静"]) == 0
    before = goal.read_bytes()
    capsys.readouterr()
    for note in ([], ["--note", "   "]):
        assert main(["review", str(goal), "--status", "已退回", "--who", "王审核", *note]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "退回时必须写明原因" in err[0] and "--note" in err[0]
    assert goal.read_bytes() == before
    with Document.open(goal, read_only=True) as doc:
        assert doc.review_status() is Status.SUBMITTED
