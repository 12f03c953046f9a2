"""goalform new --template 2024|2026 [--year Y] -o FILE.goal"""
from __future__ import annotations

import argparse
from pathlib import Path

from goalform import assets
from goalform.commands.usage import UsageError
from goalform.paths import check_suffix
from goalform.store import Document


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="新建一张空白表（含模板的默认指标）")
    p.add_argument("--template", required=True, choices=list(assets.templates()), help="模板版本")
    p.add_argument("--year", type=int, help="表的年度（默认：模板年度）")
    p.add_argument("-o", "--output", required=True, type=Path, help="要创建的 .goal 文件")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_suffix(args.output, (".goal",), "新表（-o）")
    if args.output.exists() and not args.force:
        raise UsageError(f"文件已存在：{args.output}（要覆盖请加 --force）")
    if args.year is not None and not 1990 <= args.year <= 2200:
        raise UsageError(f"年度 {args.year} 不在合理范围内")
    with Document.new(assets.template(args.template), args.year) as doc:
        doc.save(args.output)
    return 0
