"""Adapters between the GUI's actions and the other parts of goalform (import, export, print,
rollover, compare). Each takes the already imported module, so the menu stays fast to build."""
from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from goalform.domain.form import Form
from goalform.domain.template import Template


def _call(module: ModuleType, names: tuple[str, ...], *args: Any, **kwargs: Any) -> Any:
    for name in names:
        func = getattr(module, name, None)
        if callable(func):
            return func(*args, **kwargs)
    raise RuntimeError(f"{module.__name__} 不提供 {' / '.join(names)}")


def import_form(module: ModuleType, path: Path) -> tuple[Form, str]:
    """(form, report text) from a .docx/.xlsx."""
    result = _call(module, ("import_file", "import_form", "read_file"), path)
    if isinstance(result, tuple):
        form, report = result[0], result[1]
    else:
        form, report = getattr(result, "form"), getattr(result, "report", "")
    return form, _report_text(report)


def _report_text(report: Any) -> str:
    if report is None:
        return ""
    if isinstance(report, str):
        return report
    for name in ("as_text", "text", "summary"):
        attr = getattr(report, name, None)
        if callable(attr):
            return str(attr())
        if isinstance(attr, str):
            return attr
    if isinstance(report, (list, tuple)):
        return "\n".join(str(r) for r in report)
    return str(report)


def print_form(module: ModuleType, parent: Any, form: Form, template: Template, *, preview: bool) -> None:
    names = ("print_preview",) if preview else ("print_form", "print_document")
    try:
        _call(module, names, form, template, parent=parent)
    except RuntimeError:
        _call(module, ("print_form", "print_document"), form, template, parent=parent, preview=preview)


def rollover(module: ModuleType, form: Form, template: Template) -> Form:
    result = _call(module, ("rollover", "roll_over", "next_year"), form, template)
    return result[0] if isinstance(result, tuple) else result


def compare(module: ModuleType, old: Form, new: Form, template: Template) -> str:
    result = _call(module, ("diff_forms", "diff", "compare"), old, new, template)
    return _report_text(result)
