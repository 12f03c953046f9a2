"""What every .xlsx goalform writes for people shares: untrusted text stays text, and a workbook
replaces its file atomically."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write one cell. Text from the files is untrusted: it is always stored as text (a department
    called 「=HYPERLINK(…)」 must not become a formula) and control characters, which .xlsx cannot
    hold, are dropped."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = ws.cell(row=row, column=column, value=value or None)
        if value.startswith("="):
            cell.data_type = "s"
        return cell
    return ws.cell(row=row, column=column, value=value)


def save_atomically(workbook: Workbook, path: Path | str) -> None:
    """Save ``workbook`` to ``path`` so that a half-written file never replaces a good one."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        workbook.save(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
