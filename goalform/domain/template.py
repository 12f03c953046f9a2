"""The official form versions, described as data.

A template file in ``resources/templates/`` says everything that differs between versions of the
official form: title, the lines above and below the table, labels, funds lines, text sections, the
six fixed 一级指标, the indicators a new form starts with and the allowed values of 依据 and 分类.
This module turns such a mapping into typed objects; reading the file is :mod:`goalform.assets`'s job,
so the domain stays free of I/O.
"""
from __future__ import annotations

from collections.abc import Mapping

from goalform.domain.dates import parse_date
from goalform.domain.errors import UserError
from goalform.domain.values import FrozenValue

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import Any

TEMPLATE_FORMAT = 1

# The funds columns: the form's own year and the two history years before it.
COLUMNS: tuple[str, ...] = ("current", "prev2", "prev1")


class TemplateError(UserError, ValueError):
    """A template file is missing something or contradicts itself."""


class FundsLine(FrozenValue):
    key: str
    label: str
    # Other labels clerks' own Word forms use for this line (「财政拨款收入」); import reads them as this line.
    aliases: tuple[str, ...]

    def __init__(self, key: str, label: str, aliases: tuple[str, ...] = ()) -> None:
        self.__dict__.update(key=key, label=label, aliases=aliases)


class FundsGroup(FrozenValue):
    """收入构成 or 支出构成: a label merged down over its lines, and a 合计 row after them."""

    key: str
    label: str
    lines: tuple[FundsLine, ...]

    def __init__(self, key: str, label: str, lines: tuple[FundsLine, ...]) -> None:
        self.__dict__.update(key=key, label=label, lines=lines)


class TextSection(FrozenValue):
    key: str
    label: str  # may contain {deadline}

    def __init__(self, key: str, label: str) -> None:
        self.__dict__.update(key=key, label=label)


class Level1(FrozenValue):
    key: str
    name: str  # 运行成本
    label: str  # as printed in the narrow 一级 column, e.g. "运行\n成本"

    def __init__(self, key: str, name: str, label: str) -> None:
        self.__dict__.update(key=key, name=name, label=label)


class ValueDomain(FrozenValue):
    """What a column accepts: free text, or one of a list of values."""

    kind: str  # "text" | "choice"
    values: tuple[str, ...]

    def __init__(self, kind: str, values: tuple[str, ...] = ()) -> None:
        self.__dict__.update(kind=kind, values=values)

    @property
    def is_choice(self) -> bool:
        return self.kind == "choice"


class DefaultIndicator(FrozenValue):
    name: str
    basis: str
    category: str

    def __init__(self, name: str, basis: str = "", category: str = "") -> None:
        self.__dict__.update(name=name, basis=basis, category=category)


class DefaultGroup(FrozenValue):
    """A 二级指标 a new form starts with, under a 一级, with its 三级 indicators."""

    level1: str
    name: str
    indicators: tuple[DefaultIndicator, ...]

    def __init__(self, level1: str, name: str, indicators: tuple[DefaultIndicator, ...]) -> None:
        self.__dict__.update(level1=level1, name=name, indicators=indicators)


class Template(FrozenValue):
    id: str
    name: str
    title: str
    first_year: int
    lines_above: tuple[str, ...]
    lines_below: tuple[str, ...]
    fill_date_format: str
    requires_fill_date: bool
    share_decimals: int
    amount_decimals: int
    labels: Mapping[str, str]
    funds_history_label: str
    annual_history_label: str
    annual_value_header_gap: bool
    funds: tuple[FundsGroup, ...]
    texts: tuple[TextSection, ...]
    sections: tuple[str, ...]
    level1: tuple[Level1, ...]
    basis: ValueDomain
    category: ValueDomain
    value_none_allowed: bool
    placeholder: str
    default_indicators: tuple[DefaultGroup, ...]
    extra: Mapping[str, Any]

    def __init__(self, id: str, name: str, title: str, first_year: int, lines_above: tuple[str, ...],
                 lines_below: tuple[str, ...], fill_date_format: str, requires_fill_date: bool,
                 share_decimals: int, amount_decimals: int, labels: Mapping[str, str], funds_history_label: str,
                 annual_history_label: str, annual_value_header_gap: bool, funds: tuple[FundsGroup, ...],
                 texts: tuple[TextSection, ...], sections: tuple[str, ...], level1: tuple[Level1, ...],
                 basis: ValueDomain, category: ValueDomain, value_none_allowed: bool, placeholder: str,
                 default_indicators: tuple[DefaultGroup, ...], extra: Mapping[str, Any] | None = None) -> None:
        self.__dict__.update(id=id, name=name, title=title, first_year=first_year, lines_above=lines_above,
                             lines_below=lines_below, fill_date_format=fill_date_format,
                             requires_fill_date=requires_fill_date, share_decimals=share_decimals,
                             amount_decimals=amount_decimals, labels=labels,
                             funds_history_label=funds_history_label, annual_history_label=annual_history_label,
                             annual_value_header_gap=annual_value_header_gap, funds=funds, texts=texts,
                             sections=sections, level1=level1, basis=basis, category=category,
                             value_none_allowed=value_none_allowed, placeholder=placeholder,
                             default_indicators=default_indicators, extra={} if extra is None else extra)

    # -- look-ups -------------------------------------------------------------------------
    def label(self, key: str) -> str:
        try:
            return self.labels[key]
        except KeyError:
            raise TemplateError(f"template {self.id} has no label {key!r}") from None

    def funds_line_keys(self) -> list[str]:
        return [line.key for group in self.funds for line in group.lines]

    def funds_line(self, key: str) -> FundsLine:
        for group in self.funds:
            for line in group.lines:
                if line.key == key:
                    return line
        raise TemplateError(f"template {self.id} has no funds line {key!r}")

    def funds_group_of(self, line_key: str) -> FundsGroup:
        for group in self.funds:
            if any(line.key == line_key for line in group.lines):
                return group
        raise TemplateError(f"template {self.id} has no funds line {line_key!r}")

    def text_section(self, key: str) -> TextSection:
        for t in self.texts:
            if t.key == key:
                return t
        raise TemplateError(f"template {self.id} has no text section {key!r}")

    def history_years(self, year: int) -> tuple[int, int]:
        """The two history columns of a form for ``year``: (前年, 上年)."""
        return year - 2, year - 1

    def format_fill_date(self, text: str) -> str:
        """'2025-12-31' (or any spelling :func:`parse_date` reads) -> '2025年12月31日'.

        A blank date prints as blanks to fill in by hand; text that is not a date prints as typed, so
        an export never drops what the clerk wrote (validation points it out).
        """
        if not text.strip():
            return self.fill_date_format.format(year="    ", month="  ", day="  ")
        date = parse_date(text)
        if date is None:
            return text.strip()
        return self.fill_date_format.format(year=date.year, month=date.month, day=date.day)


def _require(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise TemplateError(f"{where}: missing {key!r}")
    return data[key]


def template_from_mapping(data: Mapping[str, Any]) -> Template:
    """Build a :class:`Template` from the parsed contents of a template file."""
    where = f"template {data.get('id', '?')}"
    if data.get("format") != TEMPLATE_FORMAT:
        raise TemplateError(f"{where}: unsupported template format {data.get('format')!r}")
    funds = tuple(
        FundsGroup(g["key"], g["label"], tuple(FundsLine(l["key"], l["label"], tuple(l.get("aliases", ()))) for l in g["lines"]))
        for g in _require(data, "funds", where)
    )
    level1 = tuple(Level1(l["key"], l["name"], l.get("label", l["name"])) for l in _require(data, "level1", where))
    level1_keys = {l.key for l in level1}
    defaults = []
    for g in data.get("default_indicators", []):
        if g["level1"] not in level1_keys:
            raise TemplateError(f"{where}: default group {g['name']!r} under unknown 一级 {g['level1']!r}")
        defaults.append(
            DefaultGroup(
                g["level1"],
                g["name"],
                tuple(DefaultIndicator(i["name"], i.get("basis", ""), i.get("category", "")) for i in g["indicators"]),
            )
        )
    known = {
        "format", "id", "name", "title", "first_year", "lines_above", "lines_below", "fill_date_format",
        "requires_fill_date", "share_decimals", "amount_decimals", "labels", "funds_history_label",
        "annual_history_label", "annual_value_header_gap", "funds", "texts", "sections", "level1", "basis",
        "category", "value_none_allowed", "placeholder", "default_indicators",
    }
    template = Template(
        id=str(_require(data, "id", where)),
        name=_require(data, "name", where),
        title=_require(data, "title", where),
        first_year=int(_require(data, "first_year", where)),
        lines_above=tuple(data.get("lines_above", ())),
        lines_below=tuple(data.get("lines_below", ())),
        fill_date_format=data.get("fill_date_format", "{year}年{month}月{day}日"),
        requires_fill_date=bool(data.get("requires_fill_date", False)),
        share_decimals=int(_require(data, "share_decimals", where)),
        amount_decimals=int(data.get("amount_decimals", 2)),
        labels=dict(_require(data, "labels", where)),
        funds_history_label=_require(data, "funds_history_label", where),
        annual_history_label=_require(data, "annual_history_label", where),
        annual_value_header_gap=bool(data.get("annual_value_header_gap", False)),
        funds=funds,
        texts=tuple(TextSection(t["key"], t["label"]) for t in _require(data, "texts", where)),
        sections=tuple(_require(data, "sections", where)),
        level1=level1,
        basis=ValueDomain(data["basis"]["kind"], tuple(data["basis"].get("values", ()))),
        category=ValueDomain(data["category"]["kind"], tuple(data["category"].get("values", ()))),
        value_none_allowed=bool(data.get("value_none_allowed", False)),
        placeholder=data.get("placeholder", "……"),
        default_indicators=tuple(defaults),
        extra={k: v for k, v in data.items() if k not in known},
    )
    _check(template)
    return template


REQUIRED_LABELS = (
    "department", "filler", "phone", "funds_section", "funds_overall", "current_amount", "share",
    "history_amounts", "total", "long_term_section", "annual_section", "level1", "level2", "level3",
    "value", "basis", "category", "history_values", "expected_value",
)
# A template's sections: these, and ``text:KEY`` for each text section it prints
# (:mod:`goalform.domain.sections` names them as findings and tabs do).
TEXT_PREFIX, TREE_PREFIX = "text:", "indicators:"
KNOWN_SECTIONS = ("header", "funds", TREE_PREFIX + "long_term", TREE_PREFIX + "annual")


def _check(t: Template) -> None:
    where = f"template {t.id}"
    missing = [k for k in REQUIRED_LABELS if k not in t.labels]
    if missing:
        raise TemplateError(f"{where}: labels missing: {', '.join(missing)}")
    if len(t.level1) == 0:
        raise TemplateError(f"{where}: no 一级指标")
    text_keys = {s.key for s in t.texts}
    for s in t.sections:
        if s.startswith(TEXT_PREFIX):
            if s[len(TEXT_PREFIX):] not in text_keys:
                raise TemplateError(f"{where}: section {s!r} names an unknown text")
        elif s not in KNOWN_SECTIONS:
            raise TemplateError(f"{where}: unknown section {s!r}")
    for dom, name in ((t.basis, "basis"), (t.category, "category")):
        if dom.kind not in ("text", "choice") or (dom.kind == "choice" and not dom.values):
            raise TemplateError(f"{where}: {name} must be free text or a non-empty choice")
    if t.share_decimals not in (0, 1, 2):
        raise TemplateError(f"{where}: share_decimals must be 0, 1 or 2")
