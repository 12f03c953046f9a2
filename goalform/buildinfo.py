"""What build is running: the version from the package metadata, and when and from which commit
the bundle was built (``goalform/_build.py``, written by packaging/build.py; absent in a source
checkout or a plain pip install, where the build is described as such)."""
from __future__ import annotations

import sys
from dataclasses import dataclass

import goalform


@dataclass(frozen=True)
class BuildInfo:
    version: str
    date: str = ""  # ISO 8601, UTC
    commit: str = ""  # short hash, '-dirty' when built from uncommitted changes
    platform: str = ""
    frozen: bool = False  # running from the PyInstaller bundle


def build_info() -> BuildInfo:
    frozen = bool(getattr(sys, "frozen", False))
    try:
        from goalform import _build
    except ImportError:
        return BuildInfo(goalform.__version__, frozen=frozen)
    return BuildInfo(
        version=goalform.__version__,
        date=str(getattr(_build, "DATE", "")),
        commit=str(getattr(_build, "COMMIT", "")),
        platform=str(getattr(_build, "PLATFORM", "")),
        frozen=frozen,
    )


def describe_build(info: BuildInfo | None = None) -> str:
    """One short line for people: 构建于 2026-11-25 20:41 UTC · 提交 821fa5a, or that it is not a build."""
    info = info or build_info()
    if not info.date:
        return "源代码运行，未打包"
    when = info.date.replace("T", " ").removesuffix("Z")[:16] + " UTC"
    parts = [f"构建于 {when}"]
    if info.commit:
        parts.append(f"提交 {info.commit}")
    return " · ".join(parts)


def version_line() -> str:
    """``goalform --version``: the version and the build (short: argparse wraps long lines)."""
    return f"goalform {goalform.__version__}（{describe_build()}）"
