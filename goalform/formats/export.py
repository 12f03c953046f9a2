"""Export a form in the official layout: Word, Excel or PDF, chosen by the file's extension.

Every format renders the same :func:`goalform.formats.layout.build_grid`. The file is written
through :func:`goalform.formats.output.write_replacing`: complete beside the target first, checked,
then moved over it, so a failed export (a full disk, a killed process) never leaves a half-written
file or destroys the previous one. What a format cannot hold (a text longer than an Excel cell) is
refused before anything is written.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from goalform.domain.form import Form
from goalform.domain.names import QT_TRANSLATE_NOOP
from goalform.domain.template import Template
from goalform.formats.layout import Grid, build_grid
from goalform.formats.output import ExportError, is_pdf, is_zip, write_replacing

TYPE_CHECKING = False  # typing's own, without importing typing (type checkers read any TYPE_CHECKING as true)
if TYPE_CHECKING:
    from typing import BinaryIO

__all__ = ["FORMATS", "ExportError", "export_file"]

# Suffix -> the kind's name; the GUI's file dialogs translate the names in the context FileActions.
FORMATS: dict[str, str] = {".docx": QT_TRANSLATE_NOOP("FileActions", "Word 文档"),
                           ".xlsx": QT_TRANSLATE_NOOP("FileActions", "Excel 工作簿"),
                           ".pdf": QT_TRANSLATE_NOOP("FileActions", "PDF 文件")}


def _writer(suffix: str) -> tuple[Callable[[Grid, BinaryIO], object], Callable[[Path], bool]]:
    """The writer of a format and the check of a file it wrote."""
    if suffix == ".docx":
        from goalform.formats.docx_writer import write_docx

        return write_docx, is_zip
    if suffix == ".xlsx":
        from goalform.formats.xlsx_writer import write_xlsx

        return write_xlsx, is_zip
    if suffix == ".pdf":
        from goalform.formats.pdf_writer import write_pdf

        return write_pdf, is_pdf
    known = "、".join(FORMATS)
    raise ExportError(f"不支持导出为「{suffix or '无扩展名'}」格式（可用：{known}）")


def export_file(form: Form, template: Template, path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Write ``form`` in the official layout to ``path`` (.docx, .xlsx or .pdf); returns the path
    written (a symlink's target). ``inputs`` (the .goal it came from) are never replaced."""
    target = Path(path)
    write, verify = _writer(target.suffix.lower())
    grid = build_grid(template, form)
    return write_replacing(target, lambda stream: write(grid, stream), verify, inputs=inputs)
