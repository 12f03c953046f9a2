"""Text rules: every text section filled in, a 长期目标 deadline with a full year, no stray markup."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from goalform.domain.cells import Cell
from goalform.domain.folding import fold
from goalform.domain.form import HEADER_FIELDS, INDICATOR_COLUMNS, OTHER_FIELDS, Form, Indicator
from goalform.domain.messages import msg, name
from goalform.domain.names import FIELD_NAMES, text_name
from goalform.domain.template import Template
from goalform.domain.validation.core import Location, Missing, Severity, rule
from goalform.domain.validation.rows import leaf_rows, level2_rows

_FULL_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_SHORT_YEAR = re.compile(r"(?<!\d)(\d{1,2})\s*年")


@rule("texts.required", Severity.ERROR, "部门职能概述、年度工作任务、长期目标、年度目标等文字部分必须填写",
      reports_missing=True)
def texts_required(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Every text section of the template holds some text (whitespace does not count)."""
    for section in template.texts:
        if not fold(form.text(section.key)):
            yield Location.of(Cell.text(section.key)), Missing("请填写{name}", name=text_name(template, section.key))


@rule("texts.deadline", Severity.ERROR, "长期目标的截止时间须写完整年份（如表的年度后两年的「YYYY年12月」），且不早于表的年度",
      reports_missing=True)
def deadline(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """The deadline printed in 「长期目标：（截止…）」 names a four-digit year that is not before the
    form's own year. A two-digit year such as 「28年」 is reported: the form is an official record."""
    if not any("{deadline}" in t.label for t in template.texts):
        return
    text = form.deadline.strip()
    where = Location.of(Cell.field("deadline"))
    if not text:
        yield where, Missing("请填写长期目标的截止时间（如 {year}年12月）", year=form.year + 2)
        return
    full = _FULL_YEAR.search(text)
    if full:
        year = int(full.group(1))
        if year < form.year:
            yield where, msg("长期目标的截止时间「{deadline}」早于本表年度 {year} 年", deadline=text, year=form.year)
        return
    short = _SHORT_YEAR.search(text)
    if short:
        guess = 2000 + int(short.group(1))
        yield where, msg("长期目标的截止时间「{deadline}」没有写完整年份，应写作「{year}年12月」这样的形式", deadline=text, year=guess)
        return
    yield where, msg("长期目标的截止时间「{deadline}」无法识别，请写作「{year}年12月」这样的形式", deadline=text, year=form.year + 2)


# Word markup that leaks into text when a document is converted carelessly, and characters that no
# one can see or type. XML 1.0 (and so .docx/.xlsx) cannot even hold the C0 control characters.
_MARKUP = re.compile(
    r"\[(?:bookmark|comment|footnote|endnote)[:：][^\]]*\]|_GoBack|&nbsp;|</?(?:br|p|span|div|w:\w+)\b[^>]*>"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|[\ufffd-\uffff]",  # (two classes: one over both compiles 4 times slower)
    re.IGNORECASE,
)


def stray_markup(text: str) -> str:
    """The first piece of stray markup or invisible control character in ``text``, as shown to the user."""
    m = _MARKUP.search(text)
    if not m:
        return ""
    found = m.group(0)
    if len(found) == 1 and (ord(found) < 0x20 or ord(found) == 0x7F or ord(found) >= 0xFFFD):
        return msg("不可见的控制字符 U+{code}", code=f"{ord(found):04X}")
    return msg("「{found}」", found=found)


def _any_markup(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` holds markup, looked for in them all at once, joined by spaces (a match
    in one text is one in the whole: a space ends a name as the end of the text does). The expression
    tries every position of a text (with IGNORECASE it has no prefix to skip by), so it is run only when
    the whole has a character that a match begins with, or one that is not printable."""
    whole = " ".join(texts)
    return ((not whole.isprintable() or "[" in whole or "_" in whole or "&" in whole or "<" in whole
             or "\ufffd" in whole) and _MARKUP.search(whole) is not None)


def _cells(node: Indicator) -> tuple[str, ...]:
    """An indicator's texts, in INDICATOR_COLUMNS' order."""
    return (node.name, node.value, node.basis, node.category, node.prev2, node.prev1)


@rule("texts.markup", Severity.ERROR, "文字中不能含有 Word 书签等多余标记或不可见的控制字符")
def markup(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """Any cell of the form: header, texts, amounts, indicators. Such leftovers (e.g. a
    ``[bookmark: _GoBack]`` from a converted Word file) would be printed or break the export."""
    search = _MARKUP.search
    # Each group of cells is looked at cell by cell only when the group as a whole has something: a form
    # without markup is done in a few passes (row by row, this rule took a tenth of validate() on a
    # summary's forms).
    fields = HEADER_FIELDS + OTHER_FIELDS
    for key in fields if _any_markup([getattr(form, key) for key in fields]) else ():
        if search(getattr(form, key)):
            yield Location.of(Cell.field(key)), msg("{what}含有{found}，请删除", what=name(FIELD_NAMES[key]), found=stray_markup(getattr(form, key)))
    for key, text in form.texts.items() if _any_markup(form.texts.values()) else ():
        if search(text):
            yield Location.of(Cell.text(key)), msg("{what}含有{found}，请删除", what=text_name(template, key), found=stray_markup(text))
    for cell, amounts in ((Cell.fund, form.funds), (Cell.total, form.stated_totals)):
        for (line, column), text in amounts.items() if _any_markup(amounts.values()) else ():
            if search(text):
                yield Location.of(cell(line, column)), msg("金额「{amount}」含有{found}，请删除", amount=text.strip(), found=stray_markup(text))
    rows = [row for group in (level2_rows(form), leaf_rows(form)) for row in group]
    if not _any_markup([text for row in rows for text in _cells(row.node)]):
        return
    for row in rows:
        node = row.node
        # One search per row; the columns are looked at only when the row has something.
        if not search("\n".join(_cells(node))):
            continue
        for column in INDICATOR_COLUMNS:
            text = getattr(node, column)
            if text and search(text):
                yield row.at(column), msg("{what}含有{found}，请删除", what=row.title, found=stray_markup(text))


