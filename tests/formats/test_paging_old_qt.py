"""The PDF export on a PySide6 whose QFont.Tag cannot be made from a name (PySide6 6.8.0.2, the arm64 wheel
the arm64 .deb bundles: it binds only Tag() and Tag(Tag)); the export failed there with a TypeError."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtGui

from goalform.formats import paging
from goalform.formats.export import export_file
from goalform.store import read_form

ROOT = Path(__file__).resolve().parents[2]


class TagWithoutName:
    """QFont.Tag as PySide6 6.8 binds it."""

    def __init__(self, *args: object) -> None:
        if args and not isinstance(args[0], TagWithoutName):
            raise TypeError("'PySide6.QtGui.QFont.Tag.__init__' called with wrong argument types")


def test_feature_tags_where_qt_makes_them_from_names(qapp):
    if not hasattr(QtGui.QFont, "Tag"):
        pytest.skip("Qt < 6.7 has no QFont.Tag")
    try:
        QtGui.QFont.Tag("liga")
    except TypeError:
        pytest.skip("this PySide6 makes no QFont.Tag from a name")
    assert len(paging.feature_tags()) == len(paging.TEXT_AS_DRAWN)


@pytest.mark.parametrize("tag_class", [TagWithoutName, None], ids=["PySide6 6.8", "Qt before 6.7"])
def test_pdf_export_where_qt_cannot_make_font_tags_from_names(qapp, monkeypatch, tmp_path, tag_class):
    if tag_class is None:
        monkeypatch.delattr(QtGui.QFont, "Tag", raising=False)
    else:
        monkeypatch.setattr(QtGui.QFont, "Tag", tag_class)
    assert paging.feature_tags() == []
    assert set(paging.fonts_for_pages()) >= {"body", "bold", "title"}
    out = tmp_path / "form.pdf"
    form, template = read_form(ROOT / "examples" / "form-2026.goal")
    export_file(form, template, out)
    assert out.read_bytes().startswith(b"%PDF")
