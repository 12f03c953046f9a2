"""The README's folder map (its "For developers" part) names what the tree holds: every folder of the
package and of ui/ is on it, and every module it names exists."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "goalform"


def _map() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    developers = text[text.index("## For developers"):]
    return developers.split("```")[1]


def test_every_package_folder_is_on_the_map() -> None:
    named = set(re.findall(r"([a-z_]+)/", _map()))
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    folders |= {p.name for p in (PACKAGE / "ui").iterdir() if (p / "__init__.py").exists()}
    assert folders - named == set()


def test_every_module_the_map_names_exists() -> None:
    modules = {p.name for folder in (PACKAGE, ROOT / "examples") for p in folder.rglob("*.py")}
    named = set(re.findall(r"\b([a-z_]+\.py)\b", _map()))
    assert named and named - modules == set()
