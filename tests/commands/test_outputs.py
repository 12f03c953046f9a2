"""Issue 23 items 4 and 9: no command's output replaces one of its inputs (by name, hard link or
symlink), every ``-o`` has the extension of what is written there, and a symlink loop anywhere is one
Chinese line, never a traceback."""
from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from helpers.office_builders import write_docx, write_xlsx
from helpers.reference_forms import read_reference

from goalform.cli import main
from goalform.store import Document

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")


def _goal(path: Path, version: str = "2026") -> Path:
    with Document.from_form(copy.deepcopy(read_reference(version).form)) as doc:
        doc.save(path)
    return path


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError" not in err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("goalform: "), err
    return lines[0]


def test_import_onto_its_own_input_is_refused(tmp_path: Path, capsys) -> None:
    ref = read_reference("2026")
    word = write_docx(tmp_path / "same.docx", ref.template, ref.form)
    book = write_xlsx(tmp_path / "same.xlsx", ref.template, ref.form)
    for src in (word, book):
        before = src.read_bytes()
        assert main(["import", str(src), "-o", str(src)]) == 2
        assert ".goal" in _one_line(capsys) and src.read_bytes() == before


def test_import_o_must_be_a_goal(tmp_path: Path, capsys) -> None:
    ref = read_reference("2026")
    word = write_docx(tmp_path / "in.docx", ref.template, ref.form)
    workbook = tmp_path / "other.xlsx"
    workbook.write_bytes(b"somebody's workbook")
    assert main(["import", str(word), "-o", str(workbook)]) == 2
    assert "须以 .goal 结尾" in _one_line(capsys) and workbook.read_bytes() == b"somebody's workbook"


@needs_links
def test_import_through_a_link_to_its_input_is_refused(tmp_path: Path, capsys) -> None:
    ref = read_reference("2026")
    word = write_docx(tmp_path / "in.docx", ref.template, ref.form)
    before = word.read_bytes()
    symlink = tmp_path / "out.goal"
    symlink.symlink_to(word)
    hard = tmp_path / "hard.goal"
    os.link(word, hard)
    for out in (symlink, hard):
        assert main(["import", str(word), "-o", str(out)]) == 2
        assert "输入文件" in _one_line(capsys)
    assert word.read_bytes() == before and symlink.is_symlink()


@needs_links
def test_export_summarize_rollover_and_library_never_replace_an_input(tmp_path: Path, capsys) -> None:
    form = _goal(tmp_path / "a.goal")
    before = form.read_bytes()
    for name in ("out.xlsx", "out.docx", "out.pdf"):
        link = tmp_path / name
        link.symlink_to(form)
        assert main(["export", str(form), "-o", str(link)]) == 2
        assert "输入文件" in _one_line(capsys)
    folder = tmp_path / "收到"
    folder.mkdir()
    inside = _goal(folder / "b.goal")
    inside_before = inside.read_bytes()
    for target in (form, inside):
        link = tmp_path / f"summary-{target.stem}.xlsx"
        link.symlink_to(target)
        assert main(["summarize", str(form), str(folder), "-o", str(link)]) == 2
        _one_line(capsys)
    hard = tmp_path / "next.goal"
    os.link(form, hard)
    assert main(["rollover", str(form), "-o", str(hard)]) == 2
    assert "不能覆盖原表" in _one_line(capsys)
    assert form.read_bytes() == before and inside.read_bytes() == inside_before

    assert main(["library", "list"]) == 0  # creates the library
    capsys.readouterr()
    library = next(Path(os.environ["GOALFORM_DATA_DIR"]).rglob("library.sqlite"))
    kept = library.read_bytes()
    trap = tmp_path / "library.xlsx"
    trap.symlink_to(library)
    assert main(["library", "export", "-o", str(trap)]) == 2
    assert "输入文件" in _one_line(capsys) and library.read_bytes() == kept


@needs_links
def test_symlink_loops_are_one_line(tmp_path: Path, capsys) -> None:
    form = _goal(tmp_path / "a.goal")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    loop_xlsx = tmp_path / "loop.xlsx"
    loop_xlsx.symlink_to(tmp_path / "loop1")
    loop_goal = tmp_path / "loop.goal"
    loop_goal.symlink_to(tmp_path / "loop1")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "x.goal").symlink_to(tmp_path / "loop1")
    _goal(folder / "good.goal")
    runs = [
        ["summarize", str(form), "-o", str(loop_xlsx)],
        ["rollover", str(loop_goal), "-o", str(tmp_path / "n.goal")],
        ["rollover", str(form), "-o", str(loop_goal)],
        ["export", str(form), "-o", str(loop_xlsx)],
        ["show", str(loop_goal)],
        ["import", str(loop_xlsx), "-o", str(tmp_path / "i.goal")],
    ]
    for argv in runs:
        assert main(argv) == 2, argv
        assert "循环" in _one_line(capsys), argv
    assert main(["summarize", str(folder), "-o", str(tmp_path / "s.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "x.goal：快捷方式（符号链接）循环" in err
