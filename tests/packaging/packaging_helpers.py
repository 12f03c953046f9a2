"""Shared paths for the packaging tests, and the scripts in packaging/ loaded as modules."""
from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "goalform.spec"


def load_script(name: str) -> ModuleType:
    """packaging/<name>.py as a module (not on sys.path: `build` would shadow pypa's build)."""
    module_name = f"goalform_packaging_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def spec_executables() -> list[str]:
    """The name= of every EXE(...) in the spec."""
    names = []
    for node in ast.walk(spec_tree()):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EXE":
            names += [kw.value.value for kw in node.keywords if kw.arg == "name"]
    return names


def spec_list(name: str) -> list[str]:
    """A module-level list or set of string literals in the spec (EXCLUDES, ...)."""
    for node in spec_tree().body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return [elt.value for elt in node.value.elts if isinstance(elt, ast.Constant)]
    raise KeyError(name)


def spec_namespace(**given: object) -> dict:
    """The spec's helper functions and module-level constants, run without PyInstaller's build.

    Only function definitions and assignments of literals/`re.compile` are executed, so the
    Windows-only code (the version resource) and the plugin filters can be tested on any machine.
    """
    import re

    keep = []
    for node in spec_tree().body:
        if isinstance(node, ast.FunctionDef):
            keep.append(node)
        elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper() for t in node.targets):
            try:
                compile(ast.Expression(node.value), "spec", "eval")
            except SyntaxError:
                continue
            names = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            if names <= {"re", "set", "dict"}:
                keep.append(node)
    namespace = {"re": re, "Path": Path, "sys": sys, **given}
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace
