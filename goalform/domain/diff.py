"""Every difference between two forms, in readable Chinese (``goalform diff``, the GUI's 比较).

Differences come in reading order: template version and year first, then header fields, funds,
texts, long-term and annual indicators, notes. Indicators are matched by (tree, 一级, 二级, 三级
name), so an indicator whose row changed is reported as moved, not as removed and added again; one
that went to another 二级 under the same name is reported as moved there.

Comparison is by meaning where the form has one: amounts by value (``1,424`` equals ``1424 万元``),
texts after trimming trailing blanks of each line. Locations point into form A for what A has
(changed, moved, removed) and into form B for what only B has (added).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterator

from goalform.domain.amounts import parse_amount
from goalform.domain.form import HEADER_FIELDS, TREES, Form, Indicator
from goalform.domain.template import COLUMNS, Template
from goalform.domain.validation.core import Location

# Used when no template is given; with templates, the names come from their labels.
HEADER_NAMES = {"department": "部门（单位）名称", "filler": "填报人", "phone": "联系电话", "fill_date": "填报日期"}
TREE_NAMES = {"long_term": "长期绩效指标", "annual": "年度绩效指标"}
COLUMN_NAMES = {"current": "当年金额", "prev2": "前年金额", "prev1": "上年金额"}


def indicator_column_names(tree: str) -> dict[str, str]:
    names = {"value": "预期当年实现值" if tree == "annual" else "指标值", "basis": "指标值确定依据",
             "category": "指标分类"}
    if tree == "annual":
        names = {"prev2": "前年值", "prev1": "上年值", **names}
    return names


@dataclass(frozen=True)
class Difference:
    kind: str  # template, year, field, text, fund, stated_total, level2_added/removed/moved,
    #            indicator_added, indicator_removed, indicator_moved, indicator_changed, notes
    location: Location
    old: str
    new: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "location": self.location.as_text(), "old": self.old, "new": self.new,
                "message": self.message}


def diff_forms(a: Form, b: Form, template_a: Template | None = None,
               template_b: Template | None = None) -> list[Difference]:
    """Every difference from form ``a`` to form ``b``; empty when they say the same.

    The templates, when given, only make the messages name text sections and funds lines as the
    form prints them; without them the keys are used.
    """
    names = _names(template_a, template_b)
    out: list[Difference] = []
    if a.template_id != b.template_id:
        out.append(Difference("template", Location("header", "template"), a.template_id, b.template_id,
                              f"模板版本不同：{a.template_id}版 → {b.template_id}版"))
    if a.year != b.year:
        out.append(Difference("year", Location("header", "year"), str(a.year), str(b.year),
                              f"年度不同：{a.year}年 → {b.year}年"))
    for key in HEADER_FIELDS:
        old, new = getattr(a, key), getattr(b, key)
        if _text(old) != _text(new):
            out.append(Difference("field", Location("header", key), old, new, _changed(names.get(key, HEADER_NAMES[key]), old, new)))
    out.extend(_funds(a, b, names))
    if _text(a.deadline) != _text(b.deadline):
        out.append(Difference("field", Location("texts", "deadline"), a.deadline, b.deadline,
                              _changed("长期目标截止时间", a.deadline, b.deadline)))
    for key in list(a.texts) + [k for k in b.texts if k not in a.texts]:
        old, new = a.text(key), b.text(key)
        if _text(old) != _text(new):
            out.append(Difference("text", Location("texts", key), old, new,
                                  _changed(names.get(key, key), old, new, long=True)))
    for tree in TREES:
        out.extend(_tree(tree, a.tree(tree), b.tree(tree), names.get(tree, TREE_NAMES[tree])))
    if _text(a.notes) != _text(b.notes):
        out.append(Difference("notes", Location("notes", "notes"), a.notes, b.notes,
                              _changed("备注", a.notes, b.notes, long=True)))
    return out


def _names(*templates: Template | None) -> dict[str, str]:
    """Printable names of text sections, funds lines and groups, from the templates at hand."""
    names: dict[str, str] = {}
    for t in reversed([t for t in templates if t is not None]):
        for key, label in (("department", "department"), ("filler", "filler"), ("phone", "phone"),
                           ("long_term", "long_term_section"), ("annual", "annual_section")):
            if label in t.labels:
                names[key] = t.labels[label].replace("\n", "")
        for section in t.texts:
            names[section.key] = section.label.split("\n")[0].rstrip("：:")
        for group in t.funds:
            names[group.key] = group.label.replace("\n", "").replace("构成", "") + "合计"
            for line in group.lines:
                names[line.key] = line.label
    return names


def _funds(a: Form, b: Form, names: dict[str, str]) -> Iterator[Difference]:
    years = {"current": "{y}年当年金额", "prev2": "{p2}年金额", "prev1": "{p1}年金额"}
    lines = list(dict.fromkeys([line for line, _ in a.funds] + [line for line, _ in b.funds]))
    for line in lines:
        for column in COLUMNS:
            old, new = a.fund(line, column), b.fund(line, column)
            if not _same_amount(old, new):
                where = f"{names.get(line, line)}（{years[column].format(y=a.year, p2=a.year - 2, p1=a.year - 1)}）"
                yield Difference("fund", Location("funds", line, column), old, new, _changed(where, old, new))
    groups = list(dict.fromkeys([g for g, _ in a.stated_totals] + [g for g, _ in b.stated_totals]))
    for group in groups:
        for column in COLUMNS:
            old, new = a.stated_totals.get((group, column), ""), b.stated_totals.get((group, column), "")
            if not _same_amount(old, new):
                where = f"原表所填{names.get(group, group)}（{COLUMN_NAMES[column]}）"
                yield Difference("stated_total", Location("funds", group, column), old, new, _changed(where, old, new))


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


def _tree(tree: str, a_roots: list[Indicator], b_roots: list[Indicator], section: str) -> Iterator[Difference]:
    # 二级 groups added, removed or moved within their 一级
    a_groups = _groups(a_roots)
    b_groups = _groups(b_roots)
    for key, path in a_groups.items():
        if key not in b_groups:
            yield Difference("level2_removed", Location(tree, "name", path=path), key[1], "",
                             f"{section}：删除了二级指标「{key[0]} › {key[1]}」")
    for key, path in b_groups.items():
        if key not in a_groups:
            yield Difference("level2_added", Location(tree, "name", path=path), "", key[1],
                             f"{section}：新增了二级指标「{key[0]} › {key[1]}」")
    for l1 in dict.fromkeys(k[0] for k in a_groups):
        a_order = [k for k in a_groups if k[0] == l1 and k in b_groups]
        b_order = sorted((k for k in b_groups if k[0] == l1 and k in a_groups), key=lambda k: b_groups[k])
        for key in _moved(a_order, b_order):
            yield Difference("level2_moved", Location(tree, "name", path=a_groups[key]),
                             _row(a_groups[key]), _row(b_groups[key]),
                             f"{section}：二级指标「{key[0]} › {key[1]}」从第{_row(a_groups[key])}位移到第{_row(b_groups[key])}位")

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
        yield Difference("indicator_removed", Location(tree, "name", path=leaf.path, indicator_id=leaf.node.id),
                         leaf.node.name, "", f"{section}：删除了「{_where(leaf)}」{_values(tree, leaf.node)}")
    for leaf in added:
        yield Difference("indicator_added", Location(tree, "name", path=leaf.path), "", leaf.node.name,
                         f"{section}：新增了「{_where(leaf)}」{_values(tree, leaf.node)}")
    for old, new in regrouped:
        yield Difference("indicator_moved", Location(tree, "name", path=old.path, indicator_id=old.node.id),
                         f"{old.l1} › {old.l2}", f"{new.l1} › {new.l2}",
                         f"{section}：「{old.node.name}」从「{old.l1} › {old.l2}」移到「{new.l1} › {new.l2}」")
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
            yield Difference("indicator_moved", Location(tree, "name", path=old.path, indicator_id=old.node.id),
                             _row(old.path), _row(new.path),
                             f"{section}：「{_where(old)}」从第{_row(old.path)}行移到第{_row(new.path)}行")
    for old, new in pairs + regrouped:
        for column, label in indicator_column_names(tree).items():
            before, after = old.node.get(column), new.node.get(column)
            if _text(before) != _text(after):
                yield Difference("indicator_changed",
                                 Location(tree, column, path=old.path, indicator_id=old.node.id), before, after,
                                 _changed(f"{section}「{_where(old)}」的{label}", before, after))


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


def _values(tree: str, node: Indicator) -> str:
    parts = [f"{label}：{node.get(col)}" for col, label in indicator_column_names(tree).items() if node.get(col).strip()]
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
