"""Rules that hold a form against the indicator library, which is passed in as data:
:func:`validate_against` runs every rule with the library at hand; plain ``validate`` has none, and
these rules then say nothing (the library lives in the user's data folder, validation does no I/O).
"""
from __future__ import annotations

import contextvars
from collections.abc import Iterator, Sequence

from goalform.domain.form import Form
from goalform.domain.funds import FundsReading
from goalform.domain.messages import msg
from goalform.domain.template import Template
from goalform.domain.validation.core import Finding, Location, Severity, rule, validate
from goalform.domain.validation.rows import TreeIndex, indicator_rows
from goalform.domain.validation.scope import Scope

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)

if TYPE_CHECKING:  # (the library module itself only when there is a library: plain validate has none)
    from goalform.domain.library import LibraryIndex

_LIBRARY: contextvars.ContextVar[LibraryIndex | None] = contextvars.ContextVar("goalform_library", default=None)


def validate_against(form: Form, template: Template, library: LibraryIndex | None, *,
                     scope: Scope | None = None, keep: Sequence[Finding] = (),
                     index: TreeIndex | None = None, funds: FundsReading | None = None) -> list[Finding]:
    """:func:`validate` (``scope``, ``keep``, ``index``, ``funds`` as there), with ``library`` for the rules
    that consult the indicator library."""
    token = _LIBRARY.set(library)
    try:
        return validate(form, template, scope=scope, keep=keep, index=index, funds=funds)
    finally:
        _LIBRARY.reset(token)


def active_library() -> LibraryIndex | None:
    """The library of the running :func:`validate_against`, or None."""
    return _LIBRARY.get()


@rule("library.placement", Severity.INFO, "三级指标在指标库中属于另一个一级/二级指标")
def placement(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A 三级 indicator whose name the library (built-in and bureau entries; not those learned from
    the user's own forms) lists only under other 一级/二级 indicators. A hint: a department may
    have good reasons, but a reviewer will ask. Skipped when no library is given."""
    library = active_library()
    if library is None or not len(library):
        return
    from goalform.domain.library import name_key

    for row in indicator_rows(form):
        entries = library.find(row.name)
        if not entries:
            continue
        here = (name_key(row.level1.name), name_key(row.level2.name))
        if any(e.placement == here for e in entries):
            continue
        where = "、".join(dict.fromkeys(f"{e.level1}／{e.level2}" for e in entries[:3]))
        yield (row.at("name"),
               msg("{row}在指标库中属于「{where}」，这里在「{here}」下", row=row.title, where=where, here=f"{row.level1.name}／{row.level2.name.strip()}"))
