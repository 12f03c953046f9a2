"""goalform.qt_loading: PySide6's __feature__ import hook is dropped, the import PySide6 kept put back;
anything else in its place is left alone."""
from __future__ import annotations

import builtins

from goalform.qt_loading import load_qt

# Python's own import: what PySide6 kept, where its hook is installed (pytest-qt imports PySide6 first).
# PySide6's hook calls builtins.__orig_import__, so that must never be anything but this.
REAL = getattr(builtins, "__orig_import__", builtins.__import__)


def test_the_feature_hook_is_replaced_by_the_original_import(monkeypatch) -> None:
    def hook(*args, **kwargs):  # stands for PySide6's C function __feature_import__
        return REAL(*args, **kwargs)

    monkeypatch.setattr(builtins, "__feature_import__", hook, raising=False)
    monkeypatch.setattr(builtins, "__orig_import__", REAL, raising=False)
    monkeypatch.setattr(builtins, "__import__", hook)
    load_qt()
    assert builtins.__import__ is REAL
    import json  # noqa: F401 - imports still work

    assert __import__("os").sep


def test_another_import_in_its_place_is_left_alone(monkeypatch) -> None:
    def someone_elses(*args, **kwargs):  # e.g. a debugger's, installed after PySide6
        return REAL(*args, **kwargs)

    monkeypatch.setattr(builtins, "__feature_import__", lambda *a, **k: None, raising=False)
    monkeypatch.setattr(builtins, "__orig_import__", REAL, raising=False)
    monkeypatch.setattr(builtins, "__import__", someone_elses)
    load_qt()
    assert builtins.__import__ is someone_elses


def test_qt_loads_for_real() -> None:
    load_qt()
    assert builtins.__import__ is not getattr(builtins, "__feature_import__", None)
    from PySide6.QtCore import QCoreApplication  # noqa: F401
