"""A folder of forms to summarise (issue 25), built through the store's API: more files than
:data:`goalform.store.summary_reader.PARALLEL_FROM`, so the summary spreads over worker processes."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Sequence

from helpers.valid_forms import valid_form

from goalform.store import Document, summary_reader


def build_pile(folder: Path, departments: Sequence[str], amounts: Sequence[str], comment: bool = False) -> Path:
    """``folder`` filled with copies of two base files (a 2024 form and a submitted 2026 one, which
    with ``comment`` carries a 审核意见): each copy's department one of ``departments`` numbered, its
    财政拨款 · 当年金额 one of ``amounts``, every seventh a placeholder value; every ninth in ``sub/``;
    then a damaged .goal (0003.goal) and a Word file among them. The base files stay in the folder."""
    bases = []
    for version in ("2024", "2026"):
        form, _ = valid_form(version)
        base = folder / f"base-{version}.goal"
        with Document.from_form(form) as doc:
            if version == "2026":
                if comment:
                    doc.add_comment("form", "请核实", "审核员甲")
                doc.submit("张三")
            doc.save(base)
        bases.append(base)
    for i in range(summary_reader.PARALLEL_FROM + 20):
        path = folder / ("sub" if i % 9 == 0 else ".") / f"{i:04d}.goal"
        path.parent.mkdir(exist_ok=True)
        shutil.copyfile(bases[i % 2], path)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("UPDATE field SET value = ? WHERE key = 'department'", (departments[i % len(departments)] + str(i),))
        conn.execute("INSERT OR REPLACE INTO fund(line, col, value) VALUES ('fiscal', 'current', ?)",
                     (amounts[i % len(amounts)],))
        if i % 7 == 0:
            conn.execute("UPDATE indicator SET value = '……' WHERE id = (SELECT max(id) FROM indicator)")
        conn.close()
    (folder / "0003.goal").write_bytes(b"not a form")
    (folder / "notes.docx").write_bytes(b"PK")
    return folder
