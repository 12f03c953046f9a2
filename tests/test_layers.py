"""The layers import only downward: ui -> formats, store -> domain (formats needs only domain); the CLI
beside ui (cli.py loads the command modules, which never import cli.py). No import circles between
modules, also through a module loaded by name (importlib), no module over 450 lines.

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
    "formats": {"domain"},  # its errors derive from domain.errors.UserError, not from the store's
    "ui": {"domain", "store", "formats"},
    # Not "cli": cli.py loads each command module by name (COMMANDS), so a command importing cli.py
    # closes a circle; what the commands share (UsageError) lives in goalform/commands/.
    "commands": {"domain", "store", "formats"},
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


# -- no import circles, no oversized modules ------------------------------------------------------------
MAX_LINES = 450


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(package: Path = PACKAGE) -> dict[str, Path]:
    return {_module_name(p, package): p for p in package.rglob("*.py")}


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Which goalform modules each goalform module imports: at the top, inside functions and under
    ``if TYPE_CHECKING:`` alike (a circle through any of them is still a circle for a reader).

    ``from goalform.a import b`` counts as an import of the module ``goalform.a.b`` when there is
    one, else of ``goalform.a``; a package's ``__init__`` run implicitly is not counted. In a module
    that imports ``importlib``, a string naming a goalform module (cli.py's ``"goalform.commands.new"``)
    counts as an import of it: loading by name is importing, though an import scan does not see it."""
    modules = _modules(package)
    root = package.name

    def known(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loads_by_name = any(isinstance(node, ast.Import) and any(a.name == "importlib" for a in node.names)
                            or isinstance(node, ast.ImportFrom) and node.module == "importlib"
                            for node in ast.walk(tree))
        for node in ast.walk(tree):
            if loads_by_name and isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and node.value in modules:
                targets.add(node.value)
            elif isinstance(node, ast.Import):
                targets.update(known(a.name) for a in node.names if a.name.split(".")[0] == root)
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level:  # relative: resolve against this module's package
                    base = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                    module = ".".join(base + ([module] if module else []))
                if module.split(".")[0] != root:
                    continue
                for alias in node.names:
                    full = f"{module}.{alias.name}"
                    targets.add(full if full in modules else known(module))
        targets.discard(name)
        targets.discard("")
        graph[name] = targets
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    return circles


def _describe(circle: list[str], graph: dict[str, set[str]]) -> str:
    members = set(circle)
    return "; ".join(f"{m} -> {', '.join(sorted(graph[m] & members))}" for m in circle)


def test_no_import_circles() -> None:
    graph = import_graph()
    assert [_describe(c, graph) for c in import_circles(graph)] == []


def test_the_circle_check_sees_circles(tmp_path: Path) -> None:
    """The check above can fail: a circle through a function-level and a TYPE_CHECKING import is found."""
    package = tmp_path / "goalform"
    (package / "ui").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "ui" / "__init__.py").write_text("")
    (package / "ui" / "a.py").write_text("def f():\n    from goalform.ui import b\n")
    (package / "ui" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from goalform.ui.c import C\n")
    (package / "ui" / "c.py").write_text("from goalform.ui.a import f\nfrom goalform import ui\n")
    graph = import_graph(package)
    assert import_circles(graph) == [["goalform.ui.a", "goalform.ui.b", "goalform.ui.c"]]
    (package / "ui" / "c.py").write_text("from . import d\n")
    (package / "ui" / "d.py").write_text("from .c import x\n")
    assert import_circles(import_graph(package)) == [["goalform.ui.c", "goalform.ui.d"]]


def test_the_circle_check_sees_modules_loaded_by_name(tmp_path: Path) -> None:
    """cli.py loads the commands by name; a command that imports cli.py back is a circle."""
    package = tmp_path / "goalform"
    (package / "commands").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "commands" / "__init__.py").write_text("")
    (package / "cli.py").write_text('import importlib\nCOMMANDS = {"new": "goalform.commands.new"}\n'
                                    "def load(name):\n    return importlib.import_module(COMMANDS[name])\n")
    (package / "commands" / "new.py").write_text("def run():\n    from goalform.cli import UsageError\n")
    assert import_circles(import_graph(package)) == [["goalform.cli", "goalform.commands.new"]]
    (package / "commands" / "new.py").write_text("from goalform.commands.usage import UsageError\n")
    (package / "commands" / "usage.py").write_text("class UsageError(Exception):\n    pass\n")
    assert import_circles(import_graph(package)) == []


def test_the_commands_do_not_import_the_cli() -> None:
    """The rule itself, said on its own (the layer test checks it too): no goalform/commands/ module
    imports goalform.cli, at the top or inside a function."""
    graph = import_graph()
    assert sorted(m for m, targets in graph.items() if m.startswith("goalform.commands") and "goalform.cli" in targets) == []
    assert "goalform.commands.new" in graph["goalform.cli"]  # the scan sees cli.py's loading by name


def test_the_scan_sees_every_module_loaded_by_name() -> None:
    """goalform.store loads its parts lazily by name: the scan counts them as imports, so a part that
    imported the package's lazy names back would be a circle it finds. No other loading by name hides."""
    graph = import_graph()
    assert {"goalform.store.document", "goalform.store.quick_read", "goalform.store.workspace"} <= graph["goalform.store"]
    loading = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if "import_module(" in p.read_text(encoding="utf-8")]
    assert sorted(loading) == ["cli.py", "store/__init__.py"]  # both load from literal tables of whole names


def test_no_module_is_too_long() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


# -- ui/ is rooms by feature ------------------------------------------------------------------------
MAX_MODULES_DIRECTLY_IN_UI = 12


def test_ui_is_folders_by_feature() -> None:
    """ui/ keeps a dozen shared modules at most; everything else lives in the folder of its feature
    (app, fields, funds, indicators, review, library, files, findings), so a newcomer finds it by name."""
    loose = sorted(p.name for p in (PACKAGE / "ui").glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_MODULES_DIRECTLY_IN_UI, loose
    folders = [p for p in (PACKAGE / "ui").iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert folders and all((folder / "__init__.py").exists() for folder in folders)
