"""The one table of what the form's fields and indicator trees are called, in the words of the form.

Validation messages, the comparison, the review labels and the GUI (undo texts) all name a field
from here, so they never disagree. A tree has two names: its title as the form prints it
(「年度绩效指标」, used where the form is compared or listed) and the short name messages about one
of its rows use (「年度指标「会议费控制率」」).

The names are Chinese data; the GUI shows them through Qt's translation with the context
:data:`CONTEXT` (``QCoreApplication.translate(CONTEXT, name)``). They are marked with
``QT_TRANSLATE_NOOP`` below so that lupdate finds them without this module importing Qt.
"""
from __future__ import annotations

import re

from goalform.domain.template import Template, TemplateError

CONTEXT = "names"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


FIELD_NAMES: dict[str, str] = {
    "department": QT_TRANSLATE_NOOP("names", "部门（单位）名称"),
    "filler": QT_TRANSLATE_NOOP("names", "填报人"),
    "phone": QT_TRANSLATE_NOOP("names", "联系电话"),
    "fill_date": QT_TRANSLATE_NOOP("names", "填报日期"),
    "deadline": QT_TRANSLATE_NOOP("names", "长期目标截止时间"),
    "notes": QT_TRANSLATE_NOOP("names", "备注"),
}
TREE_TITLES: dict[str, str] = {
    "long_term": QT_TRANSLATE_NOOP("names", "长期绩效指标"),
    "annual": QT_TRANSLATE_NOOP("names", "年度绩效指标"),
}
TREE_NAMES: dict[str, str] = {
    "long_term": QT_TRANSLATE_NOOP("names", "长期指标"),
    "annual": QT_TRANSLATE_NOOP("names", "年度指标"),
}


def text_name(template: Template, key: str) -> str:
    """A text section's name without its deadline or colon: 「长期目标」, 「部门职能概述」; the key
    itself for a section the template does not know."""
    try:
        label = template.text_section(key).label
    except TemplateError:
        return key
    return re.split(r"[：:\n（(]", label, maxsplit=1)[0].strip()


def field_name(key: str, template: Template | None = None) -> str:
    """The name of a header field, the deadline, 备注 or (with the template) a text section."""
    if key in FIELD_NAMES:
        return FIELD_NAMES[key]
    return text_name(template, key) if template is not None else key
