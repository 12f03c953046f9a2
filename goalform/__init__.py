"""goalform: fill in, check and export the 部门整体绩效目标表."""
from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("goalform")
except metadata.PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0.0.0+unknown"
