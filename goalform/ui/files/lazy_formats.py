"""The GUI's side of import, export, print and rollover (compare: :mod:`goalform.ui.files.diff_window`).

Each function imports its part of goalform when called, so the window opens without loading the
Word/Excel/PDF code. They return plain results and raise the parts' own errors (UserError, OSError,
with Chinese messages); the file actions show them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from goalform.domain.form import Form
from goalform.domain.template import Template

if TYPE_CHECKING:
    from goalform.formats.importer import ImportReport


def import_form(path: Path) -> tuple[Form, ImportReport]:
    """The form of a .docx/.xlsx and what the user is told about it (what found no place in the form)."""
    from goalform.formats.importer import import_file

    result = import_file(path)  # its errors are UserErrors (goalform.domain.errors), shown as they are
    return result.form, result.told()


def import_suffixes() -> dict[str, tuple[str, ...]]:
    """What the importer reads, by kind (``word``, ``excel``): .docx … .doc .wps, .xlsx … .xls .et."""
    from goalform.formats.importer import readable_suffixes

    return readable_suffixes()


def import_kind_names() -> dict[str, str]:
    """The kinds of :func:`import_suffixes`, named (Chinese; translated in the context FileActions)."""
    from goalform.formats.importer import KIND_NAMES

    return dict(KIND_NAMES)


def export_formats() -> dict[str, str]:
    """What the exporter writes: suffix -> the kind's name (Chinese)."""
    from goalform.formats.export import FORMATS

    return dict(FORMATS)


def export_form(form: Form, template: Template, path: Path, inputs: Iterable[Path] = ()) -> Path:
    """Export ``form``; never over one of ``inputs`` (the .goal it came from), also through a link."""
    from goalform.formats.export import export_file

    return export_file(form, template, path, inputs=inputs)


def print_form(parent: QWidget, form: Form, template: Template, *, preview: bool) -> bool:
    """Print through the system's printer dialog, or show Qt's print preview first."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    from goalform.ui.fields.widgets import fit_to_screen

    from goalform.formats.pdf_writer import paint_form, setup_page

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_page(printer)
    printer.setDocName(form.department or template.title)
    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.paintRequested.connect(lambda p: paint_form(form, template, p))
        # Big enough to read a page (Qt opens it small, at 38 %): most of the screen, the page's width fitted.
        fit_to_screen(dialog, largest=(1100, 1000))
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.fitToWidth()
        return bool(dialog.exec())
    dialog = QPrintDialog(printer, parent)
    if not dialog.exec():
        return False
    paint_form(form, template, printer)
    return True


def rollover(form: Form, template: Template) -> tuple[Form, list[str]]:
    """The next year's form and the messages of what the clerk still has to check."""
    from goalform import assets
    from goalform.domain.rollover import roll_forward

    result = roll_forward(form, template, available=assets.templates().values())
    return result.form, [f.message for f in result.findings]
