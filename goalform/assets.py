"""Finds and reads the files in ``resources/``: in a source checkout, an installed wheel and a frozen bundle alike.

This is the only module that knows where data files live.
"""
from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goalform.domain.template import Template, TemplateError, template_from_mapping

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


@functools.lru_cache(maxsize=1)
def _root() -> Traversable:
    # A folder on disk (a source checkout, an installed wheel, a bundle that unpacks its data) is
    # used as it is: importlib.resources costs the window's start-up some milliseconds.
    try:
        spec = importlib.util.find_spec("goalform.resources")
    except ModuleNotFoundError:
        spec = None
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if len(folders) == 1 and Path(folders[0], "templates").is_dir():
        return Path(folders[0])
    from importlib import resources

    try:
        return resources.files("goalform.resources")
    except ModuleNotFoundError:
        # A source checkout run without installing: resources/ sits beside the package.
        return resources.files("goalform").joinpath("..", "resources")


def resource(*parts: str) -> Traversable:
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
