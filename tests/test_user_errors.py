"""Issue 16: one root for the errors a user is shown, one way each for the GUI and the CLI to say them."""
from __future__ import annotations

import errno
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import goalform
from goalform.cli import main
from goalform.domain.errors import UserError, describe_os_error, user_message

# Exceptions of goalform that are not messages for the user: name them here with a reason.
INTERNAL: set[str] = {
    "goalform.store.quick_read._Unusual",  # never leaves read_quickly: it means «take the full checks»
    "goalform.formats.pdf_text.PdfLayoutError",  # caught in write_pdf: Qt's PDF kept, the text layer not repaired
    "goalform.domain.values.FrozenError",  # a bug (assigning to a frozen value), as dataclasses' FrozenInstanceError
}
QT_FREE = ("goalform.domain", "goalform.store", "goalform.formats", "goalform.commands", "goalform.cli")


def _goalform_exceptions() -> dict[str, type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(goalform.__path__, "goalform."):
        if not info.name.startswith(QT_FREE):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == info.name:
                found[f"{info.name}.{name}"] = value
    return found


def test_every_error_of_goalform_is_a_user_error() -> None:
    errors = _goalform_exceptions()
    assert {"goalform.store.errors.StoreError", "goalform.formats.reading.ReadError",
            "goalform.formats.output.ExportError", "goalform.domain.review.ReviewError",
            "goalform.domain.template.TemplateError", "goalform.commands.usage.UsageError"} <= set(errors)
    strays = sorted(name for name, kind in errors.items() if not issubclass(kind, UserError) and name not in INTERNAL)
    assert strays == []


def test_os_errors_are_said_in_chinese() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "/x/a.docx")
    assert describe_os_error(full) == "磁盘已满：/x/a.docx"
    assert user_message(PermissionError(errno.EACCES, "Permission denied")) == "没有权限"
    assert user_message(OSError("无法开始绘制页面")) == "无法开始绘制页面"
    assert user_message(UserError("文件不是表格")) == "文件不是表格"


@pytest.mark.parametrize("error", [
    "goalform.formats.reading.ReadError", "goalform.domain.template.TemplateError",
    "goalform.domain.review.ReviewError", "goalform.formats.output.ExportError",
])
def test_the_cli_says_any_user_error_in_one_line(error: str, monkeypatch, capsys, tmp_path: Path) -> None:
    """A ReadError (or any other UserError) from any command, not only import: exit 2, one line."""
    module, _, name = error.rpartition(".")
    kind = getattr(importlib.import_module(module), name)

    def run(args) -> int:
        raise kind("无法读取这个文件")

    import goalform.commands.show as show

    monkeypatch.setattr(show, "run", run)
    assert main(["show", str(tmp_path / "a.goal")]) == 2
    err = capsys.readouterr().err
    assert err == "goalform: 无法读取这个文件\n"


def test_the_cli_says_an_os_error_in_chinese(monkeypatch, capsys, tmp_path: Path) -> None:
    import goalform.commands.show as show

    def run(args) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x"))

    monkeypatch.setattr(show, "run", run)
    assert main(["show", str(tmp_path / "a.goal")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("goalform: 磁盘已满") and "Errno" not in err and "No space" not in err
