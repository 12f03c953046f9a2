"""Issue 21 on the command line: evidence that survives approval (3), the CLI asks as the GUI does (4, 5),
``show`` tells the review state (6), ``goalform --read-only`` (7), summaries never hide a figure (8).
Run as a user runs them: separate processes, and sqlite3 for the tampering."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from helpers.valid_forms import valid_form

from goalform.cli import main as cli_main
from goalform.domain.review import Status
from goalform.store import Document, read_form


def goalform(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "goalform", *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=120)


@pytest.fixture
def form_file(tmp_path: Path) -> Path:
    form, _ = valid_form("2026")
    path = tmp_path / "表.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


def tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# -- 3 ------------------------------------------------------------------------------------------------
def test_approving_a_form_changed_after_submission_is_refused_and_an_accepted_one_stays_visible(
        form_file: Path, tmp_path: Path) -> None:
    assert goalform("review", str(form_file), "--submit", "--who", "李文静").returncode == 0
    tamper(form_file, "UPDATE field SET value = '13900000009' WHERE key = 'phone'")  # still a valid form
    refused = goalform("review", str(form_file), "--status", "已通过", "--who", "王审核")
    assert "提交后被修改过" in one_line(refused) and "--accept-changes" in refused.stderr
    assert read_form(form_file)[0].review.status is Status.SUBMITTED

    approved = goalform("review", str(form_file), "--status", "已通过", "--who", "王审核", "--accept-changes")
    assert approved.returncode == 0 and "通过的内容与提交的不同" in approved.stdout
    said = "通过的内容与提交的不同"
    listing = goalform("review", str(form_file))
    assert listing.returncode == 1 and said in listing.stdout and "已确认接受" in listing.stdout
    assert listing.stdout.count("指纹 ") >= 3  # the status line and every step of the history
    validate = goalform("validate", str(form_file))
    assert validate.returncode == 1 and said in validate.stdout
    show = goalform("show", str(form_file))
    assert show.returncode == 0 and said in show.stdout and "已通过 · 王审核" in show.stdout
    out = tmp_path / "汇总.xlsx"
    assert goalform("summarize", str(form_file), "-o", str(out)).returncode == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert sheet.cell(row=2, column=header.index(said) + 1).value == "是"


# -- 4 ------------------------------------------------------------------------------------------------
def test_submitting_or_approving_a_form_with_errors_needs_force(form_file: Path, tmp_path: Path) -> None:
    tamper(form_file, "UPDATE field SET value = '12345' WHERE key = 'phone'")  # not a phone number
    line = one_line(goalform("review", str(form_file), "--submit", "--who", "李文静"))
    assert "还有 1 个错误" in line and "--force" in line
    assert read_form(form_file)[0].review.status is Status.DRAFT
    assert goalform("review", str(form_file), "--submit", "--who", "李文静", "--force").returncode == 0
    line = one_line(goalform("review", str(form_file), "--status", "已通过", "--who", "王审核"))
    assert "还有 1 个错误" in line and "不能通过" in line
    assert goalform("review", str(form_file), "--status", "已通过", "--who", "王审核", "--force").returncode == 0
    assert read_form(form_file)[0].review.status is Status.APPROVED


def test_exporting_a_form_with_errors_writes_it_and_says_the_count(form_file: Path, tmp_path: Path) -> None:
    tamper(form_file, "UPDATE field SET value = '12345' WHERE key = 'phone'")
    out = tmp_path / "表.docx"
    done = goalform("export", str(form_file), "-o", str(out))
    assert done.returncode == 0 and out.exists()
    assert "1 个错误" in done.stderr and len(done.stderr.strip().splitlines()) == 1


# -- 5 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("args, said", [
    (["--comment", "", "--who", "王"], "审核意见不能为空"),
    (["--comment", "   ", "--who", "王"], "审核意见不能为空"),
    (["--note", "退回原因"], "--note 只能与"),
    (["--comment", "看", "--who", "王", "--at", "fund:fiscal:zzz"], "没有资金列「zzz」"),
    (["--comment", "看", "--who", "王", "--at", "fund:nosuch:current"], "没有资金行「nosuch」"),
    (["--comment", "看", "--who", "王", "--at", "field:nosuch"], "没有字段「nosuch」"),
    (["--comment", "看", "--who", "王", "--at", "indicator:99999"], "没有编号为 99999 的指标"),
    (["--comment", "看", "--who", "王", "--at", "annual/9.9.9/value"], "没有第 9.9.9 项指标"),
    (["--comment", "看", "--who", "王", "--at", "banana"], "未知的位置"),
    (["--at", "form"], "--at 只能与 --comment"),
])
def test_unusable_review_options_exit_2_with_one_line(form_file: Path, args: list[str], said: str) -> None:
    before = form_file.read_bytes()
    assert said in one_line(goalform("review", str(form_file), *args))
    assert form_file.read_bytes() == before


def test_at_takes_what_validate_prints_and_what_show_ids_lists(form_file: Path) -> None:
    validated = goalform("validate", str(form_file), "--json")
    form, _ = read_form(form_file)
    leaf = form.annual[0].children[0].children[0]
    assert goalform("review", str(form_file), "--comment", "依据？", "--who", "王", "--at",
                    "annual/1.1.1/basis").returncode == 0
    listing = goalform("show", str(form_file), "--ids").stdout
    assert f"indicator:{leaf.id}    annual/1.1.1" in listing and "fund:fiscal:current" in listing
    assert goalform("review", str(form_file), "--comment", "数值？", "--who", "王", "--at",
                    f"indicator:{leaf.id}:value").returncode == 0
    assert goalform("review", str(form_file), "--comment", "电话？", "--who", "王", "--at",
                    "header/phone").returncode == 0
    locations = [c.location for c in read_form(form_file)[0].review.comments]
    assert locations == [f"indicator:{leaf.id}:basis", f"indicator:{leaf.id}:value", "field:phone"]
    assert validated.returncode in (0, 1)


# -- 6 ------------------------------------------------------------------------------------------------
def test_show_tells_the_review_state(form_file: Path) -> None:
    assert cli_main(["review", str(form_file), "--comment", "请核对电话", "--who", "王审核", "--at", "field:phone"]) == 0
    assert cli_main(["review", str(form_file), "--submit", "--who", "李文静"]) == 0
    tamper(form_file, "UPDATE field SET value = '13900000009' WHERE key = 'phone'")
    shown = goalform("show", str(form_file)).stdout
    assert "审核状态：已提交 · 李文静" in shown and "当前指纹：" in shown
    assert "文件在已提交后被修改" in shown
    assert "[意见 1] 联系电话（field:phone）：请核对电话（王审核" in shown


# -- 7 ------------------------------------------------------------------------------------------------
def test_read_only_is_an_option_of_goalform_itself(form_file: Path, monkeypatch) -> None:
    helped = goalform("--help")
    assert helped.returncode == 0 and "--read-only" in helped.stdout
    seen: list[list[str]] = []
    monkeypatch.setattr("goalform.ui.app.launcher.main", lambda argv: seen.append(list(argv)) or 0)
    assert cli_main(["--read-only", str(form_file)]) == 0
    assert seen == [["--read-only", str(form_file)]]
    from goalform.ui.app.launcher import parse

    assert parse(seen[0]).read_only and parse(seen[0]).file == form_file
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "goalform --read-only" in readme


# -- 8 ------------------------------------------------------------------------------------------------
def test_summarize_marks_unreadable_amounts_and_says_the_totals_are_incomplete(form_file: Path,
                                                                              tmp_path: Path) -> None:
    other = tmp_path / "另一张.goal"
    other.write_bytes(form_file.read_bytes())
    tamper(other, "UPDATE fund SET value = '300元' WHERE line = 'fiscal' AND col = 'current'")
    tamper(other, "UPDATE fund SET value = '12,5' WHERE line = 'fiscal' AND col = 'prev1'")
    out = tmp_path / "汇总.xlsx"
    done = goalform("summarize", str(form_file), str(other), "-o", str(out))
    assert done.returncode == 0 and "合计不完整" in done.stdout and "300元" in done.stderr
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    column = header.index("无法读取的金额") + 1
    rows = {sheet.cell(row=r, column=header.index("文件") + 1).value: r for r in (2, 3)}
    marked = sheet.cell(row=rows[str(other)], column=column).value
    assert "300元" in marked and "12,5" in marked and "财政拨款" in marked
    assert not sheet.cell(row=rows[str(form_file)], column=column).value
    assert "合计不完整" in sheet.cell(row=4, column=1).value
