"""The places a 审核意见 can point to, as a user types them (``goalform review --at``) and as
``goalform show --ids`` lists them.

A place is a comment target (``form``, ``field:KEY``, ``fund:LINE:COL``, ``indicator:ID[:COL]``,
see :class:`goalform.domain.cells.Cell`) or a location as ``goalform validate`` prints it
(``header/phone``, ``funds/fiscal/current``, ``annual/1.1.1/value``). Either is checked against
the form: an unknown field, funds line or column, or an indicator that does not exist is refused.
"""
from __future__ import annotations

from typing import Iterator

from goalform.domain.cells import FIELD, FUND, INDICATOR, Cell, CellError
from goalform.domain.form import HEADER_FIELDS, INDICATOR_COLUMNS, OTHER_FIELDS, TREES, Form, Indicator, walk
from goalform.domain.names import TREE_NAMES
from goalform.domain.review import FORM_TARGET, ReviewError
from goalform.domain.sections import FUNDS, HEADER, NOTES, REVIEW, TEXTS
from goalform.domain.template import COLUMNS, Template

EXAMPLES = "form、field:phone、fund:fiscal:current、indicator:ID[:value]，或 goalform validate 列出的位置（如 annual/1.1.1/value）"


def field_keys(template: Template) -> list[str]:
    return list(HEADER_FIELDS) + list(OTHER_FIELDS) + [t.key for t in template.texts]


def resolve_place(text: str, form: Form, template: Template) -> str:
    """The comment target ``text`` names in ``form``; :class:`ReviewError` naming what is wrong otherwise."""
    place = text.strip()
    if not place:
        raise ReviewError(f"请用 --at 给出位置（{EXAMPLES}）")
    if "/" in place:
        return _from_location(place, form, template)
    if place == FORM_TARGET:
        return FORM_TARGET
    try:
        cell: Cell | None = Cell.parse(place)
    except CellError:
        cell = None  # refused below in the words of the kind it starts with
    kind = place.partition(":")[0]
    if kind == FIELD:
        return _field(cell.key if cell else "", template, place)
    if kind == FUND:
        return _fund(cell.key if cell else "", cell.column if cell else "", template, place)
    if kind == INDICATOR:
        if cell is None or cell.indicator_id is None:
            raise ReviewError(f"位置「{place}」中的指标编号无效（用 goalform show --ids 查看指标编号）")
        return _indicator(cell.indicator_id, cell.column, form, place)
    raise ReviewError(f"未知的位置「{place}」（可用：{EXAMPLES}）")


def _field(key: str, template: Template, place: str) -> str:
    if key not in field_keys(template):
        raise ReviewError(f"位置「{place}」：没有字段「{key}」（可用：{'、'.join(field_keys(template))}）")
    return Cell.field(key).to_text()


def _fund(line: str, column: str, template: Template, place: str) -> str:
    groups = {g.key for g in template.funds}
    if line not in template.funds_line_keys() and line not in groups:
        raise ReviewError(f"位置「{place}」：没有资金行「{line}」（可用：{'、'.join(template.funds_line_keys())}）")
    if column not in COLUMNS:
        raise ReviewError(f"位置「{place}」：没有资金列「{column}」（可用：{'、'.join(COLUMNS)}）")
    return Cell.fund(line, column).to_text()


def _indicator(indicator_id: int, column: str, form: Form, place: str) -> str:
    if indicator_id not in {node.id for _, _, node in indicators(form)}:
        raise ReviewError(f"位置「{place}」：表中没有编号为 {indicator_id} 的指标（用 goalform show --ids 查看）")
    if column and column not in INDICATOR_COLUMNS:
        raise ReviewError(f"位置「{place}」：指标没有「{column}」列（可用：{'、'.join(INDICATOR_COLUMNS)}）")
    return Cell.indicator(indicator_id, "" if column == "name" else column).to_text()


def _from_location(place: str, form: Form, template: Template) -> str:
    """A location as ``goalform validate`` prints it (Location.as_text)."""
    section, *parts = place.split("/")
    if section in (HEADER, TEXTS, NOTES) and len(parts) == 1:
        return _field(parts[0], template, place)
    if section == FUNDS and len(parts) == 2:
        return _fund(parts[0], parts[1], template, place)
    if section == REVIEW or (section in TREES and parts == ["deadline"]):  # 长期目标's deadline, named by its tab
        return FORM_TARGET if section == REVIEW else Cell.field("deadline").to_text()
    if section in TREES and parts and all(p.isdigit() and p.isascii() and int(p) > 0 for p in parts[0].split(".")):
        nodes, node = form.tree(section), None
        for step in parts[0].split("."):
            i = int(step) - 1
            if i >= len(nodes):
                raise ReviewError(f"位置「{place}」：{TREE_NAMES[section]}中没有第 {parts[0]} 项指标")
            node = nodes[i]
            nodes = node.children
        assert node is not None
        if node.id is None:
            raise ReviewError(f"位置「{place}」：该指标没有编号")
        return _indicator(node.id, parts[1] if len(parts) > 1 else "", form, place)
    raise ReviewError(f"未知的位置「{place}」（可用：{EXAMPLES}）")


def indicators(form: Form) -> Iterator[tuple[str, str, Indicator]]:
    """(tree, path as validate prints it, node) of every indicator, in form order."""
    for tree in TREES:
        for path, node in walk(form.tree(tree)):
            yield tree, ".".join(str(i + 1) for i in path), node

