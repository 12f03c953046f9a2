"""Loading PySide6 without its ``__feature__`` import hook.

Importing PySide6 replaces ``builtins.__import__`` with a hook for PySide's opt-in syntax switches
(``from __feature__ import snake_case, true_property``), which goalform does not use. After every
import statement the hook looks at the module named, the first time it meets that name: it reads the
module's whole source to see whether it mentions PySide6 (PYSIDE-2029). In a window's start that is
every module of goalform's and of the standard library imported after Qt, about 90 M instructions or
15 ms (bench/bench_startup.py), and every source it read stays in memory (linecache).

PySide6 keeps the original import as ``builtins.__orig_import__`` and runs without the hook where it
cannot have one (PyPy, PYSIDE-535); :func:`load_qt` puts the original back. A PySide6 that does this
otherwise is left as it is.
"""
from __future__ import annotations

import builtins


def load_qt() -> None:
    """Import PySide6's core (once per process) and drop its ``__feature__`` import hook."""
    import PySide6.QtCore  # noqa: F401 - what installs the hook

    hook = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if hook is not None and original is not None and builtins.__import__ is hook:
        builtins.__import__ = original
