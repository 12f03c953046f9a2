"""Finds and reads the files in ``resources/``: in a source checkout, an installed wheel and a frozen bundle alike.

This is the only module that knows where data files live.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

from goalform.domain.template import Template, TemplateError, template_from_mapping

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import Any


@functools.lru_cache(maxsize=1)
def _root() -> Path:
    # The folder of the goalform.resources package (pyproject maps resources/ to it), which is a folder on
    # disk in a checkout, an installed wheel and the one-folder bundle alike (what importlib.resources.files
    # gives there too, but importing that costs a twentieth of a command-line export).
    try:
        import goalform.resources as package
    except ModuleNotFoundError:
        # A source checkout run without installing: resources/ sits beside the package.
        return Path(__file__).resolve().parent.parent / "resources"
    return Path(package.__file__).resolve().parent


def resource(*parts: str) -> Path:
    """A file or folder below ``resources/``."""
    node = _root()
    for part in parts:
        node = node / part
    return node


def read_json(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def templates() -> dict[str, Template]:
    """Every template in ``resources/templates/``, by id, oldest first."""
    found: dict[str, Template] = {}
    for entry in sorted(resource("templates").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            template = template_from_mapping(json.loads(entry.read_text(encoding="utf-8")))
            found[template.id] = template
    return found


def template(template_id: str) -> Template:
    try:
        return templates()[template_id]
    except KeyError:
        known = "、".join(templates())
        raise TemplateError(f"未知的模板版本「{template_id}」（可用：{known}）") from None


def latest_template() -> Template:
    return list(templates().values())[-1]


@functools.lru_cache(maxsize=1)
def indicator_library() -> list[dict[str, str]]:
    """The standard indicators with their explanations (``resources/indicators.json``)."""
    return list(read_json("indicators.json")["indicators"])
