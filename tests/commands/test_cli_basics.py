"""The CLI contract for new, validate and show."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from goalform.cli import main
from goalform.store import read_form


def test_new_creates_a_form_of_the_chosen_version(tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.goal"
    assert main(["new", "--template", "2024", "--year", "2025", "-o", str(out)]) == 0
    form, template = read_form(out)
    assert template.id == "2024" and form.year == 2025
    assert len(form.long_term[0].children) == 3  # default indicators


def test_new_refuses_to_overwrite_without_force(tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.goal"
    out.write_text("keep me")
    assert main(["new", "--template", "2026", "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert main(["new", "--template", "2026", "-o", str(out), "--force"]) == 0
    assert read_form(out)[1].id == "2026"


def test_new_rejects_unknown_template(tmp_path: Path, capsys) -> None:
    assert main(["new", "--template", "1999", "-o", str(tmp_path / "x.goal")]) == 2
    err = capsys.readouterr().err
    assert "1999" in err and len(err.strip().splitlines()) == 1


def test_validate_json_shape_and_exit_codes(tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.goal"
    main(["new", "--template", "2026", "-o", str(out)])
    capsys.readouterr()
    assert main(["validate", str(out), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data[0]["file"] == str(out)
    rules = {f["rule"] for f in data[0]["findings"]}
    assert "header.required" in rules
    for f in data[0]["findings"]:
        assert set(f) == {"rule", "severity", "location", "message"}
        assert f["severity"] in ("error", "warning", "info")


def test_validate_several_files_one_unusable_exits_2(tmp_path: Path, capsys) -> None:
    good = tmp_path / "a.goal"
    main(["new", "--template", "2026", "-o", str(good)])
    bad = tmp_path / "b.goal"
    bad.write_bytes(b"hello")
    capsys.readouterr()
    assert main(["validate", str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert "a.goal" in captured.out and "b.goal" in captured.err


def test_show_prints_the_whole_form(tmp_path: Path, capsys) -> None:
    out = tmp_path / "a.goal"
    main(["new", "--template", "2024", "--year", "2024", "-o", str(out)])
    capsys.readouterr()
    assert main(["show", str(out)]) == 0
    text = capsys.readouterr().out
    for fragment in ("部门整体绩效目标表", "2022年", "2023年", "公用经费控制率", "满意度", "年度绩效指标"):
        assert fragment in text


def test_bad_arguments_exit_2_without_traceback(capsys) -> None:
    assert main(["validate"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_show_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["show", str(tmp_path / "none.goal")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    """`goalform show FILE | head -c0`: the reader leaves early; no 「Broken pipe」 and no traceback."""
    import subprocess
    import sys

    form = tmp_path / "a.goal"
    assert main(["new", "--template", "2026", "-o", str(form)]) == 0
    proc = subprocess.Popen([sys.executable, "-m", "goalform", "show", str(form)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the command writes a line
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=60)
    assert stderr == ""
