"""Property: any valid form of either version, exported to .docx and to .xlsx (by goalform's exporter
and by the test builder the quirk tests use) and imported back, is the same form (``goalform diff``
finds nothing) and leaves nothing in the import report."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from helpers.form_strategies import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from helpers.office_builders import write_docx, write_xlsx

from goalform import assets
from goalform.domain.diff import diff_forms
from goalform.formats.export import export_file
from goalform.formats.importer import import_file

WRITERS = {
    "export.docx": lambda path, template, form: export_file(form, template, path),
    "export.xlsx": lambda path, template, form: export_file(form, template, path),
    "builder.docx": lambda path, template, form: write_docx(path, template, form),
    "builder.xlsx": lambda path, template, form: write_xlsx(path, template, form),
}


@pytest.mark.parametrize("version", list(assets.templates()))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_export_then_import_gives_the_same_form(version: str, data: st.DataObject) -> None:
    form = data.draw(forms(version))
    template = assets.template(version)
    with tempfile.TemporaryDirectory() as tmp:
        for name, write in WRITERS.items():
            path = Path(tmp) / name.replace(".", "-form.")
            write(path, template, form)
            result = import_file(path)
            assert result.report == [], (name, result.report)
            assert (result.template.id, result.form.year) == (version, form.year), name
            assert [d.message for d in diff_forms(form, result.form)] == [], name
