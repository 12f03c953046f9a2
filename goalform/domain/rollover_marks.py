"""Marks that rollover leaves in a form's notes for the values the clerk still has to check.

Rolling a form forward moves last year's budget into the 上年 history column and last year's
expected indicator values into 上年值; both are to be replaced by the actual figures. To keep these
flags visible after saving (the .goal has no per-cell flags), each one is written into
``form.notes`` as one readable line that also records the rolled-over value:

    [待核对] 资金「财政拨款」上年（2026年）金额「509.41」：这是结转前的当年预算数，请改为实际数
    [待核对] 年度指标「运行成本 › 公用经费控制 › 公用经费控制率」上年值「100%」：这是结转前的预期当年实现值，请改为实际完成值

The validation rules ``rollover.funds_actual`` and ``rollover.indicator_actual`` read these lines and
report a cell only while it still holds the recorded value: typing the actual figure clears the
warning by itself; deleting the line from the notes confirms a value that did not change.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from goalform.domain.form import Form, Indicator
from goalform.domain.template import Template
from goalform.domain.values import FrozenValue

MARK = "[待核对]"
SEP = " › "
FUNDS_SUFFIX = "：这是结转前的当年预算数，请改为实际数"
INDICATOR_SUFFIX = "：这是结转前的预期当年实现值，请改为实际完成值"

_FUNDS = r"^\[待核对\] 资金「(?P<line>[^」]*)」上年（\d+年）金额「(?P<value>.*)」" + re.escape(FUNDS_SUFFIX) + r"\s*$"
_INDICATOR = r"^\[待核对\] 年度指标「(?P<path>.*?)」上年值「(?P<value>.*)」" + re.escape(INDICATOR_SUFFIX) + r"\s*$"
# (Compiled when a note starts with MARK, by re's own cache: most forms have no marks.)


class FundsMark(FrozenValue):
    line_label: str
    value: str

    def __init__(self, line_label: str, value: str) -> None:
        self.__dict__.update(line_label=line_label, value=value)


class IndicatorMark(FrozenValue):
    names: tuple[str, str, str]  # 一级, 二级, 三级
    value: str

    def __init__(self, names: tuple[str, str, str], value: str) -> None:
        self.__dict__.update(names=names, value=value)


def one_line(text: str) -> str:
    """``text`` on one line: runs of whitespace (newlines included) become one space. Marks compare texts
    this way, not by :func:`goalform.domain.folding.fold`: a mark must read back what it wrote."""
    return " ".join(text.split())


def funds_mark(line_label: str, year: int, value: str) -> str:
    return f"{MARK} 资金「{one_line(line_label)}」上年（{year}年）金额「{one_line(value)}」{FUNDS_SUFFIX}"


def indicator_mark(l1: str, l2: str, l3: str, value: str) -> str:
    names = SEP.join(one_line(name) for name in (l1, l2, l3))
    return f"{MARK} 年度指标「{names}」上年值「{one_line(value)}」{INDICATOR_SUFFIX}"


def parse_marks(notes: str) -> Iterator[FundsMark | IndicatorMark]:
    """Every well-formed mark in ``notes``; other lines are the clerk's own and are ignored."""
    for line in notes.splitlines():
        if not line.startswith(MARK):
            continue
        m = re.match(_FUNDS, line)
        if m:
            yield FundsMark(m["line"], one_line(m["value"]))
            continue
        m = re.match(_INDICATOR, line)
        if m:
            parts = m["path"].split(SEP)
            if len(parts) == 3:
                yield IndicatorMark((parts[0], parts[1], parts[2]), one_line(m["value"]))


def pending_funds(form: Form, template: Template) -> Iterator[tuple[str, FundsMark]]:
    """(line key, mark) for every marked 上年 amount that still holds the rolled-over value."""
    labels = {one_line(line.label): line.key for group in template.funds for line in group.lines}
    for mark in parse_marks(form.notes):
        if isinstance(mark, FundsMark):
            key = labels.get(mark.line_label)
            if key is not None and mark.value and one_line(form.fund(key, "prev1")) == mark.value:
                yield key, mark


def pending_indicators(form: Form) -> Iterator[tuple[tuple[int, int, int], Indicator, IndicatorMark]]:
    """(index path, node, mark) for every marked annual 上年值 that still holds the rolled-over value."""
    marks: dict[tuple[str, str, str], list[IndicatorMark]] = {}
    for mark in parse_marks(form.notes):
        if isinstance(mark, IndicatorMark):
            marks.setdefault(mark.names, []).append(mark)
    if not marks:
        return
    for i, l1 in enumerate(form.annual):
        for j, l2 in enumerate(l1.children):
            for k, l3 in enumerate(l2.children):
                for mark in marks.get((one_line(l1.name), one_line(l2.name), one_line(l3.name)), ()):
                    if mark.value and one_line(l3.prev1) == mark.value:
                        yield (i, j, k), l3, mark
                        break
