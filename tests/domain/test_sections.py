"""The one table of sections and indicator-tree columns, checked against the templates that feed it."""
from __future__ import annotations

import pytest

from goalform.assets import template, templates
from goalform.domain.form import INDICATOR_COLUMNS, TREES
from goalform.domain.sections import (
    ANNUAL,
    LONG_TERM,
    SECTION_ORDER,
    TAB_TITLES,
    column_keys,
    column_label,
    column_name,
    history_year,
    section_of,
    tab_object_name,
    tab_sections,
    tree_columns,
    year_value,
)
from goalform.domain.template import KNOWN_SECTIONS


def test_each_tree_has_its_columns_in_the_order_of_the_official_table() -> None:
    assert column_keys(LONG_TERM) == ("name", "value", "basis", "category")
    assert column_keys(ANNUAL) == ("name", "prev2", "prev1", "value", "basis", "category")
    assert {key for tree in TREES for key in column_keys(tree)} == set(INDICATOR_COLUMNS)


@pytest.mark.parametrize("template_id", sorted(templates()))
def test_the_names_are_the_words_the_template_prints(template_id: str) -> None:
    form_template = template(template_id)
    for tree in TREES:
        for column in tree_columns(tree):
            label = form_template.label(column.label)  # every column is headed by a label the template has
            assert column_label(form_template, tree, column.key) == label
            if column.key in ("value", "basis", "category"):
                assert column_name(tree, column.key) == label.replace("\n", "")


def test_the_history_columns_by_year() -> None:
    assert [history_year(2026, ANNUAL, key) for key in column_keys(ANNUAL)] == [None, 2024, 2025, 2026, None, None]
    assert history_year(2026, LONG_TERM, "value") is None and history_year(2026, LONG_TERM, "prev2") is None
    assert (column_name(ANNUAL, "prev2"), year_value(2024)) == ("前年值", "2024年值")
    assert (column_name(ANNUAL, "value"), column_name(LONG_TERM, "value")) == ("预期当年实现值", "指标值")


def test_template_sections_and_finding_sections_are_one_vocabulary() -> None:
    assert section_of("indicators:annual") == "annual" and section_of("indicators:long_term") == "long_term"
    assert section_of("text:tasks") == "texts" and section_of("text:annual_goal") == "annual"
    assert section_of("text:long_term_goal") == "long_term"
    assert section_of("header") == "header" and section_of("funds") == "funds"
    assert all(section_of(s) in SECTION_ORDER for s in KNOWN_SECTIONS)
    assert tab_object_name("annual") == "annual_tab"


@pytest.mark.parametrize("template_id", sorted(templates()))
def test_the_tabs_come_from_the_template(template_id: str) -> None:
    sections = tab_sections(template(template_id))
    assert sections == ["header", "funds", "texts", "long_term", "annual"]
    assert all(s in TAB_TITLES for s in sections)
