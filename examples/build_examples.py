"""Rebuild examples/form-2024.goal and form-2026.goal from the reference forms.

The reference forms (tests/data/reference_*.txt, text dumps of two real Word forms with the clerks'
names and phones replaced by made-up ones) are read through goalform's own grid reader and saved
through the store, exactly as an import would. Run: python examples/build_examples.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers.reference_forms import VERSIONS, read_reference  # noqa: E402

from goalform.store import Document  # noqa: E402


def build(folder: Path = ROOT / "examples") -> list[Path]:
    written = []
    for version in VERSIONS:
        result = read_reference(version)
        if result.unmapped:
            raise SystemExit(f"reference {version}: cells not understood: {result.unmapped}")
        target = folder / f"form-{version}.goal"
        with Document.from_form(result.form) as doc:
            doc.save(target)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(ROOT))
