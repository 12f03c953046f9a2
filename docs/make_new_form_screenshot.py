"""The screenshot of a new form made right after importing another department's form (issue 22, item 3):
examples/form-2024.goal exported as Word is imported (its clerk's 填报人 and 联系电话 in it), then 新建
makes a 2026 form whose 填报人 and 联系电话 are empty and 待填, at 1366x768.

Usage: .venv/bin/python docs/make_new_form_screenshot.py   (offscreen; needs fonts-noto-cjk)
Writes docs/screenshot-new-after-import.png. Uses a private, fresh user data folder.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_screenshots import ROOT, open_window, save_shot  # noqa: E402 - first: it sets up the environment

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from goalform.formats.export import export_file  # noqa: E402
from goalform.store import read_form  # noqa: E402
from goalform.ui.files import new_dialog  # noqa: E402


def main() -> int:
    opened = open_window(ROOT / "examples" / "form-2026.goal")
    if opened is None:
        return 2
    app, window = opened
    with tempfile.TemporaryDirectory() as tmp:
        form, template = read_form(ROOT / "examples" / "form-2024.goal")
        other = export_file(form, template, Path(tmp) / "另一个部门.docx")
        QMessageBox.exec = lambda self: 0  # the import report: not waited for
        if not window.files.import_path(other):
            return 2
    new_dialog.NewFormDialog.exec = lambda self: self.DialogCode.Accepted  # 2026 form, this year
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.files.new_action.trigger()
    if window.runner is not None and window.runner.pending:
        window.runner.run_now()
    window.dock.flush()
    assert not window.doc.field("filler") and not window.doc.field("phone")
    save_shot(app, window, "new-after-import")
    return 0


if __name__ == "__main__":
    sys.exit(main())
