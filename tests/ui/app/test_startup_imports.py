"""Start-up imports only what its first frame shows (issue 25): the other tabs, the validation rules,
the indicator library, exports, imports and comparisons are imported when first used.

Checked in a fresh process started as a clerk starts goalform (``goalform FILE.goal``): the modules
loaded when the window's first frame is drawn. Not a timing test: bench/bench_startup.py measures.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# What the first frame does not need (a new eager import of one of these puts it back on every start).
LAZY = (
    "goalform.ui.funds.tab", "goalform.ui.funds.grid", "goalform.ui.funds.paste",
    "goalform.ui.indicators.tab", "goalform.ui.indicators.delegates", "goalform.ui.indicators.paste",
    "goalform.domain.validation.budget", "goalform.domain.validation.header", "goalform.domain.validation.texts",
    "goalform.domain.validation.indicators", "goalform.domain.validation.quality",
    "goalform.domain.validation.rollover", "goalform.domain.validation.library",
    "goalform.store.library", "goalform.store.pinyin", "goalform.domain.usual_values",
    "goalform.domain.library", "goalform.domain.targets", "goalform.ui.library.model",
    "goalform.ui.files.diff_window", "goalform.ui.app.about",
    "goalform.ui.files.new_dialog", "goalform.ui.files.summarize_worker", "goalform.ui.review.comment_dialog",
    "docx", "openpyxl", "pypinyin", "PySide6.QtPrintSupport",
    "dataclasses",  # making a dataclass costs about a millisecond: the start's types are goalform.domain.values
)
LAZY_PACKAGES = ("goalform.formats.", "goalform.commands.")  # writers, readers, the CLI's commands

# Run in the child: the modules loaded at the first frame, printed instead of the probe's time.
CHILD = """
import sys
from goalform.ui.app import first_paint

def at_first_frame(window):
    import gc
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def state(when):
        print(f"{when} review_dock_built={window.review.dock._built} library_dock_built={window.library.dock._built} "
              f"style_sheet={bool(window.styleSheet())} gc={gc.isenabled()}", flush=True)

    def report():
        print("MODULES " + " ".join(sorted(sys.modules)), flush=True)
        print(f"START_PAGES {len(start_pages)}", flush=True)
        import builtins
        print(f"FEATURE_HOOK {builtins.__import__ is getattr(builtins, '__feature_import__', None)}", flush=True)
        state("FIRST")
        QTimer.singleShot(0, lambda: (state("AFTER"), QApplication.quit()))  # once the work after the frame ran
    first_paint.after_first_paint(window, report, fallback_ms=0)

first_paint.report_first_paint = at_first_frame
start_pages = []  # the start pages built (one replaced by the form before the frame is gone by then)
from goalform.ui.app import start_page
built = start_page.StartPage.__init__
start_page.StartPage.__init__ = lambda self, *args: (start_pages.append(self), built(self, *args))[1]
from goalform.cli import main
sys.exit(main([sys.argv[1]]))
"""


def first_frame(path: Path, data_dir: Path) -> list[str]:
    """The child's lines: the modules loaded at the first frame, then the window's state then and after."""
    env = {k: v for k, v in os.environ.items() if k not in ("GOALFORM_QUIT_AFTER_SHOW",)}
    env.update(GOALFORM_STARTUP_PROBE="1", GOALFORM_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen",
               GOALFORM_LANG="zh")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env, capture_output=True, text=True,
                          timeout=120)
    lines = proc.stdout.splitlines()
    assert any(line.startswith("MODULES ") for line in lines), \
        f"no first frame reported (exit {proc.returncode}): {proc.stderr[-2000:]}"
    return lines


def modules_at_first_frame(path: Path, data_dir: Path) -> set[str]:
    lines = [line for line in first_frame(path, data_dir) if line.startswith("MODULES ")]
    return set(lines[0].split()[1:])


def test_the_first_frame_imports_nothing_it_does_not_show(saved_reference, data_dir, tmp_path):
    loaded = modules_at_first_frame(saved_reference, tmp_path / "userdata")
    # The check looks at the right moment: the window and its first tab are there, the form is open.
    assert {"goalform.ui.app.main_window", "goalform.ui.fields.header_tab", "goalform.store.document"} <= loaded
    too_early = sorted(m for m in loaded if m in LAZY or m.startswith(LAZY_PACKAGES))
    assert too_early == []


def test_what_the_first_frame_does_not_show_comes_after_it(saved_reference, data_dir, tmp_path):
    """No start page is built (the form opened replaces it before the first frame); the 审核 and 指标库
    docks behind the first frame are still unbuilt, the findings style sheet and the garbage collection
    come right after the frame. (The 审核 dock is built when first shown; the library's pane when the
    library first learns from the form, after the first validation.)"""
    lines = first_frame(saved_reference, tmp_path / "userdata")
    assert "START_PAGES 0" in lines  # the form replaces the start page before the first frame: none built
    assert "FEATURE_HOOK False" in lines  # PySide6's import hook is gone (goalform.qt_loading)
    assert "FIRST review_dock_built=False library_dock_built=False style_sheet=False gc=False" in lines
    assert [line for line in lines if line.startswith("AFTER review_dock_built=False ")
            and line.endswith(" style_sheet=True gc=True")]
