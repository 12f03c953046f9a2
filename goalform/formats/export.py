"""Export a form in the official layout: Word, Excel or PDF, chosen by the file's extension.

Every format renders the same :func:`goalform.formats.layout.build_grid`. The file is written
beside the target under a temporary name and moved over it only when complete (as Save does), so a
failed export never leaves a half-written file or destroys the previous one.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from goalform.domain.form import Form
from goalform.domain.template import Template
from goalform.formats.layout import Grid, build_grid
from goalform.store.errors import StoreError

FORMATS: dict[str, str] = {".docx": "Word 文档", ".xlsx": "Excel 工作簿", ".pdf": "PDF 文件"}


class ExportError(StoreError):
    """An export that cannot be written; ``str(error)`` is a message for the user, in Chinese."""


def _writer(suffix: str) -> Callable[[Grid, Path], object]:
    if suffix == ".docx":
        from goalform.formats.docx_writer import write_docx

        return write_docx
    if suffix == ".xlsx":
        from goalform.formats.xlsx_writer import write_xlsx

        return write_xlsx
    if suffix == ".pdf":
        from goalform.formats.pdf_writer import write_pdf

        return write_pdf
    known = "、".join(FORMATS)
    raise ExportError(f"不支持导出为「{suffix or '无扩展名'}」格式（可用：{known}）")


def export_file(form: Form, template: Template, path: str | Path) -> Path:
    """Write ``form`` in the official layout to ``path`` (.docx, .xlsx or .pdf); returns the path."""
    target = Path(path)
    write = _writer(target.suffix.lower())
    grid = build_grid(template, form)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"无法导出：文件夹不存在：{folder}")
    if target.is_dir():
        raise ExportError(f"无法导出：{target} 是一个文件夹")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=target.suffix, dir=folder)
    except OSError as e:
        raise ExportError(f"无法导出：没有写入权限或磁盘已满：{folder}（{e.strerror or e}）") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(grid, tmp)
        os.replace(tmp, target)
    except PermissionError:
        raise ExportError(f"无法导出：{target} 被占用或没有写入权限（若已在 Word/Excel 中打开，请先关闭）") from None
    except OSError as e:
        raise ExportError(f"无法导出到 {target}：{e.strerror or e}") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
