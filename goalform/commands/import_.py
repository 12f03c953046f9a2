"""goalform import IN.docx|IN.xlsx -o FILE.goal [--template V] [--year Y]"""
from __future__ import annotations

import argparse
from pathlib import Path

from goalform import assets
from goalform.formats.importer import format_report, import_file
from goalform.paths import check_suffix, refuse_inputs
from goalform.store import Document


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="导入 Word/Excel 表格（.docx .xlsx，装有 LibreOffice 时也可 .doc .xls）")
    p.add_argument("input", type=Path, metavar="IN.docx|IN.xlsx")
    p.add_argument("-o", "--output", required=True, type=Path, help="保存为 .goal 文件（已存在则替换）")
    p.add_argument("--template", choices=list(assets.templates()), help="模板版本（默认：从文件识别）")
    p.add_argument("--year", type=int, help="表的年度（默认：从文件识别）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_suffix(args.output, (".goal",), "导入的结果（-o）")
    refuse_inputs(args.output, [args.input])  # `import same.docx -o same.docx` must not replace the Word file
    result = import_file(args.input, template_id=args.template, year=args.year)  # a UserError: cli.main says it
    with Document.from_form(result.form) as doc:
        doc.save(args.output)
    report = result.told()
    for notice in report.notices:
        print(notice)
    print(f"已导入为 {args.output}")
    print(format_report(report))
    return 0
