"""The validation framework: findings, locations, the rule registry."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import Enum

from goalform.domain.form import HEADER_FIELDS, TREES, Form
from goalform.domain.messages import Text, msg
from goalform.domain.template import Template
# Defined apart so that rows can use Location without importing this module; re-exported here.
from goalform.domain.validation.location import SECTION_ORDER, Location  # noqa: F401
from goalform.domain.validation.scope import Scope
from goalform.domain.values import FrozenValue

TYPE_CHECKING = False  # (typing is not imported on a command's path)
if TYPE_CHECKING:
    from goalform.domain.funds import FundsReading
    from goalform.domain.validation.rows import TreeIndex


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    # Not a rule's severity: how the GUI shows a missing finding before an explicit check (see shown_while_filling).
    PENDING = "pending"

    @property
    def label(self) -> str:
        labels = {"error": msg("错误"), "warning": msg("警告"), "info": msg("提示"), "pending": msg("待填")}
        return labels[self.value]


class Missing(Text):
    """The message of a finding about a required cell that is simply still empty (not a mistake).

    Rules yield it instead of a plain :class:`Text` (same arguments: a literal template and its
    values); the finding then carries ``missing=True``.
    """


class Finding(FrozenValue):
    """One problem a rule found. ``missing``: the cell is only empty (the clerk has not reached it
    yet); the GUI shows such findings as 待填 until an explicit check (see shown_while_filling)."""

    rule: str
    severity: Severity
    location: Location
    message: str
    missing: bool

    def __init__(self, rule: str, severity: Severity, location: Location, message: str,
                 missing: bool = False) -> None:
        self.__dict__.update(rule=rule, severity=severity, location=location, message=message, missing=missing)

    def as_json(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "location": self.location.as_text(),
            "message": self.message,
        }


RuleFunc = Callable[[Form, Template], Iterable[tuple[Location, str]]]


class RuleSpec(FrozenValue):
    id: str
    severity: Severity
    title: str  # one line in Chinese: what the rule checks (docs/rules.md)
    func: RuleFunc
    reports_missing: bool  # may yield Missing messages (empty required cells): docs/rules.md says so

    _not_compared = ("func",)

    def __init__(self, id: str, severity: Severity, title: str, func: RuleFunc,
                 reports_missing: bool = False) -> None:
        self.__dict__.update(id=id, severity=severity, title=title, func=func, reports_missing=reports_missing)

    def run(self, form: Form, template: Template) -> list[Finding]:
        return [Finding(self.id, self.severity, loc, _plain(message), missing=isinstance(message, Missing))
                for loc, message in self.func(form, template)]


def _plain(message: str) -> str:
    """A finding's message: a :class:`Text` (translatable), never the Missing marker it came as."""
    if isinstance(message, Missing):
        return Text(message.template, **message.args)
    return message if isinstance(message, str) else str(message)


_RULES: dict[str, RuleSpec] = {}
# Set by the package (goalform.domain.validation), which knows its rule modules: imports them (so
# registers every rule) the first time rules are run or listed, and names them in their order.
# Importing the package costs no rules.
load_rules: Callable[[], list[str]] | None = None
_module_order: list[str] | None = None
_ordered: tuple[int, list[RuleSpec]] = (-1, [])  # (len(_RULES) when sorted, the rules in order)


def _rules() -> list[RuleSpec]:
    """Every rule, in the order of the package's modules (then as each module registers them), the
    same whichever rule module a program happened to import first."""
    global _module_order, _ordered
    if _module_order is None and load_rules is not None:
        _module_order = load_rules()
    if _ordered[0] != len(_RULES):
        order = {name: i for i, name in enumerate(_module_order or [])}
        specs = list(_RULES.values())
        _ordered = (len(_RULES), sorted(specs, key=lambda s: order.get(s.func.__module__, len(order))))
    return _ordered[1]


def rule(rule_id: str, severity: Severity, title: str, *,
         reports_missing: bool = False) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule: a function yielding (location, message) for each problem it sees.

    ``reports_missing``: the rule reports empty required cells with :class:`Missing` messages."""

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in _RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        _RULES[rule_id] = RuleSpec(rule_id, severity, title, func, reports_missing)
        return func

    return register


def all_rules() -> list[RuleSpec]:
    return list(_rules())


def validate(form: Form, template: Template, *, scope: Scope | None = None, keep: Sequence[Finding] = (),
             index: TreeIndex | None = None, funds: FundsReading | None = None) -> list[Finding]:
    """Run every rule on ``form``; the findings come in reading order.

    With ``scope`` (:mod:`goalform.domain.validation.scope`), only the rules an edit can change run: its
    ``whole`` rules as always, its ``row`` rules on the edited rows only; every other finding is taken
    from ``keep`` (the last result, before the edit). The order is the one a full run gives (a stable
    sort, and equal keys come from one rule's run). ``index``: the form's :class:`TreeIndex`, ``funds``:
    its amounts read (:class:`FundsReading`), kept by the caller (else made when a rule first needs them)."""
    from goalform.domain.validation.rows import indexed  # rows builds on this module

    if scope is None:
        findings: list[Finding] = []
    else:
        remakes = scope.remakes
        findings = [f for f in keep if not remakes(f.rule, f.location.section, f.location.path)]
    with indexed(form, index, funds) as shared:  # the rules share one walk of the indicator trees
        rows = None
        for spec in _rules():
            if scope is None or scope.runs_whole(spec.id):
                findings.extend(spec.run(form, template))
            elif spec.id in scope.row:
                if rows is None:
                    rows = shared.only(scope.rows)
                with indexed(form, rows, shared.funds):
                    findings.extend(spec.run(form, template))
    findings.sort(key=reading_order(template))
    return findings


def gate_errors(form: Form, template: Template) -> int:
    """The errors that make 提交, 通过 and 导出 ask first: every rule as ``goalform validate`` runs
    them, except the review's own (a change after 提交 is asked about by
    itself)."""
    return gate_count(validate(form, template))


def gate_count(findings: Iterable[Finding]) -> int:
    """:func:`gate_errors` of findings already made (the GUI's explicit check before 导出)."""
    return sum(1 for f in findings if f.severity is Severity.ERROR and not f.rule.startswith("review."))


def shown_while_filling(findings: list[Finding], checked: bool) -> list[Finding]:
    """The findings as a clerk sees them while filling in the form.

    A cell the clerk has not reached yet is not a mistake: until an explicit check (检查, export,
    print, submit; ``checked``) the missing findings are shown as 待填 (Severity.PENDING). Real
    mistakes (a wrong total, an unreadable amount, a bad phone number) keep their severity at once.
    """
    if checked:
        return findings
    return [Finding(f.rule, Severity.PENDING, f.location, f.message, f.missing) if f.missing else f
            for f in findings]


def reading_order(template: Template) -> Callable[[Finding], tuple]:
    """A sort key that lists findings in the order a person reads the form."""
    fields: list[str] = list(HEADER_FIELDS)
    for group in template.funds:
        fields += [line.key for line in group.lines] + [group.key]
    fields += [t.key for t in template.texts] + ["deadline", "name", "value", "prev2", "prev1", "basis", "category"]
    rank = {f: i for i, f in enumerate(fields)}
    columns = {"current": 0, "prev2": 1, "prev1": 2}

    def key(finding: Finding) -> tuple:
        loc = finding.location
        section = SECTION_ORDER.index(loc.section) if loc.section in SECTION_ORDER else len(SECTION_ORDER)
        # An indicator's column ranks as a field does (after the goal text and the deadline).
        field, column = (loc.column, "") if loc.section in TREES and not loc.field else (loc.field, loc.column)
        return (section, loc.path, rank.get(field, len(rank)), field, columns.get(column, 3), finding.rule)

    return key
