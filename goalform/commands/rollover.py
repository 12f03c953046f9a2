"""goalform rollover FILE.goal -o NEXT.goal: a new form for the next year, with what is left to check."""
from __future__ import annotations

import argparse
from pathlib import Path

from goalform import assets
from goalform.commands.usage import UsageError
from goalform.domain.rollover import roll_forward
from goalform.paths import PathProblem, check_suffix, refuse_inputs
from goalform.store import Document, read_form


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rollover", help="把表结转到下一年（历史数据前移，当年数据清空）")
    p.add_argument("file", type=Path, metavar="FILE.goal")
    p.add_argument("-o", "--output", required=True, type=Path, help="新表保存到的 .goal 文件（已存在则替换）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_suffix(args.output, (".goal",), "结转后的新表（-o）")
    try:
        refuse_inputs(args.output, [args.file])
    except PathProblem:
        raise UsageError("结转后的新表不能覆盖原表，请用 -o 指定另一个文件") from None
    form, template = read_form(args.file)
    result = roll_forward(form, template, available=assets.templates().values())
    with Document.from_form(result.form) as doc:
        doc.save(args.output)
    print(f"已结转为 {result.form.year} 年的表：{args.output}")
    if result.findings:
        print("请核对：")
        for f in result.findings:
            print(f"  [{f.severity.label}] {f.message}")
    return 0
