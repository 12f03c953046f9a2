"""goalform diff A.goal B.goal [--json]: every difference between two forms; exit 1 when they differ."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from goalform.domain.diff import diff_forms
from goalform.store import read_form


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="比较两张表，列出所有不同之处")
    p.add_argument("a", type=Path, metavar="A.goal")
    p.add_argument("b", type=Path, metavar="B.goal")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    form_a, template_a = read_form(args.a)
    form_b, template_b = read_form(args.b)
    differences = diff_forms(form_a, form_b, template_a, template_b)
    if args.json:
        out = {"a": str(args.a), "b": str(args.b), "equal": not differences,
               "differences": [d.as_json() for d in differences]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif not differences:
        print(f"两张表内容相同：{args.a} 与 {args.b}")
    else:
        print(f"{args.a} → {args.b}：{len(differences)} 处不同")
        for d in differences:
            print(f"  {d.message}")
    sys.stdout.flush()
    return 1 if differences else 0
