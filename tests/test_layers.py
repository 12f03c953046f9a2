"""The layers import only downward: ui -> formats, store -> domain; the CLI beside ui.

Checked on the source with ast, so a stray import fails here rather than in review.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "goalform"

# What each layer may import from goalform (besides itself). Modules at the package root
# (assets, buildinfo, __init__) are shared helpers every layer may use.
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "formats": {"domain", "store"},
    "ui": {"domain", "store", "formats"},
    "commands": {"domain", "store", "formats", "cli"},
}
QT_FREE = {"domain", "store"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_layers_import_only_downward() -> None:
    problems = []
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] == "PySide6" and layer in QT_FREE:
                    problems.append(f"{path.relative_to(PACKAGE)} imports Qt ({name})")
                if parts[0] != "goalform" or len(parts) < 2:
                    continue
                target = parts[1]
                if (PACKAGE / f"{target}.py").exists() and target != "cli":
                    continue  # a root helper module (assets, buildinfo)
                if target != layer and target not in allowed:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_only_the_store_speaks_sql() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        if "sqlite3" in _imports(path):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
