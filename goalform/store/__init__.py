"""The .goal document: the only package that speaks SQL.

The errors are imported at once; the rest when first asked for (``goalform export`` needs only
:func:`read_form`, not the document's editing, saving and locking machinery).
"""
from __future__ import annotations

import importlib

from goalform.store.errors import (
    ChangedOnDisk,
    CorruptFile,
    FileBusy,
    NewerSchema,
    NotAGoalFile,
    ReadOnlyError,
    SaveError,
    StoreError,
    TooLarge,
)

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import Any

# Where each lazily loaded name lives, as whole module names: tests/test_layers.py reads these strings as
# imports of this package (loading by name is importing), so a circle through them is still found.
_HOMES = {"Document": "goalform.store.document", "IndicatorRecord": "goalform.store.document",
          "Subtree": "goalform.store.document", "read_form": "goalform.store.quick_read",
          "WorkingCopy": "goalform.store.workspace", "Workspace": "goalform.store.workspace"}

__all__ = [
    "ChangedOnDisk", "CorruptFile", "Document", "FileBusy", "IndicatorRecord", "NewerSchema", "NotAGoalFile",
    "ReadOnlyError", "SaveError", "StoreError", "Subtree", "TooLarge", "WorkingCopy", "Workspace", "read_form",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'goalform.store' has no attribute {name!r}")
