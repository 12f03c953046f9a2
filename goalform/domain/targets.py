"""What an indicator's 指标值 says: a comparator, a number and a unit, or nothing measurable.

Reviewers ask for targets that are 「指向明确、细化量化、合理可行、相应匹配」. These helpers tell
a quantified value (``≥90%``, ``330个``, ``不少于10次``) from a qualitative one (``有效提升``), and give
the figures the GUI and the summary show: how many 三级 indicators a form has per 一级, and which
share of them is quantified.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from goalform.domain.folding import fold  # NFKC turns full-width ＞％１ into >%1; no spaces
from goalform.domain.form import TREES, Form, Indicator
from goalform.domain.values import FrozenValue

# Comparators as clerks write them, longest first; the value is the canonical operator.
_PREFIX_OPS: tuple[tuple[str, str], ...] = (
    ("大于等于", ">="), ("小于等于", "<="), ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("不高于", "<="), ("不超过", "<="), ("不多于", "<="), ("不大于", "<="), ("达到", ">="),
    (">=", ">="), ("=>", ">="), ("<=", "<="), ("=<", "<="), ("≥", ">="), ("≧", ">="), ("⩾", ">="),
    ("≤", "<="), ("≦", "<="), ("⩽", "<="), (">", ">"), ("<", "<"), ("=", "="),
)
_SUFFIX_OPS: tuple[tuple[str, str], ...] = (("以上", ">="), ("及以上", ">="), ("以下", "<="), ("以内", "<="))
_NUMBER = re.compile(r"([+-]?\d+(?:\.\d+)?)(.*)")
_DIGIT = re.compile(r"[0-9０-９]")
_PERCENT = re.compile(r"([+-]?\d+(?:\.\d+)?)\s*%")


class Target(FrozenValue):
    """A parsed 指标值: ``op`` is one of ``>= > <= < =`` or '' (a plain value)."""

    op: str
    number: Decimal
    unit: str  # '%', '个', '次', '万元' ... or ''

    def __init__(self, op: str, number: Decimal, unit: str) -> None:
        self.__dict__.update(op=op, number=number, unit=unit)


@functools.lru_cache(maxsize=8192)  # values repeat a lot (≥90%, 100%); Target is immutable
def parse_target(text: str) -> Target | None:
    """``"≥ 90%"`` -> Target('>=', 90, '%'); ``"不少于10次"`` -> ('>=', 10, '次'); ``"有效提升"`` -> None."""
    if not _DIGIT.search(text):
        return None  # no number at all (also true after folding: NFKC only adds digits to digit-like signs)
    s = fold(text)
    op = ""
    for word, canonical in _PREFIX_OPS:  # in order: longest first
        if s.startswith(word):
            op, s = canonical, s[len(word):]
            break
    m = _NUMBER.fullmatch(s)
    if not m:
        return None
    unit = m.group(2)
    if not op:
        for word, canonical in _SUFFIX_OPS:
            if unit.endswith(word):
                op, unit = canonical, unit[: -len(word)]
                break
    # A unit is short and has no digits: "330个", "90%", "5个工作日"; longer tails are prose.
    if len(unit) > 4 or _DIGIT.search(unit):
        return None
    try:
        return Target(op, Decimal(m.group(1)), unit)
    except InvalidOperation:  # pragma: no cover - the regex only lets numbers through
        return None


def is_quantified(value: str) -> bool:
    """A 指标值 is quantified when it states a number in digits (``≥90%``, ``330个``, ``0``, ``９０％``)."""
    return bool(_DIGIT.search(value))


def percentages(text: str) -> list[Decimal]:
    """Every percentage written in ``text``: ``"≥90%，不超过105%"`` -> [90, 105]."""
    return [Decimal(m.group(1)) for m in _PERCENT.finditer(unicodedata.normalize("NFKC", text))]


# -- rows that are not indicators yet ----------------------------------------------------------
_DOTS = "…⋯.。．·"  # what a placeholder is made of


def _all_dots(text: str) -> bool:
    return bool(text) and not text.strip(_DOTS)


def is_placeholder(text: str) -> bool:
    """「……」 and the like: a row the template leaves for the department's own indicators."""
    return _placeholder_short(text) if len(text) <= 80 else _all_dots(fold(text))


@functools.lru_cache(maxsize=16384)  # asked of every name and value, by every rule and count
def _placeholder_short(text: str) -> bool:
    return _all_dots(fold(text))


def is_placeholder_row(node: Indicator) -> bool:
    """A 三级 (or 二级) whose name or value is still a placeholder."""
    return is_placeholder(node.name) or is_placeholder(node.value)


def real_leaves(form: Form, tree: str) -> list[Indicator]:
    """The 三级 indicators of a tree that are filled-in indicators: named, not placeholders."""
    out = []
    for l1 in form.tree(tree):
        for l2 in l1.children:
            if is_placeholder(l2.name):
                continue
            for l3 in l2.children:
                if l3.name.strip() and not is_placeholder_row(l3):
                    out.append(l3)
    return out


class QuantifiedShare(FrozenValue):
    """How many 三级 indicators state a number, of how many (both trees, or one)."""

    quantified: int
    total: int

    def __init__(self, quantified: int, total: int) -> None:
        self.__dict__.update(quantified=quantified, total=total)

    @property
    def percent(self) -> Decimal | None:
        """The share in percent, one decimal; None when there are no indicators."""
        if not self.total:
            return None
        return (Decimal(self.quantified) * 100 / self.total).quantize(Decimal("0.1"), ROUND_HALF_UP)

    def as_text(self) -> str:
        p = self.percent
        return "—" if p is None else f"{p.normalize():f}%（{self.quantified}/{self.total}）"


def quantified_share(form: Form, trees: tuple[str, ...] = TREES) -> QuantifiedShare:
    """The share of quantified 指标值 among the real 三级 indicators of ``trees``."""
    quantified = total = 0
    for tree in trees:
        for leaf in real_leaves(form, tree):
            total += 1
            quantified += is_quantified(leaf.value)
    return QuantifiedShare(quantified, total)


def indicator_counts(form: Form, tree: str) -> dict[str, int]:
    """Number of real 三级 indicators under each 一级 of ``tree``, by the 一级's name, in form order."""
    return indicator_figures(form, tree)[0]


def indicator_figures(form: Form, tree: str) -> tuple[dict[str, int], QuantifiedShare]:
    """:func:`indicator_counts` and :func:`quantified_share` of ``tree`` in one walk (the summary of a
    province's pile asks both of every form)."""
    counts: dict[str, int] = {}
    quantified = total = 0
    placeholder, digit = is_placeholder, _DIGIT.search  # (is_placeholder_row and is_quantified, inline)
    for l1 in form.tree(tree):
        n = 0
        for l2 in l1.children:
            if placeholder(l2.name):
                continue
            for l3 in l2.children:
                if l3.name.strip() and not placeholder(l3.name) and not placeholder(l3.value):
                    n += 1
                    quantified += digit(l3.value) is not None
        counts[l1.name] = n
        total += n
    return counts, QuantifiedShare(quantified, total)
