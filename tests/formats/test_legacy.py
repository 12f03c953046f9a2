"""Legacy .doc/.xls conversion: LibreOffice found, timed out, failing or absent."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from goalform.formats import legacy
from goalform.formats.content import ReadError

pytestmark = pytest.mark.skipif(os.name == "nt", reason="uses a shell script as a stand-in for soffice")


def _fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\nimport sys, time\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_soffice_from_the_environment_is_used(tmp_path: Path, monkeypatch) -> None:
    fake = _fake_soffice(tmp_path, "sys.exit(0)")
    monkeypatch.setenv("GOALFORM_SOFFICE", str(fake))
    assert legacy.find_soffice() == str(fake)
    monkeypatch.setenv("GOALFORM_SOFFICE", str(tmp_path / "missing"))
    assert legacy.find_soffice() is None


def test_a_hanging_conversion_times_out(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GOALFORM_SOFFICE", str(_fake_soffice(tmp_path, "time.sleep(30)")))
    doc = tmp_path / "a.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ReadError, match="超时"):
        legacy.convert(doc, tmp_path, timeout=1)


def test_a_failing_conversion_says_save_as(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GOALFORM_SOFFICE", str(_fake_soffice(tmp_path, "sys.exit(1)")))
    xls = tmp_path / "a.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ReadError, match="另存为 .xlsx"):
        legacy.convert(xls, tmp_path)


def test_the_converted_file_is_returned(tmp_path: Path, monkeypatch) -> None:
    # A stand-in that writes the output where LibreOffice would: <outdir>/<input stem>.docx
    body = ("args = sys.argv[1:]\nout = args[args.index('--outdir') + 1]\nsrc = args[-1]\n"
            "import pathlib\nname = pathlib.Path(src).stem + '.docx'\n"
            "pathlib.Path(out, name).write_bytes(b'converted')")
    monkeypatch.setenv("GOALFORM_SOFFICE", str(_fake_soffice(tmp_path, body)))
    doc = tmp_path / "去年 的表.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    out = tmp_path / "out"
    out.mkdir()
    result = legacy.convert(doc, out)
    assert result.read_bytes() == b"converted" and result.parent == out


def test_not_a_legacy_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        legacy.convert(tmp_path / "a.txt", tmp_path)
    assert legacy.is_legacy("A.DOC") and legacy.is_legacy("b.xls") and not legacy.is_legacy("c.docx")
