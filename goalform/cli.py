"""The command line: thin commands over the library.

Exit codes: 0 success, 1 findings or differences, 2 unusable input (one clear line on stderr, no
traceback). Without a command, or with a file path as the only argument (optionally with
``--read-only``), the GUI starts.
Each command lives in its own module under ``goalform.commands`` and is listed in COMMANDS.
"""
from __future__ import annotations

from goalform import signals

signals.install()  # before anything else loads: Ctrl+C in the first milliseconds ends with one line too

import argparse  # noqa: E402 - after the signal handlers on purpose
import importlib  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402

from goalform.domain.errors import UserError, describe_os_error  # noqa: E402


# Command name -> module in goalform.commands providing register(subparsers) and run(args) -> int.
COMMANDS: dict[str, str] = {
    "new": "goalform.commands.new",
    "validate": "goalform.commands.validate",
    "show": "goalform.commands.show",
    "export": "goalform.commands.export",
    "summarize": "goalform.commands.summarize",
    "review": "goalform.commands.review",
    "import": "goalform.commands.import_",
    "rollover": "goalform.commands.rollover",
    "diff": "goalform.commands.diff",
    "library": "goalform.commands.library",
}


class _Version(argparse.Action):
    """--version, reading the version only when asked (importlib.metadata is slow to import)."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        from goalform.buildinfo import version_line  # the version, and the build when bundled

        print(version_line())  # stdout, like argparse's own version action (exit() writes to stderr)
        parser.exit(0)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: one line, exit 2
        self.exit(2, f"goalform: 参数错误：{message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that command's module is imported (start-up time)."""
    parser = _Parser(prog="goalform", usage="goalform [--read-only] [FILE.goal] | goalform 命令 …",
                     description="部门整体绩效目标表：填报、检查、导出。不带命令时打开程序窗口（可带一个文件）。")
    parser.add_argument("--version", action=_Version, nargs=0, help="显示版本号并退出")
    parser.add_argument("--read-only", action="store_true",
                        help="以只读方式打开 FILE.goal（审核时使用：表格内容不能修改，可添加审核意见、提交、退回、通过）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module).register(sub)
    return parser


GUI_FLAGS = ("--read-only",)  # options of the GUI that `goalform` takes as well as goalform-gui


def _wants_gui(argv: Sequence[str]) -> bool:
    rest = [a for a in argv if a not in GUI_FLAGS]
    if not rest:
        return True
    first = rest[0]
    return len(rest) == 1 and not first.startswith("-") and first not in COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command (or start the GUI). Ctrl+C, SIGTERM and SIGHUP at any moment end it with one
    line and exit 130, 143 or 129 (goalform.signals), through its ``finally`` blocks."""
    signals.install()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except signals.Interrupted as e:
        print(f"goalform: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:  # raised by someone else's handler
        print(f"goalform: {signals.Interrupted(2)}", file=sys.stderr)
        return 130


def entry() -> None:
    """The ``goalform`` program (``python -m goalform``, the console script, the frozen goalform.exe):
    :func:`main`, then the process ends with its code. After a command it ends without tearing the
    interpreter down: destroying what a finished command leaves (Qt's application and font caches after
    a PDF, a few hundred modules) costs 5-30 ms and keeps nothing. Before that the ``atexit`` handlers
    run (logging's flush, temporary folders) and stdout and stderr are flushed; every file a command
    writes is complete and closed before it returns (formats.output, store.saving). The GUI ends the
    usual way (Qt's settings and the window's own clean-up)."""
    argv = sys.argv[1:]
    if _wants_gui(argv):
        sys.exit(main(argv))  # (the GUI's start-up handles the collector itself: ui.app.launcher)
    if argv[0] != "summarize":
        import gc

        # A command on one form allocates much and frees little of it before it ends (its modules, the
        # form): the cyclic collector's passes at Python's default rate (one per 700 new containers) are
        # 2.5 % of a .docx export and find next to nothing. Not a summary, which reads form after form
        # (in worker processes that inherit the rate): it takes 8 % more CPU at the lower rate.
        gc.set_threshold(50_000, *gc.get_threshold()[1:])
    code = main(argv)
    import atexit

    atexit._run_exitfuncs()  # (the interpreter's own exit runs them the same way)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said there
            pass
    os._exit(code)


def _main(args_list: list[str]) -> int:
    if _wants_gui(args_list):
        from goalform.ui.app.launcher import main as gui_main

        signals.uninstall()  # the GUI keeps Qt's and Python's own handling
        return gui_main(args_list)
    parser = build_parser(args_list[0] if args_list and args_list[0] in COMMANDS else None)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as e:  # --help, --version, or a usage error already printed
        return int(e.code or 0)
    if not args.command:
        parser.print_help()
        return 2
    if args.read_only:
        print("goalform: --read-only 只用于打开程序窗口（goalform --read-only FILE.goal）", file=sys.stderr)
        return 2
    try:
        code = int(args.run(args))
        sys.stdout.flush()  # inside the try, so that a closed pipe is handled below
        return code
    except UserError as e:  # every expected problem (goalform.domain.errors): one line, no traceback
        signals.check()  # an error that a stop signal caused is the signal's, not the file's
        print(f"goalform: {e}", file=sys.stderr)
        return 2
    except MemoryError:
        print("goalform: 内存不足，无法完成", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`goalform show … | head`): stop quietly, as other
        # command-line tools do, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as e:
        signals.check()
        print(f"goalform: {describe_os_error(e)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    entry()
