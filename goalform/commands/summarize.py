"""goalform summarize PATH... -o SUMMARY.xlsx

One row per form (department, version, year, funds, indicator counts, quantified share, errors,
warnings, status, fingerprint) and a sheet of the files that could not be read, with the reason.
Exit codes: 0 every file was read; 1 some files could not be read or are not .goal files (the
summary of the others is written and the rest are listed in it and on stderr); 2 nothing usable (no
.goal found: nothing is written; or none could be read).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goalform.commands.usage import UsageError
from goalform.formats.summary_xlsx import write_summary
from goalform.paths import identity, refuse_inputs, resolved
from goalform.store.summary_reader import summarize_paths


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summarize", help="把多张表（文件或文件夹）汇总到一个 Excel 表，便于审核")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=".goal 文件或文件夹（含子文件夹）")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="SUMMARY.xlsx", help="要写入的汇总表")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.output.suffix.lower() != ".xlsx":
        raise UsageError(f"汇总表须保存为 .xlsx 文件：{args.output}")
    refuse_inputs(args.output, args.paths)
    if identity(args.output) is not None and resolved(args.output).suffix.lower() != ".xlsx":
        raise UsageError(f"汇总表「{args.output}」是指向 {resolved(args.output).name} 的链接，写入会毁掉那个文件")
    result = summarize_paths(args.paths, exclude=[args.output])
    for bad in result.unreadable:
        print(f"goalform: 未汇总 {bad.path}：{bad.reason}", file=sys.stderr)
    if not result.summaries and not any(u.path.lower().endswith(".goal") for u in result.unreadable):
        raise UsageError("没有找到 .goal 文件")
    read = [s.path for s in result.summaries] + [u.path for u in result.unreadable]
    write_summary(args.output, result.summaries, [(u.path, u.reason) for u in result.unreadable], inputs=read)
    skipped = f"（{len(result.unreadable)} 个文件未能汇总，见上）" if result.unreadable else ""
    print(f"已汇总 {len(result.summaries)} 张表{skipped}，写入 {args.output}")
    for s in result.summaries:
        if s.unreadable_amounts:
            print(f"goalform: {s.path}：金额无法读取，未计入合计（{'；'.join(s.unreadable_amounts)}）", file=sys.stderr)
    incomplete = sum(1 for s in result.summaries if s.unreadable_amounts)
    if incomplete:
        print(f"注意：{incomplete} 张表有无法读取的金额，汇总表中的合计不完整（见「无法读取的金额」列）")
    if not result.summaries:
        return 2
    return 1 if result.unreadable else 0
