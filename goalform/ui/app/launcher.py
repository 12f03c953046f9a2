"""Starts the GUI: ``goalform`` with no command, ``goalform FILE.goal`` or the goalform-gui launcher.

Options: ``--read-only`` opens the file for reviewing, ``--lang en`` shows the English translation.
GOALFORM_QUIT_AFTER_SHOW=1 (or ``--quit-after-show``) quits once the window is shown (benchmarks).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from goalform.qt_loading import load_qt


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="goalform-gui", description="部门整体绩效目标表")
    parser.add_argument("file", nargs="?", type=Path, help="要打开的 .goal 文件，或要导入的 Word、Excel 表格")
    parser.add_argument("--read-only", action="store_true", help="以只读方式打开（审核时使用）")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言")
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    args, _unknown = parser.parse_known_args(list(argv))  # Qt's own options (-style ...) pass through
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    from goalform.ui.app.display_check import problem

    if message := problem():  # Linux: no display, or Qt's X11 plugin cannot load (say what to install)
        print(f"goalform: {message}", file=sys.stderr)
        return 2
    import gc

    # Start-up allocates a great deal (Qt's classes and enums, goalform's modules) and frees little: no
    # garbage collection until the window's first frame (app.start turns it back on then).
    gc.disable()
    load_qt()  # before the window's modules: see goalform.qt_loading
    from goalform.ui.app.app import start

    quit_after_show = args.quit_after_show or os.environ.get("GOALFORM_QUIT_AFTER_SHOW") == "1"
    return start(args.file, read_only=args.read_only, language=args.lang, quit_after_show=quit_after_show)


if __name__ == "__main__":
    sys.exit(main())
