"""goalform show FILE.goal"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goalform.formats.text import render_text
from goalform.store import read_form


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="以文本形式显示整张表")
    p.add_argument("file", type=Path, metavar="FILE.goal")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    form, template = read_form(args.file)
    sys.stdout.write(render_text(form, template))
    return 0
