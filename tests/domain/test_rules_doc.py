"""docs/rules.md is generated from the code and must be up to date."""
from __future__ import annotations

from pathlib import Path

from goalform.domain.validation import all_rules
from goalform.domain.validation.docs import render_rules_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_doc_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render_rules_markdown(), "run: python tools/rules_doc.py"


def test_every_rule_is_documented_with_an_explanation() -> None:
    text = render_rules_markdown()
    for spec in all_rules():
        assert f"| `{spec.id}` |" in text
        assert f"**`{spec.id}`**:" in text, f"{spec.id} has no docstring"
