"""The CLI contract for import, rollover and diff."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from docx import Document as WordDocument
from helpers.office_builders import write_docx, write_xlsx
from helpers.reference_forms import read_reference

from goalform.cli import main
from goalform.store import Document, read_form


def _goal(path: Path, form) -> Path:
    with Document.from_form(copy.deepcopy(form)) as doc:
        doc.save(path)
    return path


def test_import_docx_writes_a_goal_and_prints_the_report(tmp_path: Path, capsys) -> None:
    ref = read_reference("2026")
    src = write_docx(tmp_path / "去年.docx", ref.template, ref.form)
    doc = WordDocument(str(src))
    doc.tables[0].add_row().cells[0].text = "盖章"
    doc.save(str(src))
    out = tmp_path / "a.goal"
    assert main(["import", str(src), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "识别为2026版" in printed and "1 处内容未能放入表中" in printed and "「盖章」" in printed
    form, template = read_form(out)
    assert template.id == "2026" and form.year == 2026
    assert form.department == ref.form.department and "盖章" in form.notes


def test_import_replaces_an_existing_file_and_takes_overrides(tmp_path: Path, capsys) -> None:
    ref = read_reference("2024")
    src = write_xlsx(tmp_path / "a.xlsx", ref.template, ref.form)
    out = tmp_path / "a.goal"
    out.write_bytes(b"old content")
    assert main(["import", str(src), "-o", str(out), "--year", "2025", "--template", "2024"]) == 0
    form, template = read_form(out)
    assert (template.id, form.year) == ("2024", 2025)
    assert "所有内容均已导入" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("a.goal")] == ["a.goal"]  # no temp files left


@pytest.mark.parametrize("name,payload", [("x.txt", b"hello"), ("x.docx", b"broken"), ("missing.docx", None)])
def test_import_of_unusable_input_is_one_line_and_exit_2(tmp_path: Path, capsys, name: str, payload) -> None:
    src = tmp_path / name
    if payload is not None:
        src.write_bytes(payload)
    out = tmp_path / "o.goal"
    assert main(["import", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("goalform: ")
    assert not out.exists()


def test_rollover_makes_next_years_form(tmp_path: Path, capsys) -> None:
    ref = read_reference("2026")
    src = _goal(tmp_path / "2026.goal", ref.form)
    out = tmp_path / "2027.goal"
    assert main(["rollover", str(src), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "已结转为 2027 年的表" in printed and "财政拨款的2026年金额「1424」是结转前的预算数" in printed
    form, _ = read_form(out)
    assert form.year == 2027 and form.fund("fiscal", "prev1") == "1424" and form.fund("fiscal", "current") == ""
    assert read_form(src)[0].year == 2026  # the old form is untouched
    # The flags survive saving: validate still reports them.
    assert main(["validate", str(out), "--json"]) == 1
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)[0]["findings"]}
    assert {"rollover.funds_actual", "rollover.indicator_actual"} <= rules


def test_rollover_refuses_to_overwrite_its_input(tmp_path: Path, capsys) -> None:
    src = _goal(tmp_path / "a.goal", read_reference("2024").form)
    before = src.read_bytes()
    assert main(["rollover", str(src), "-o", str(src)]) == 2
    assert "不能覆盖原表" in capsys.readouterr().err and src.read_bytes() == before


def test_diff_exit_codes_text_and_json(tmp_path: Path, capsys) -> None:
    ref = read_reference("2024")
    a = _goal(tmp_path / "a.goal", ref.form)
    b = _goal(tmp_path / "b.goal", ref.form)
    assert main(["diff", str(a), str(b)]) == 0
    assert "内容相同" in capsys.readouterr().out
    changed = copy.deepcopy(ref.form)
    changed.funds[("fiscal", "current")] = "600"
    leaf = changed.annual[0].children[0].children[0]
    leaf.value = "≤90%"
    c = _goal(tmp_path / "c.goal", changed)
    assert main(["diff", str(a), str(c)]) == 1
    out = capsys.readouterr().out
    assert "2 处不同" in out and "财政拨款（2024年当年金额）：「509.41」 改为 「600」" in out
    assert main(["diff", str(a), str(c), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["equal"] is False and len(data["differences"]) == 2
    assert set(data["differences"][0]) == {"kind", "location", "old", "new", "message", "year"}
    assert data["differences"][1]["location"] == "annual/1.1.1/value" and data["differences"][1]["year"] == 2024


def test_diff_against_the_rollover_reports_no_changed_figure(tmp_path: Path, capsys) -> None:
    src = Path(__file__).parents[2] / "examples" / "form-2024.goal"
    rolled = tmp_path / "R.goal"
    assert main(["rollover", str(src), "-o", str(rolled)]) == 0
    capsys.readouterr()
    assert main(["diff", str(src), str(rolled)]) == 1
    out = capsys.readouterr().out
    assert "3 处不同" in out and "2022年、2025年未比较" in out and "改为" not in out
    assert main(["diff", str(src), str(rolled), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["kind"] for d in data["differences"]] == ["year", "stated_total", "notes"]
    # A real change of a history figure in the new form is reported, with its year.
    doc = Document.open(rolled)
    doc.set_fund("fiscal", "prev2", "600")  # 2023
    doc.save()
    doc.close()
    assert main(["diff", str(src), str(rolled), "--json"]) == 1
    funds = [d for d in json.loads(capsys.readouterr().out)["differences"] if d["kind"] == "fund"]
    assert funds == [{"kind": "fund", "location": "funds/fiscal/prev1", "old": "655.81", "new": "600",
                      "message": "财政拨款（2023年金额）：「655.81」 改为 「600」", "year": 2023}]


def test_diff_of_a_missing_file_is_exit_2(tmp_path: Path, capsys) -> None:
    a = _goal(tmp_path / "a.goal", read_reference("2024").form)
    assert main(["diff", str(a), str(tmp_path / "nope.goal")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
