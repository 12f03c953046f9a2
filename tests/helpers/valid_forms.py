"""Forms that pass every rule, built through the domain API, for tests to break one thing at a time."""
from __future__ import annotations

from goalform import assets
from goalform.domain.form import TREES, Form, Indicator, leaves, new_form, walk
from goalform.domain.template import Template


def valid_form(version: str = "2026") -> tuple[Form, Template]:
    """A complete, correct form of ``version``: validate() reports nothing but the info figure."""
    template = assets.template(version)
    form = new_form(template, template.first_year)
    form.department = "鄂州市示例局"
    form.filler = "李文静"
    form.phone = "027-87654321"
    form.fill_date = f"{form.year - 1}-12-31" if template.requires_fill_date else ""
    form.deadline = f"{form.year + 2}年12月"
    form.texts = {t.key: f"{t.key} 的内容。" for t in template.texts}
    for line, amounts in (("fiscal", ("100", "90", "95")), ("personnel", ("40", "40", "40")),
                          ("operation", ("60", "50", "55"))):
        for column, amount in zip(("current", "prev2", "prev1"), amounts):
            form.funds[(line, column)] = amount
    for tree in ("long_term", "annual"):
        for l1 in form.tree(tree):
            for l2 in l1.children:
                if not l2.children:
                    l2.children.append(Indicator(level=3, name=f"{l2.name}完成率"))
    basis_choice = template.basis.values[0] if template.basis.is_choice else ""
    for tree in ("long_term", "annual"):
        for _, _, l3 in leaves(form, tree):
            l3.value = "≥90%"
            l3.basis = l3.basis or basis_choice or f"反映{l3.name}的完成情况。"
            l3.category = l3.category or template.category.values[0]
            if tree == "annual":
                l3.prev2, l3.prev1 = "88%", "90%"
    return form, template


def find(form: Form, tree: str, name: str) -> Indicator:
    """The 三级 indicator called ``name`` in ``tree``."""
    for _, _, l3 in leaves(form, tree):
        if l3.name == name:
            return l3
    raise KeyError(name)


def number_indicators(form: Form) -> Form:
    """``form`` with store ids on its indicators, 1, 2, ... in form order (both trees), as a .goal gives them."""
    nodes = (node for tree in TREES for _, node in walk(form.tree(tree)))
    for n, node in enumerate(nodes, 1):
        node.id = n
    return form
