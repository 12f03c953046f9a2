"""goalform: fill in, check and export the 部门整体绩效目标表."""
from __future__ import annotations


def __getattr__(name: str) -> str:
    # __version__ is looked up lazily: importlib.metadata costs every command ~20 ms at start-up.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("goalform")
        except metadata.PackageNotFoundError:  # a source checkout that was never installed
            return "0.0.0+unknown"
    raise AttributeError(name)
