"""Issue 16: one table of names (domain/names.py) and one text folding (domain/folding.py)."""
from __future__ import annotations

from goalform import assets
from goalform.domain.cells import Cell
from goalform.domain.diff import diff_forms
from goalform.domain.folding import fold
from goalform.domain.form import new_form
from goalform.domain.names import FIELD_NAMES, TREE_NAMES, TREE_TITLES, field_name, text_name
from goalform.domain.review_text import TargetLabeler
from goalform.domain.validation import validate
from goalform.formats.grid_reader import text_key


def test_validation_diff_and_review_name_a_field_alike():
    template = assets.template("2026")
    a = new_form(template, 2026)
    b = new_form(template, 2026)
    b.department = "某局"
    b.deadline = "2028年12月"
    where = {d.where for d in diff_forms(a, b, template, template)}
    assert {FIELD_NAMES["department"], FIELD_NAMES["deadline"]} <= where
    assert TargetLabeler(a, template).label(Cell.field("department").to_text()) == FIELD_NAMES["department"]
    assert TargetLabeler(a, template).label(Cell.field("deadline").to_text()) == FIELD_NAMES["deadline"]
    messages = [f.message for f in validate(a, template)]
    assert f"请填写{FIELD_NAMES['department']}" in messages


def test_a_tree_has_its_title_and_its_short_name():
    assert TREE_TITLES == {"long_term": "长期绩效指标", "annual": "年度绩效指标"}
    assert TREE_NAMES == {"long_term": "长期指标", "annual": "年度指标"}


def test_text_sections_are_named_from_the_template():
    template = assets.template("2024")
    assert text_name(template, "long_term_goal") == "长期目标"
    assert field_name("tasks", template) == text_name(template, "tasks") != "tasks"
    assert text_name(template, "no_such_section") == "no_such_section"


def test_one_folding():
    assert fold("≥ ９０％") == "≥90%"
    assert fold("会议费\u3000控制率\n") == "会议费控制率"
    assert fold("abc") == "abc"
    assert text_key("部门（单位）\n名称") == fold("部门（单位）名称")
