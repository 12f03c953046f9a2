"""goalform validate FILE... [--json]"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from goalform.domain.errors import UserError
from goalform.domain.validation import Severity
from goalform.store import read_form


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="检查表格，列出错误和警告")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goalform.domain.library import LibraryIndex
    from goalform.domain.validation.library import validate_against
    from goalform.store.library import builtin_entries

    library = LibraryIndex(builtin_entries())  # the built-in list: the same answer on every machine
    results = []
    unusable = 0
    for path in args.files:
        try:
            form, template = read_form(path)
        except UserError as e:  # this file is unusable; the others are still checked
            unusable += 1
            print(f"goalform: {e}", file=sys.stderr)
            continue
        findings = validate_against(form, template, library)
        results.append((path, findings))
    if args.json:
        out = [{"file": str(p), "findings": [f.as_json() for f in fs]} for p, fs in results]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for path, findings in results:
            errors = sum(1 for f in findings if f.severity is Severity.ERROR)
            warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
            print(f"{path}：错误 {errors} · 警告 {warnings}")
            for f in findings:
                print(f"  [{f.severity.label}] {f.message}  ({f.rule} @ {f.location.as_text()})")
    if unusable:
        return 2
    # Info findings (figures such as the quantified share) do not make a form fail.
    return 1 if any(f.severity is not Severity.INFO for _, fs in results for f in fs) else 0
