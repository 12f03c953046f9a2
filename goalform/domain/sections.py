"""The one table of the form's sections and of the indicator trees' columns.

Sections. A template lists the form's parts in its own words (``header``, ``funds``, ``text:KEY``,
``indicators:TREE``; :data:`goalform.domain.template.KNOWN_SECTIONS`); a finding's
:class:`~goalform.domain.validation.Location` and the GUI's tabs (objectName ``SECTION_tab``) name
them by section: ``header``, ``funds``, ``texts`` (the text sections that are not a tree's goal),
``long_term``, ``annual`` (a tree with its goal text), plus ``notes`` and ``review``, which no
template lists. :func:`section_of` turns the first into the second; :func:`tab_sections` is the list
of tabs the window shows, in the template's order; :func:`field_section` is the section of a
single-valued field (a :class:`~goalform.domain.cells.Cell` of a field or text), which a finding names.

Columns. Each tree's columns in the order of the official table, each with the template label that
heads it on the printed form (:meth:`Template.label`; the layout prints those) and the names the
program's own sentences use for it. The history columns of the annual tree are named in three ways,
each for its place: relative (「前年值」, comparisons of two forms of one year), by year as a column
header (「2024年值」) and by year as a review label (「2024年指标值」).

Names are Chinese data marked with ``QT_TRANSLATE_NOOP`` (context ``names``, as
:mod:`goalform.domain.names`); the GUI translates them with that context.
"""
from __future__ import annotations

from goalform.domain.form import HEADER_FIELDS, TREES, VERSION_FIELDS
from goalform.domain.names import QT_TRANSLATE_NOOP
from goalform.domain.template import TEXT_PREFIX, TREE_PREFIX, Template  # the template's prefixes, used here
from goalform.domain.values import FrozenValue

# -- sections --------------------------------------------------------------------------------------
HEADER, FUNDS, TEXTS, LONG_TERM, ANNUAL, NOTES, REVIEW = "header", "funds", "texts", "long_term", "annual", "notes", "review"
# The order of sections in the form; findings are sorted by it.
SECTION_ORDER: tuple[str, ...] = (HEADER, FUNDS, TEXTS, LONG_TERM, ANNUAL, NOTES, REVIEW)
# The text section edited on a tree's own tab, above the tree.
GOAL_TEXT: dict[str, str] = {LONG_TERM: "long_term_goal", ANNUAL: "annual_goal"}
TREE_OF_GOAL: dict[str, str] = {text: tree for tree, text in GOAL_TEXT.items()}

# The title of each section's tab (context MainWindow, as the window has always translated them).
TAB_TITLES: dict[str, str] = {
    HEADER: QT_TRANSLATE_NOOP("MainWindow", "基本信息"),
    FUNDS: QT_TRANSLATE_NOOP("MainWindow", "资金情况"),
    TEXTS: QT_TRANSLATE_NOOP("MainWindow", "职能与任务"),
    LONG_TERM: QT_TRANSLATE_NOOP("MainWindow", "长期目标"),
    ANNUAL: QT_TRANSLATE_NOOP("MainWindow", "年度目标"),
}
TAB_CONTEXT = "MainWindow"


def section_of(template_section: str) -> str:
    """A template's section as findings and tabs name it: ``indicators:annual`` -> ``annual``,
    ``text:tasks`` -> ``texts``, ``text:annual_goal`` -> ``annual`` (its tree's tab shows it)."""
    if template_section.startswith(TREE_PREFIX):
        return template_section[len(TREE_PREFIX):]
    if template_section.startswith(TEXT_PREFIX):
        return TREE_OF_GOAL.get(template_section[len(TEXT_PREFIX):], TEXTS)
    return template_section


def field_section(key: str) -> str:
    """The section of a finding at a single-valued field: ``header`` for the header fields and the
    form's version and year, ``notes`` for 备注, ``texts`` for a text section and for the 长期目标
    deadline (each shown on its own tab: a tree's goal text and the deadline on the tree's)."""
    if key in HEADER_FIELDS or key in VERSION_FIELDS:
        return HEADER
    return NOTES if key == "notes" else TEXTS


def tree_section(tree: str) -> str:
    """The template's name of a tree's section: ``annual`` -> ``indicators:annual``."""
    return TREE_PREFIX + tree


def tab_sections(template: Template) -> list[str]:
    """The sections the window shows as tabs, in the order the template lists them."""
    return list(dict.fromkeys(section_of(s) for s in template.sections))


def tab_object_name(section: str) -> str:
    return f"{section}_tab"


# -- the indicator trees' columns -----------------------------------------------------------------
class TreeColumn(FrozenValue):
    key: str  # the Indicator attribute and the store's column
    label: str  # the template label heading it on the form (Template.label)
    years_back: int | None  # a year-bound column of the annual tree: form year minus this

    def __init__(self, key: str, label: str, years_back: int | None = None) -> None:
        self.__dict__.update(key=key, label=label, years_back=years_back)


NAME, VALUE, BASIS, CATEGORY, PREV2, PREV1 = "name", "value", "basis", "category", "prev2", "prev1"
_COLUMNS: dict[str, tuple[TreeColumn, ...]] = {
    LONG_TERM: (TreeColumn(NAME, "level3"), TreeColumn(VALUE, "value"), TreeColumn(BASIS, "basis"),
                TreeColumn(CATEGORY, "category")),
    ANNUAL: (TreeColumn(NAME, "level3"), TreeColumn(PREV2, "history_values", 2),
             TreeColumn(PREV1, "history_values", 1), TreeColumn(VALUE, "expected_value", 0),
             TreeColumn(BASIS, "basis"), TreeColumn(CATEGORY, "category")),
}
assert tuple(_COLUMNS) == TREES

# What sentences call a 三级's columns (the template's labels of value, basis and category say the same).
TREE_COLUMN_NAMES: dict[str, str] = {
    NAME: QT_TRANSLATE_NOOP("names", "指标"),
    VALUE: QT_TRANSLATE_NOOP("names", "指标值"),
    "expected_value": QT_TRANSLATE_NOOP("names", "预期当年实现值"),
    BASIS: QT_TRANSLATE_NOOP("names", "指标值确定依据"),
    CATEGORY: QT_TRANSLATE_NOOP("names", "指标分类"),
    PREV2: QT_TRANSLATE_NOOP("names", "前年值"),
    PREV1: QT_TRANSLATE_NOOP("names", "上年值"),
}
# The funds columns as a comparison of two forms of one year names them.
FUNDS_COLUMN_NAMES: dict[str, str] = {"current": "当年金额", "prev2": "前年金额", "prev1": "上年金额"}
YEAR_VALUE = QT_TRANSLATE_NOOP("names", "%1年值")  # a history column headed by its year: 「2024年值」


def tree_columns(tree: str) -> tuple[TreeColumn, ...]:
    """A tree's columns in the order of the official table."""
    return _COLUMNS[tree]


def column_keys(tree: str) -> tuple[str, ...]:
    return tuple(c.key for c in _COLUMNS[tree])


def tree_column(tree: str, key: str) -> TreeColumn:
    for column in _COLUMNS[tree]:
        if column.key == key:
            return column
    raise KeyError(f"{tree} has no column {key!r}")


def column_label(template: Template, tree: str, key: str) -> str:
    """The template's label heading ``key`` of ``tree`` on the printed form."""
    return template.label(tree_column(tree, key).label)


# The columns whose name is the template's label heading them (the others' labels head several columns).
LABELLED: tuple[str, ...] = (VALUE, BASIS, CATEGORY)


def column_name(tree: str, key: str, template: Template | None = None) -> str:
    """What a sentence calls a column: 「指标值」, 「预期当年实现值」 (the annual tree's value), 「前年值」.

    With ``template``, the value, basis and category columns are called by the template's labels
    (:func:`column_label`, on one line); without, by this table's words (the same in every template so far).
    """
    if template is not None and key in LABELLED:
        return column_label(template, tree, key).replace("\n", "")
    return TREE_COLUMN_NAMES["expected_value" if (tree, key) == (ANNUAL, VALUE) else key]


def year_value(year: int) -> str:
    """A history column by its year, as the tree's header says it: 「2024年值」."""
    return YEAR_VALUE.replace("%1", str(year))


def history_year(form_year: int, tree: str, key: str) -> int | None:
    """The calendar year a column of a form for ``form_year`` holds; None for one not bound to a year."""
    back = tree_column(tree, key).years_back if key in column_keys(tree) else None
    return None if back is None else form_year - back
