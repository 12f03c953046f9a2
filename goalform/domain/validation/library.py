"""Rules that hold a form against the indicator library (given to ``validate`` as data)."""
from __future__ import annotations

from typing import Iterator

from goalform.domain.form import Form
from goalform.domain.library import normalize
from goalform.domain.template import Template
from goalform.domain.validation.core import Location, Severity, active_library, rule
from goalform.domain.validation.rows import indicator_rows


@rule("library.placement", Severity.INFO, "三级指标在指标库中属于另一个一级/二级指标")
def placement(form: Form, template: Template) -> Iterator[tuple[Location, str]]:
    """A 三级 indicator whose name the library (built-in and bureau entries; not those learned from
    the user's own forms) lists only under other 一级/二级 indicators. A hint: a department may
    have good reasons, but a reviewer will ask. Skipped when no library is given."""
    library = active_library()
    if library is None or not len(library):
        return
    for row in indicator_rows(form):
        entries = library.find(row.name)
        if not entries:
            continue
        here = (normalize(row.level1.name), normalize(row.level2.name))
        if any(e.placement == here for e in entries):
            continue
        where = "、".join(dict.fromkeys(f"{e.level1}／{e.level2}" for e in entries[:3]))
        yield (row.at("name"),
               f"{row.title}在指标库中属于「{where}」，这里在「{row.level1.name}／{row.level2.name.strip()}」下")
