"""goalform show FILE.goal [--ids]: the whole form as text, then its review state (status with who and
when, fingerprints, 「提交后被修改」, the history and the 审核意见); ``--ids`` adds every place
``goalform review --comment … --at`` takes (fields, funds cells, indicators by id and by path)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goalform.formats.text import render_places, render_review, render_text
from goalform.store import read_form


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="以文本形式显示整张表和审核状态")
    p.add_argument("file", type=Path, metavar="FILE.goal")
    p.add_argument("--ids", action="store_true", help="同时列出 goalform review --at 可用的位置（含指标编号）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    form, template = read_form(args.file)
    sys.stdout.write(render_text(form, template))
    sys.stdout.write(render_review(form, template))
    if args.ids:
        sys.stdout.write(render_places(form, template))
    return 0
