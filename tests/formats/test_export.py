"""export_file and `goalform export`: format by extension, atomic writes, clear errors."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reference_forms import read_reference

from goalform.cli import main
from goalform.formats import export as export_module
from goalform.formats.export import ExportError, export_file
from goalform.store import Document, StoreError

from .exported import EXEMPT, differing_cells


@pytest.fixture
def goal_file(tmp_path: Path) -> Path:
    path = tmp_path / "form.goal"
    with Document.from_form(read_reference("2026").form) as doc:
        doc.save(path)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pdf", ".DOCX"])
def test_export_file_picks_the_writer_by_extension(tmp_path: Path, suffix: str) -> None:
    result = read_reference("2024")
    out = export_file(result.form, result.template, tmp_path / f"out{suffix}")
    data = out.read_bytes()
    assert data[:4] == (b"%PDF" if suffix == ".pdf" else b"PK\x03\x04")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_unknown_extension_and_missing_folder(tmp_path: Path) -> None:
    result = read_reference("2024")
    with pytest.raises(ExportError, match="不支持导出"):
        export_file(result.form, result.template, tmp_path / "out.doc")
    with pytest.raises(StoreError, match="文件夹不存在"):
        export_file(result.form, result.template, tmp_path / "nope" / "out.docx")
    (tmp_path / "folder.docx").mkdir()
    with pytest.raises(ExportError, match="是一个文件夹"):
        export_file(result.form, result.template, tmp_path / "folder.docx")


def test_failed_export_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    result = read_reference("2024")
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous export")

    def broken(grid, path):
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module, "_writer", lambda suffix: broken)
    with pytest.raises(ExportError, match="No space left"):
        export_file(result.form, result.template, target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_cli_export_matches_the_reference(goal_file: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(goal_file), "-o", str(out)]) == 0
    assert differing_cells(out, "2026") == EXEMPT["2026"]
    assert main(["export", str(goal_file), "-o", str(out)]) == 0  # re-export replaces the file


def test_cli_export_pdf_and_errors(goal_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(goal_file), "-o", str(tmp_path / "out.pdf")]) == 0
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert main(["export", str(goal_file), "-o", str(tmp_path / "out.txt")]) == 2
    err = capsys.readouterr().err
    assert "不支持" in err and len(err.strip().splitlines()) == 1
    assert main(["export", str(tmp_path / "missing.goal"), "-o", str(tmp_path / "o.docx")]) == 2
    assert main(["export", str(goal_file), "-o", str(tmp_path / "no" / "o.docx")]) == 2
    assert "文件夹不存在" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_and_converts_both_formats(tmp_path: Path) -> None:
    result = read_reference("2026")
    inputs = [export_file(result.form, result.template, tmp_path / f"form{s}") for s in (".docx", ".xlsx")]
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *map(str, inputs)],
        check=True, timeout=180, capture_output=True,
    )
    for source in inputs:
        pdf = tmp_path / "pdf" / f"{source.stem}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {source.name}"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 3
