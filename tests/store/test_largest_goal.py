"""The largest file goalform accepts (issue 23, item 8): the character budget of a whole form, and
the largest allowed .goal opened, shown, reviewed, summarized, exported and rolled over. Its time and
memory are measured by bench/bench_largest_goal.py (speed targets live there, not in tests)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from helpers.valid_forms import valid_form

from goalform import cli
from goalform.domain import limits
from goalform.store import Document, checks
from goalform.store.errors import SaveError, TooLarge

ROOT = Path(__file__).resolve().parents[2]


def _largest_goal_module():
    spec = importlib.util.spec_from_file_location("largest_goal", ROOT / "bench" / "largest_goal.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_a_form_past_the_character_budget_is_neither_saved_nor_opened(tmp_path: Path, monkeypatch) -> None:
    form, _ = valid_form("2026")
    form.texts = {key: "文" * 3_000 for key in form.texts}
    form.notes = "备" * 50_000  # the notes do not count: import and rollover fill them
    path = tmp_path / "form.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    monkeypatch.setattr(checks, "MAX_FORM_CHARS", 0)
    with pytest.raises(TooLarge) as told:
        Document.open(path, read_only=True)
    total = int(re.search(r"共有 ([\d,]+) 字", str(told.value)).group(1).replace(",", ""))  # type: ignore[union-attr]
    assert len(form.texts) * 3_000 < total < len(form.texts) * 3_000 + 5_000  # the notes are not counted
    monkeypatch.setattr(checks, "MAX_FORM_CHARS", total)
    Document.open(path, read_only=True).close()
    monkeypatch.setattr(checks, "MAX_FORM_CHARS", total - 1)
    with pytest.raises(TooLarge, match="备注除外"):
        Document.open(path, read_only=True)
    with Document.from_form(form) as doc, pytest.raises(SaveError, match="上限"):
        doc.save(tmp_path / "other.goal")
    assert not (tmp_path / "other.goal").exists()


def test_the_documented_limits_are_the_ones_the_budget_was_measured_for() -> None:
    # bench_largest_goal.py measures a form of these: 10,000,000 characters fit in 64 MB even when every
    # one takes 4 bytes, and the file limit is no more than the characters need.
    assert limits.MAX_FORM_CHARS * 4 < limits.MAX_GOAL_BYTES <= 64 * limits.MiB


@pytest.mark.slow
@pytest.mark.parametrize("alphabet", ["astral"])  # the most bytes and the most memory a character
def test_the_largest_allowed_file_is_read_exported_and_rolled_over(tmp_path: Path, alphabet: str,
                                                                 capsys) -> None:
    module = _largest_goal_module()
    path = module.build(tmp_path / "largest.goal", module.ALPHABETS[alphabet])
    assert path.stat().st_size < limits.MAX_GOAL_BYTES
    for argv in (["show", str(path)], ["review", str(path)],
                 ["summarize", str(path), "-o", str(tmp_path / "summary.xlsx")],
                 ["export", str(path), "-o", str(tmp_path / "largest.xlsx")],
                 ["export", str(path), "-o", str(tmp_path / "largest.docx")],
                 ["rollover", str(path), "-o", str(tmp_path / "next.goal")]):
        assert cli.main(argv) in (0, 1), argv
        capsys.readouterr()
    with Document.open(tmp_path / "next.goal", read_only=True) as doc:
        assert len(doc.field("notes")) <= limits.MAX_CELL_CHARS
