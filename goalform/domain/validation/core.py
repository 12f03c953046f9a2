"""The validation framework: findings, locations, the rule registry."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Iterable

from goalform.domain.form import Form
from goalform.domain.template import Template


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


# The order of sections in the form; findings are sorted by it.
SECTION_ORDER = ("header", "funds", "texts", "long_term", "annual", "notes", "review")


@dataclass(frozen=True)
class Location:
    """Where a finding points, in terms the GUI can jump to.

    section: one of SECTION_ORDER.
    field:   a header field or text key; a funds line or group key; an indicator column.
    column:  a funds column (current, prev2, prev1).
    path:    an indicator's index path from its 一级 node down.
    indicator_id: the store's id of the indicator, when the form came from a .goal.
    """

    section: str
    field: str = ""
    column: str = ""
    path: tuple[int, ...] = ()
    indicator_id: int | None = None

    def as_text(self) -> str:
        """A compact, stable spelling for JSON and the CLI, e.g. ``funds/fiscal/current``."""
        parts = [self.section]
        if self.path:
            parts.append(".".join(str(i + 1) for i in self.path))
        if self.field:
            parts.append(self.field)
        if self.column:
            parts.append(self.column)
        return "/".join(parts)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    location: Location
    message: str

    def as_json(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "location": self.location.as_text(),
            "message": self.message,
        }


RuleFunc = Callable[[Form, Template], Iterable[tuple[Location, str]]]


@dataclass(frozen=True)
class RuleSpec:
    id: str
    severity: Severity
    title: str  # one line in Chinese: what the rule checks (docs/rules.md)
    func: RuleFunc = field(compare=False)

    def run(self, form: Form, template: Template) -> list[Finding]:
        return [Finding(self.id, self.severity, loc, msg) for loc, msg in self.func(form, template)]


_RULES: dict[str, RuleSpec] = {}


def rule(rule_id: str, severity: Severity, title: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule: a function yielding (location, message) for each problem it sees."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in _RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        _RULES[rule_id] = RuleSpec(rule_id, severity, title, func)
        return func

    return register


def all_rules() -> list[RuleSpec]:
    return list(_RULES.values())


def validate(form: Form, template: Template) -> list[Finding]:
    """Run every rule on ``form``; the findings come in reading order."""
    from goalform.domain.validation.rows import indexed  # rows builds on this module

    findings: list[Finding] = []
    with indexed(form):  # the rules share one walk of the indicator trees
        for spec in _RULES.values():
            findings.extend(spec.run(form, template))
    findings.sort(key=reading_order(template))
    return findings


def reading_order(template: Template) -> Callable[[Finding], tuple]:
    """A sort key that lists findings in the order a person reads the form."""
    fields: list[str] = ["department", "filler", "phone", "fill_date"]
    for group in template.funds:
        fields += [line.key for line in group.lines] + [group.key]
    fields += [t.key for t in template.texts] + ["deadline", "name", "value", "prev2", "prev1", "basis", "category"]
    rank = {f: i for i, f in enumerate(fields)}
    columns = {"current": 0, "prev2": 1, "prev1": 2}

    def key(finding: Finding) -> tuple:
        loc = finding.location
        section = SECTION_ORDER.index(loc.section) if loc.section in SECTION_ORDER else len(SECTION_ORDER)
        return (section, loc.path, rank.get(loc.field, len(rank)), loc.field, columns.get(loc.column, 3), finding.rule)

    return key
