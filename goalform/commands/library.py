"""goalform library list | import FILE.xlsx | export -o FILE.xlsx | remove … | reset

The indicator library in the user data folder (GOALFORM_DATA_DIR overrides it): the built-in
indicators, finance bureaus' sheets and what was learned from the user's forms.
Exit codes: 0 done; 1 ``import`` read the sheet but some rows could not be placed (listed on
stderr; the others are imported); 2 unusable input or a damaged library (``reset`` rebuilds it).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from goalform.commands.usage import UsageError
from goalform.domain.library import SOURCE_BUREAU, SOURCE_MINE, group_entries


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("library", help="指标库：列出、导入财政部门的指标库、导出、删除")
    actions = p.add_subparsers(dest="action", metavar="操作", required=True)
    ls = actions.add_parser("list", help="列出指标库（按一级、二级指标分组）")
    ls.add_argument("query", nargs="?", default="", help="只列出匹配的指标（文字、拼音或拼音首字母）")
    ls.add_argument("--sources", action="store_true", help="只列出来源（内置、导入的文件、我的表）")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    imp = actions.add_parser("import", help="导入财政部门的指标库（Excel：一级指标/二级指标/三级指标/指标解释/参考值）")
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    exp = actions.add_parser("export", help="把整个指标库导出为 Excel（与导入的格式相同）")
    exp.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    rm = actions.add_parser("remove", help="删除导入的指标库或从我的表中学到的指标")
    which = rm.add_mutually_exclusive_group(required=True)
    which.add_argument("--source", metavar="FILE", help="删除导入的这个文件（文件名，见 list --sources）")
    which.add_argument("--mine", action="store_true", help="删除从我的表中学到的全部指标")
    which.add_argument("--id", type=int, nargs="+", metavar="ID", help="按编号删除指标（见 list --json）")
    actions.add_parser("reset", help="重建指标库：损坏的文件改名保留，从内置指标重新开始")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from goalform.store.library import Library, LibraryCorrupt

    if args.action == "reset":
        library, kept = Library.rebuild()
        library.close()
        print(f"已重建指标库：{library.path}" + (f"（原文件改名为 {kept.name}）" if kept else ""))
        return 0
    try:
        library = Library.open()
    except LibraryCorrupt as e:
        raise LibraryCorrupt(f"{e}（goalform library reset 可以重建指标库，原文件改名保留）") from None
    with library:
        return {"list": _list, "import": _import, "export": _export, "remove": _remove}[args.action](library, args)


def _list(library, args: argparse.Namespace) -> int:  # noqa: ANN001
    from goalform import assets
    from goalform.formats.library_xlsx import SOURCE_NAMES

    if args.sources:
        sources = library.sources()
        if args.json:
            print(json.dumps([s.__dict__ for s in sources], ensure_ascii=False, indent=2))
        for s in sources if not args.json else ():
            print(f"{SOURCE_NAMES.get(s.kind, s.kind)}{'：' + s.label if s.label else ''}  {s.count} 个指标  {s.added}")
        return 0
    entries = library.index().search(args.query)
    if args.json:
        print(json.dumps([dict(id=e.id, level1=e.level1, level2=e.level2, name=e.name, explanation=e.explanation,
                               reference=e.reference, source=e.source, source_label=e.source_label)
                          for e in entries], ensure_ascii=False, indent=2))
        return 0
    order = [l1.name for l1 in assets.latest_template().level1]
    for group in group_entries(entries, order):
        print(group.level1)
        for level2, items in group.level2:
            print(f"  {level2}")
            for e in items:
                extra = f"  （参考值：{e.reference}）" if e.reference else ""
                mine = "  «我的表»" if e.source == SOURCE_MINE else ""
                print(f"    {e.name}{extra}{mine}")
    print(f"共 {len(entries)} 个指标")
    return 0


def _import(library, args: argparse.Namespace) -> int:  # noqa: ANN001
    from goalform.formats.library_xlsx import read_library

    sheet = read_library(args.file)  # a ReadError is a UserError: cli.main says it
    if not sheet.entries and not sheet.problems:
        raise UsageError(f"「{args.file.name}」的表头下没有任何指标行")
    for problem in sheet.problems:  # every row not taken, and why
        print(f"goalform: 未导入 {problem.describe()}", file=sys.stderr)
    if not sheet.entries:  # the library keeps what it had (an earlier import of this file too)
        print(f"goalform: 「{args.file.name}」中没有可导入的指标：{len(sheet.problems)} 行都未能导入（见上），"
              "指标库未改动", file=sys.stderr)
        return 1
    count = library.import_entries(sheet.entries, args.file.name)
    skipped = f"，{len(sheet.problems)} 行未能导入（见上）" if sheet.problems else ""
    print(f"已从「{args.file.name}」（工作表 {sheet.sheet}）导入 {count} 个指标{skipped}")
    return 1 if sheet.problems else 0


def _export(library, args: argparse.Namespace) -> int:  # noqa: ANN001
    from goalform import assets
    from goalform.formats.library_xlsx import write_library

    if args.output.suffix.lower() != ".xlsx":
        raise UsageError(f"指标库须导出为 .xlsx 文件：{args.output}")
    order = [l1.name for l1 in assets.latest_template().level1]
    entries = [e for g in group_entries(library.index().entries, order) for _, items in g.level2 for e in items]
    write_library(args.output, entries, inputs=[library.path])
    print(f"已导出 {len(entries)} 个指标到 {args.output}")
    return 0


def _remove(library, args: argparse.Namespace) -> int:  # noqa: ANN001
    if args.id:
        removed = library.remove(args.id)
    elif args.mine:
        removed = library.remove_source(SOURCE_MINE)
    else:
        if not any(s.kind == SOURCE_BUREAU and s.label == args.source for s in library.sources()):
            raise UsageError(f"指标库中没有导入过「{args.source}」（见 goalform library list --sources）")
        removed = library.remove_source(SOURCE_BUREAU, args.source)
    print(f"已删除 {removed} 个指标")
    return 0
