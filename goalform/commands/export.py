"""goalform export FILE.goal -o OUT.docx|OUT.xlsx|OUT.pdf (an existing OUT is replaced atomically)

A form with errors is exported all the same (the clerk may need the paper to fix it), and the
count is said on stderr, as the GUI asks before exporting one."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goalform.commands.usage import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="按官方样式导出为 Word、Excel 或 PDF（按扩展名）")
    p.add_argument("file", type=Path, metavar="FILE.goal")
    p.add_argument("-o", "--output", required=True, type=Path, help="导出的文件：.docx、.xlsx 或 .pdf")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goalform.domain.validation import gate_errors
    from goalform.formats.export import FORMATS, export_file
    from goalform.paths import refuse_inputs
    from goalform.store import read_form

    if args.output.suffix.lower() not in FORMATS:
        raise UsageError(f"不支持导出为「{args.output.suffix or '无扩展名'}」格式（可用：{'、'.join(FORMATS)}）")
    refuse_inputs(args.output, [args.file])  # before reading: a link to the .goal must not replace it
    form, template = read_form(args.file)
    # Checked before Qt is loaded: once PySide6 is, every import goes through its import hook (the rules'
    # and the PDF writer's modules imported after it cost a PDF export 18 M instructions more). Said after
    # the export, which it does not stop.
    errors = gate_errors(form, template)
    if args.output.suffix.lower() == ".pdf":  # no widget in this process: a QGuiApplication is enough
        from goalform.formats.pdf_writer import ensure_gui_application  # (the writer's modules before Qt too)

        ensure_gui_application(widgets=False)
    export_file(form, template, args.output, inputs=[args.file])
    if errors:
        print(f"goalform: 注意：此表还有 {errors} 个错误（见 goalform validate），已照样导出到 {args.output}",
              file=sys.stderr)
    return 0
