"""Every difference between two forms, in readable Chinese (``goalform diff``, the GUI's 比较).

Differences come in reading order: template version and year first, then header fields, funds,
texts, long-term and annual indicators, notes. Indicators are matched by (tree, 一级, 二级, 三级
name), so an indicator whose row changed is reported as moved, not as removed and added again; one
that went to another 二级 under the same name is reported as moved there.

Comparison is by meaning where the form has one: amounts by value (``1,424`` equals ``1424 万元``),
texts after trimming trailing blanks of each line. Locations point into form A for what A has
(changed, moved, removed) and into form B for what only B has (added); ``location_b`` says where
the item is in form B.

Figures that belong to a calendar year are compared by that year, not by column: the funds columns
and the annual indicators' 前年值/上年值/预期当年实现值 of a form for year Y hold Y-2, Y-1 and Y
(:meth:`Template.history_years`). Last year's form against this year's (or its rollover) compares
its 上年 with this form's 前年 and its 当年 with this form's 上年, so a figure that did not change is
not reported; a year only one of the forms has is not compared (the year difference says which
years were). Each such difference carries its ``year``.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterator, Mapping

from goalform.domain.amounts import parse_amount
from goalform.domain.cells import Cell
from goalform.domain.form import HEADER_FIELDS, TREES, Form, Indicator
from goalform.domain.funds import group_total
from goalform.domain.names import FIELD_NAMES, TREE_TITLES, text_name
from goalform.domain.sections import (ANNUAL, FUNDS_COLUMN_NAMES, NAME, column_keys, column_name, history_year,
                                      year_value)
from goalform.domain.template import COLUMNS, Template
from goalform.domain.validation.core import Location

# How many years before the form's own year each funds column holds (the template's history years
# are year-2 and year-1; the annual indicators' value columns say theirs in goalform.domain.sections).
YEARS_BACK = {"current": 0, "prev2": 2, "prev1": 1}
ADDED_KINDS = frozenset({"level2_added", "indicator_added"})
REMOVED_KINDS = frozenset({"level2_removed", "indicator_removed"})


def column_year(form_year: int, column: str) -> int:
    """The calendar year a funds column (current, prev2, prev1) of a form for ``form_year`` holds."""
    return form_year - YEARS_BACK[column]


def column_of_year(form_year: int, year: int) -> str | None:
    """The funds column of a form for ``form_year`` that holds ``year``; None when it has none."""
    return next((c for c, back in YEARS_BACK.items() if form_year - back == year), None)


def shared_years(a: Form, b: Form) -> list[int]:
    """The calendar years both forms have figures for, oldest first."""
    years_a = {column_year(a.year, c) for c in YEARS_BACK}
    return sorted(years_a & {column_year(b.year, c) for c in YEARS_BACK})


def indicator_column_names(tree: str, template: Template | None = None) -> dict[str, str]:
    """The columns a comparison reports on, in the order of the form, with the names it uses."""
    return {key: column_name(tree, key, template) for key in column_keys(tree) if key != NAME}


@dataclass(frozen=True)
class Difference:
    kind: str  # template, year, field, text, fund, stated_total, level2_added/removed/moved,
    #            indicator_added, indicator_removed, indicator_moved, indicator_changed, notes
    location: Location
    old: str
    new: str
    message: str
    year: int | None = None  # the calendar year of a year-bound figure (funds, annual indicator values)
    where: str = ""  # what differs, as the message names it (e.g. 「财政拨款（2023年金额）」)
    location_b: Location | None = None  # where the item is in form b; None when only form a has it

    @property
    def location_a(self) -> Location | None:
        """Where the item is in form a; None when only form b has it."""
        return None if self.kind in ADDED_KINDS else self.location

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "location": self.location.as_text(), "old": self.old, "new": self.new,
                "message": self.message, "year": self.year}


def shown(d: Difference) -> tuple[str, str]:
    """(before, after) as a table shows them: rows for moves, （无） for what one side lacks."""
    if d.kind == "indicator_moved" and d.old.isdigit() and d.new.isdigit():
        return f"第{d.old}行", f"第{d.new}行"
    if d.kind == "level2_moved":
        return f"第{d.old}位", f"第{d.new}位"
    if d.kind in ADDED_KINDS:
        return "（无）", d.new
    if d.kind in REMOVED_KINDS:
        return d.old, "（已删除）"
    return d.old if _text(d.old) else "（空）", d.new if _text(d.new) else "（空）"


def diff_forms(a: Form, b: Form, template_a: Template | None = None,
               template_b: Template | None = None) -> list[Difference]:
    """Every difference from form ``a`` to form ``b``; empty when they say the same.

    The templates, when given, only make the messages name text sections and funds lines as the
    form prints them; without them the keys are used.
    """
    names = _names(template_a, template_b)
    out: list[Difference] = []
    if a.template_id != b.template_id:
        out.append(_same_place("template", Location.of(Cell.field("template")), a.template_id, b.template_id,
                               f"模板版本不同：{a.template_id}版 → {b.template_id}版", "模板版本"))
    if a.year != b.year:
        out.append(_same_place("year", Location.of(Cell.field("year")), str(a.year), str(b.year),
                               f"年度不同：{a.year}年 → {b.year}年{_years_note(a, b)}", "年度"))
    for key in HEADER_FIELDS:
        old, new = getattr(a, key), getattr(b, key)
        if _text(old) != _text(new):
            where = FIELD_NAMES[key]
            out.append(_same_place("field", Location.of(Cell.field(key)), old, new, _changed(where, old, new), where))
    out.extend(_funds(a, b, names, {"a": template_a, "b": template_b}))
    if _text(a.deadline) != _text(b.deadline):
        out.append(_same_place("field", Location.of(Cell.field("deadline")), a.deadline, b.deadline,
                               _changed(FIELD_NAMES["deadline"], a.deadline, b.deadline), FIELD_NAMES["deadline"]))
    for key in list(a.texts) + [k for k in b.texts if k not in a.texts]:
        old, new = a.text(key), b.text(key)
        if _text(old) != _text(new):
            where = next((n for t in (template_a, template_b) if t is not None and (n := text_name(t, key)) != key), key)
            out.append(_same_place("text", Location.of(Cell.text(key)), old, new,
                                   _changed(where, old, new, long=True), where))
    for tree in TREES:
        out.extend(_tree(tree, a.tree(tree), b.tree(tree), TREE_TITLES[tree], (a.year, b.year),
                         indicator_column_names(tree, template_a or template_b)))
    if _text(a.notes) != _text(b.notes):
        out.append(_same_place("notes", Location.of(Cell.text("notes")), a.notes, b.notes,
                               _changed(FIELD_NAMES["notes"], a.notes, b.notes, long=True), FIELD_NAMES["notes"]))
    return out


def _same_place(kind: str, location: Location, old: str, new: str, message: str, where: str,
                year: int | None = None) -> Difference:
    """A difference at a place both forms have in the same spot (a field, a text)."""
    return Difference(kind, location, old, new, message, year, where, location)


def _years_note(a: Form, b: Form) -> str:
    """Which years' figures were compared when the forms are for different years."""
    years = shared_years(a, b)
    if not years:
        return "（两表没有共同的年份，金额和指标的各年数值未比较）"
    only = sorted(({column_year(a.year, c) for c in YEARS_BACK} | {column_year(b.year, c) for c in YEARS_BACK})
                  - set(years))
    listed = "、".join(f"{y}年" for y in years)
    return f"（金额和指标的各年数值按年份比较：{listed}；只有一张表有的" + "、".join(f"{y}年" for y in only) + "未比较）"


def _names(*templates: Template | None) -> dict[str, str]:
    """Printable names of funds lines and groups, from the templates at hand (fields, text sections
    and trees are named by goalform.domain.names)."""
    names: dict[str, str] = {}
    for t in reversed([t for t in templates if t is not None]):
        for group in t.funds:
            names[group.key] = group.label.replace("\n", "").replace("构成", "") + "合计"
            for line in group.lines:
                names[line.key] = line.label
    return names


def _year_pairs(a: Form, b: Form) -> list[tuple[str, str, int]]:
    """(column in a, column in b, year) for every year both forms have, in a's column order."""
    pairs = []
    for column in COLUMNS:
        year = column_year(a.year, column)
        other = column_of_year(b.year, year)
        if other is not None:
            pairs.append((column, other, year))
    return pairs


def _amount_label(a: Form, b: Form, column: str, year: int) -> str:
    """「2024年当年金额」 between two forms of one year; 「2023年金额」 otherwise."""
    return f"{year}年当年金额" if column == "current" and a.year == b.year else f"{year}年金额"


def _funds(a: Form, b: Form, names: dict[str, str],
           templates: Mapping[str, Template | None]) -> Iterator[Difference]:
    pairs = _year_pairs(a, b)
    lines = list(dict.fromkeys([line for line, _ in a.funds] + [line for line, _ in b.funds]))
    for line in lines:
        for col_a, col_b, year in pairs:
            old, new = a.fund(line, col_a), b.fund(line, col_b)
            if not _same_amount(old, new):
                where = f"{names.get(line, line)}（{_amount_label(a, b, col_a, year)}）"
                yield Difference("fund", Location.of(Cell.fund(line, col_a)), old, new, _changed(where, old, new),
                                 year, where, Location.of(Cell.fund(line, col_b)))
    groups = list(dict.fromkeys([g for g, _ in a.stated_totals] + [g for g, _ in b.stated_totals]))
    for group in groups:
        for col_a, col_b, year in pairs:
            old, new = a.stated_totals.get((group, col_a), ""), b.stated_totals.get((group, col_b), "")
            if _same_amount(old, new) or not (_telling(a, templates["a"], group, col_a, old)
                                              or _telling(b, templates["b"], group, col_b, new)):
                continue
            label = FUNDS_COLUMN_NAMES[col_a] if a.year == b.year else f"{year}年金额"
            where = f"原表所填{names.get(group, group)}（{label}）"
            yield Difference("stated_total", Location.of(Cell.total(group, col_a)), old, new,
                             _changed(where, old, new), year, where, Location.of(Cell.total(group, col_b)))


def _telling(form: Form, template: Template | None, group_key: str, column: str, stated: str) -> bool:
    """Whether a printed 合计 says something the lines do not: it is there and is not their sum.

    Printed totals come from imported documents; one that adds up is as good as none (the importer
    drops such totals), so a form rolled over or typed in by hand, which has none, does not differ
    from one whose printed totals add up.
    """
    if not stated.strip():
        return False
    group = next((g for g in template.funds if g.key == group_key), None) if template is not None else None
    if group is None:
        return True
    parsed = parse_amount(stated, max_decimals=99)
    return not parsed.ok or parsed.value != group_total(form, template, group, column)  # type: ignore[arg-type]


# -- indicators -----------------------------------------------------------------------------------
@dataclass
class _Leaf:
    node: Indicator
    path: tuple[int, int, int]
    l1: str
    l2: str
    key: tuple[str, str, str, int]  # 一级, 二级, name, occurrence (names may repeat, e.g. 「……」)


def _leaves(roots: list[Indicator]) -> list[_Leaf]:
    seen: dict[tuple[str, str, str], int] = {}
    out: list[_Leaf] = []
    for i, l1 in enumerate(roots):
        for j, l2 in enumerate(l1.children):
            for k, l3 in enumerate(l2.children):
                base = (_text(l1.name), _text(l2.name), _text(l3.name))
                n = seen.get(base, 0)
                seen[base] = n + 1
                out.append(_Leaf(l3, (i, j, k), l1.name, l2.name, base + (n,)))
    return out


def _tree(tree: str, a_roots: list[Indicator], b_roots: list[Indicator], section: str,
          years: tuple[int, int], columns: dict[str, str]) -> Iterator[Difference]:
    # 二级 groups added, removed or moved within their 一级
    a_groups = _groups(a_roots)
    b_groups = _groups(b_roots)
    for key, path in a_groups.items():
        if key not in b_groups:
            yield Difference("level2_removed", _level2(tree, path), key[1], "",
                             f"{section}：删除了二级指标「{key[0]} › {key[1]}」", where=f"{section}「{key[0]} › {key[1]}」")
    for key, path in b_groups.items():
        if key not in a_groups:
            place = _level2(tree, path)
            yield Difference("level2_added", place, "", key[1], f"{section}：新增了二级指标「{key[0]} › {key[1]}」",
                             where=f"{section}「{key[0]} › {key[1]}」", location_b=place)
    for l1 in dict.fromkeys(k[0] for k in a_groups):
        a_order = [k for k in a_groups if k[0] == l1 and k in b_groups]
        b_order = sorted((k for k in b_groups if k[0] == l1 and k in a_groups), key=lambda k: b_groups[k])
        for key in _moved(a_order, b_order):
            yield Difference("level2_moved", _level2(tree, a_groups[key]),
                             _row(a_groups[key]), _row(b_groups[key]),
                             f"{section}：二级指标「{key[0]} › {key[1]}」从第{_row(a_groups[key])}位移到第{_row(b_groups[key])}位",
                             where=f"{section}「{key[0]} › {key[1]}」",
                             location_b=_level2(tree, b_groups[key]))

    a_leaves, b_leaves = _leaves(a_roots), _leaves(b_roots)
    b_by_key = {leaf.key: leaf for leaf in b_leaves}
    a_keys = {leaf.key for leaf in a_leaves}
    pairs: list[tuple[_Leaf, _Leaf]] = []
    removed = [leaf for leaf in a_leaves if leaf.key not in b_by_key]
    added = [leaf for leaf in b_leaves if leaf.key not in a_keys]
    for leaf in a_leaves:
        if leaf.key in b_by_key:
            pairs.append((leaf, b_by_key[leaf.key]))
    # An indicator that went to another 二级 (or 一级) under the same, unique name: a move.
    regrouped: list[tuple[_Leaf, _Leaf]] = []
    by_name_removed = _unique_by_name(removed)
    by_name_added = _unique_by_name(added)
    for name, old in by_name_removed.items():
        new = by_name_added.get(name)
        if new is not None and name.strip():
            regrouped.append((old, new))
    for old, new in regrouped:
        removed.remove(old)
        added.remove(new)

    for leaf in removed:
        yield Difference("indicator_removed", _at(tree, NAME, leaf), leaf.node.name, "",
                         f"{section}：删除了「{_where(leaf)}」{_values(columns, leaf.node)}", where=f"{section}「{_where(leaf)}」")
    for leaf in added:
        yield Difference("indicator_added", Location.of(Cell.indicator(None, NAME), tree, leaf.path), "", leaf.node.name,
                         f"{section}：新增了「{_where(leaf)}」{_values(columns, leaf.node)}",
                         where=f"{section}「{_where(leaf)}」", location_b=_at(tree, NAME, leaf))
    for old, new in regrouped:
        yield Difference("indicator_moved", _at(tree, NAME, old), f"{old.l1} › {old.l2}", f"{new.l1} › {new.l2}",
                         f"{section}：「{old.node.name}」从「{old.l1} › {old.l2}」移到「{new.l1} › {new.l2}」",
                         where=f"{section}「{old.node.name}」", location_b=_at(tree, NAME, new))
    # Moves within a group: the indicators that are not on the longest common order.
    groups: dict[tuple[str, str], list[tuple[_Leaf, _Leaf]]] = {}
    for old, new in pairs:
        groups.setdefault(old.key[:2], []).append((old, new))
    for members in groups.values():
        a_order = [old.key for old, _ in members]
        b_order = [old.key for old, new in sorted(members, key=lambda p: p[1].path)]
        by_key = {old.key: (old, new) for old, new in members}
        for key in _moved(a_order, b_order):
            old, new = by_key[key]
            yield Difference("indicator_moved", _at(tree, NAME, old), _row(old.path), _row(new.path),
                             f"{section}：「{_where(old)}」从第{_row(old.path)}行移到第{_row(new.path)}行",
                             where=f"{section}「{_where(old)}」", location_b=_at(tree, NAME, new))
    year_a, year_b = years
    for old, new in pairs + regrouped:
        for column, label in columns.items():
            other = column
            year = history_year(year_a, tree, column) if tree == ANNUAL else None
            if year is not None:
                found = [c for c in column_keys(tree) if history_year(year_b, tree, c) == year]
                if not found:
                    continue  # a year the other form does not have
                other = found[0]
                label = f"{label}（{year}年）" if year_a == year_b else year_value(year)
            before, after = old.node.get(column), new.node.get(other)
            if _text(before) != _text(after):
                where = f"{section}「{_where(old)}」的{label}"
                yield Difference("indicator_changed", _at(tree, column, old), before, after,
                                 _changed(where, before, after), year, where, _at(tree, other, new))


def _at(tree: str, column: str, leaf: _Leaf) -> Location:
    return Location.of(Cell.indicator(leaf.node.id, column), tree, leaf.path)


def _level2(tree: str, path: tuple[int, ...]) -> Location:
    return Location.of(Cell.indicator(None, NAME), tree, path)


def _groups(roots: list[Indicator]) -> dict[tuple[str, str, int], tuple[int, int]]:
    out: dict[tuple[str, str, int], tuple[int, int]] = {}
    for i, l1 in enumerate(roots):
        seen: dict[str, int] = {}
        for j, l2 in enumerate(l1.children):
            name = _text(l2.name)
            n = seen.get(name, 0)
            seen[name] = n + 1
            out[(_text(l1.name), name, n)] = (i, j)
    return out


def _unique_by_name(leaves: list[_Leaf]) -> dict[str, _Leaf]:
    count: dict[str, int] = {}
    for leaf in leaves:
        count[leaf.key[2]] = count.get(leaf.key[2], 0) + 1
    return {leaf.key[2]: leaf for leaf in leaves if count[leaf.key[2]] == 1}


def _moved(a_order: list, b_order: list) -> list:
    """Items of ``a_order`` (all present in ``b_order``) that are off the longest common subsequence."""
    if a_order == b_order:
        return []
    matcher = difflib.SequenceMatcher(a=a_order, b=b_order, autojunk=False)
    kept = set()
    for block in matcher.get_matching_blocks():
        kept.update(a_order[block.a:block.a + block.size])
    return [k for k in a_order if k not in kept]


def _row(path: tuple[int, ...]) -> str:
    return str(path[-1] + 1)


def _where(leaf: _Leaf) -> str:
    return f"{leaf.l1} › {leaf.l2} › {leaf.node.name}"


def _values(columns: dict[str, str], node: Indicator) -> str:
    parts = [f"{label}：{node.get(col)}" for col, label in columns.items() if node.get(col).strip()]
    return f"（{'；'.join(parts)}）" if parts else ""


# -- text helpers ---------------------------------------------------------------------------------
def _text(s: str) -> str:
    """Text as compared: line endings unified, blanks at line ends and around the whole trimmed."""
    lines = s.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _same_amount(a: str, b: str) -> bool:
    pa, pb = parse_amount(a, max_decimals=99), parse_amount(b, max_decimals=99)
    if pa.ok and pb.ok:
        return pa.value == pb.value
    return _text(a) == _text(b)


def _show(s: str, long: bool = False) -> str:
    t = _text(s)
    if not t:
        return "（空）"
    if long and len(t) > 40:
        t = t[:40].replace("\n", " ") + "…"
    return f"「{t}」"


def _changed(what: str, old: str, new: str, long: bool = False) -> str:
    if not _text(old):
        return f"{what}：填写了{_show(new, long)}"
    if not _text(new):
        return f"{what}：清空了{_show(old, long)}"
    return f"{what}：{_show(old, long)} 改为 {_show(new, long)}"
