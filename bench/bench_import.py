"""Import, rollover and diff speed: a clerk's import must feel instant on an old office PC.

Targets (on the 2-core CI machine; old PCs are about 3x slower): importing a reference-sized form
< 0.3 s from .docx and from .xlsx, a form with 600 indicators < 1.5 s; rollover and diff of that form
< 0.2 s. A 5,000-row .xlsx (about 5,000 indicators, the scale of issue 13's audit) < 2 s: the Excel
reader is linear in the cells that exist (it took 15 s before, 50,000 rows never finished).
"""
from __future__ import annotations

import copy
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers.office_builders import write_docx, write_xlsx  # noqa: E402
from helpers.reference_forms import read_reference  # noqa: E402

from goalform.domain.diff import diff_forms  # noqa: E402
from goalform.domain.form import Indicator  # noqa: E402
from goalform.domain.rollover import roll_forward  # noqa: E402
from goalform.formats.importer import import_file  # noqa: E402


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def big_form(groups: int = 10, per_group: int = 5):
    ref = read_reference("2026")
    form = copy.deepcopy(ref.form)
    for roots in (form.long_term, form.annual):
        for i, l1 in enumerate(roots):
            for j in range(groups):
                l2 = Indicator(level=2, name=f"二级{i}-{j}")
                for k in range(per_group):
                    l2.children.append(Indicator(level=3, name=f"指标{i}-{j}-{k}", value="≥95%", prev2="90%",
                                                 prev1="93%", basis="计划标准", category="基本型"))
                l1.children.append(l2)
    return ref.template, form


def main() -> int:
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("reference 2026", read_reference("2026").template, read_reference("2026").form, 0.3)]
        template, form = big_form()
        n = sum(len(l2.children) for roots in (form.long_term, form.annual) for l1 in roots for l2 in l1.children)
        cases.append((f"{n} indicators", template, form, 1.5))
        for name, template, form, target in cases:
            for suffix, write in (("docx", write_docx), ("xlsx", write_xlsx)):
                path = write(Path(tmp) / f"f.{suffix}", template, form)
                seconds = best_of(3, lambda: import_file(path))
                ok = seconds < target
                failed |= not ok
                print(f"import {name} .{suffix}: {seconds * 1000:.0f} ms (target < {target * 1000:.0f} ms)"
                      f"{'' if ok else '  TOO SLOW'}")
        imported = import_file(Path(tmp) / "f.docx").form
        rolled = roll_forward(imported, template).form
        for label, fn in (("rollover", lambda: roll_forward(imported, template)),
                          ("diff", lambda: diff_forms(imported, rolled, template, template))):
            seconds = best_of(3, fn)
            ok = seconds < 0.2
            failed |= not ok
            print(f"{label} {n} indicators: {seconds * 1000:.0f} ms (target < 200 ms){'' if ok else '  TOO SLOW'}")
        # The scale of issue 13: a sheet of about 5,000 rows.
        template, form = big_form(groups=20, per_group=20)
        path = write_xlsx(Path(tmp) / "rows.xlsx", template, form)
        import openpyxl

        rows = openpyxl.load_workbook(path, read_only=True).active.max_row
        seconds = best_of(2, lambda: import_file(path))
        ok = seconds < 2.0
        failed |= not ok
        print(f"import {rows}-row .xlsx: {seconds * 1000:.0f} ms (target < 2000 ms){'' if ok else '  TOO SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
