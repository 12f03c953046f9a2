"""Fuzzing the import readers (issue 13): mutated exports of the reference forms are imported, and the
only outcomes allowed are a form or the importer's user-facing error (ReadError, a Chinese message).

The mutations are those of the audit: bytes flipped inside a zip member or in the zip itself, members
or the file truncated, members duplicated, XML nested deeper, members inflated past the limits. A few
of the worst files also run through the real command line in a process with an address-space limit,
to show that memory stays bounded (a MemoryError would be reported as 内存不足, which fails here).
"""
from __future__ import annotations

import functools
import io
import re
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

from helpers import hostile_files as h
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from helpers.reference_forms import read_reference

from goalform.formats.content import ReadError
from goalform.formats.export import export_file
from goalform.formats.importer import import_file

pytestmark = pytest.mark.slow


@functools.lru_cache(maxsize=None)
def exported(suffix: str) -> bytes:
    """The 2026 reference form as the project's own exporter writes it."""
    import tempfile

    ref = read_reference("2026")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        export_file(ref.form, ref.template, path)
        return path.read_bytes()


def members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def repack(parts: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            for name, content in parts:
                zf.writestr(name, content)
    return out.getvalue()


_TAG = re.compile(rb"<[A-Za-z][^<>]*?(?<!/)>")


@st.composite
def mutated(draw, suffix: str) -> bytes:
    data = exported(suffix)
    parts = [(info.filename, content) for info, content in members(data)]
    kind = draw(st.sampled_from(["flip-member", "truncate-member", "duplicate", "deepen", "inflate",
                                 "flip-zip", "truncate-zip", "drop"]))
    i = draw(st.integers(0, len(parts) - 1))
    # Most mutations aim at the parts the readers read.
    xml = [k for k, (name, _) in enumerate(parts) if name.endswith(("document.xml", "sheet1.xml", "workbook.xml",
                                                                      "styles.xml", "sharedStrings.xml", ".rels"))]
    if xml and draw(st.booleans()):
        i = draw(st.sampled_from(xml))
    name, content = parts[i]
    if kind == "flip-member" and content:
        raw = bytearray(content)
        for _ in range(draw(st.integers(1, 8))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        parts[i] = (name, bytes(raw))
    elif kind == "truncate-member":
        parts[i] = (name, content[:draw(st.integers(0, len(content)))])
    elif kind == "duplicate":
        parts.insert(draw(st.integers(0, len(parts))), (name, draw(st.sampled_from([content, b"", b"<x/>"]))))
    elif kind == "deepen":
        tags = list(_TAG.finditer(content))
        if tags:
            at = draw(st.sampled_from(tags)).end()
            depth = draw(st.sampled_from([50, 130, 300, 1500]))
            tag = draw(st.sampled_from([b"w:sdt", b"w:smartTag", b"x", b"row"]))
            parts[i] = (name, content[:at] + b"<" + tag + b">" * 0 + (b"<" + tag + b">") * depth
                        + (b"</" + tag + b">") * depth + content[at:])
    elif kind == "inflate":
        extra = draw(st.sampled_from([1 << 20, 33 << 20]))
        at = draw(st.integers(0, len(content)))
        parts[i] = (name, content[:at] + b" " * extra + content[at:])
    elif kind == "drop":
        del parts[i]
    data = repack(parts)
    if kind == "flip-zip":
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 16))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        data = bytes(raw)
    elif kind == "truncate-zip":
        data = data[:draw(st.integers(0, len(data)))]
    return data


def _import_only_user_errors(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        import_file(path)
    except ReadError as e:
        assert str(e) and "\n" not in str(e).strip()


_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.data_too_large])


@_FUZZ
@given(data=mutated(".docx"))
def test_mutated_word_files(tmp_path: Path, data: bytes) -> None:
    _import_only_user_errors(tmp_path, ".docx", data)


@_FUZZ
@given(data=mutated(".xlsx"))
def test_mutated_excel_files(tmp_path: Path, data: bytes) -> None:
    _import_only_user_errors(tmp_path, ".xlsx", data)


def test_the_fuzzer_can_find_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader that lets an lxml error through is caught by the same assertions."""
    from lxml import etree

    from goalform.formats import package

    def leaky(data, pkg, part):  # noqa: ANN001, ANN202
        return etree.fromstring(data)

    monkeypatch.setattr(package, "parse_xml", leaky)
    data = exported(".docx")
    parts = [(i.filename, c) for i, c in members(data)]
    parts = [(n, c[:len(c) // 2] if n == "word/document.xml" else c) for n, c in parts]
    with pytest.raises(etree.XMLSyntaxError):
        _import_only_user_errors(tmp_path, ".docx", repack(parts))


# -- memory: the worst files through the command line, under an address-space limit ----------------
LIMIT = 1 << 30  # 1 GiB of address space for the whole goalform process


# Runs argv[2:] with an address-space limit of argv[1] bytes and prints the child's peak resident set (KiB).
_MEASURED = (
    "import resource, subprocess, sys\n"
    "limit = int(sys.argv[1])\n"
    "proc = subprocess.run(sys.argv[2:], preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))\n"
    "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(proc.returncode)\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and ru_maxrss as on Linux")
@pytest.mark.parametrize("suffix, build, message", [
    (".docx", lambda p: h.docx(p, "<w:p/>" * 1_900_000), "正文超过"),  # nearly the most tags a part may have
    (".xlsx", lambda p: h.xlsx_empty_styled_cells(p, 300_000), "已导入"),  # 13 MB of empty cells: read
    (".xlsx", lambda p: h.xlsx_many_rows(p, 12_000), "超过导入上限 10000 行"),
    (".xlsx", lambda p: h.xlsx_bomb(p, 200 << 20, lie=True), "已损坏"),
    (".docx", lambda p: h.docx_bomb(p, 200 << 20), "解压后超过"),
], ids=["docx-1.9M-tags", "xlsx-300000-empty-cells", "xlsx-12000-rows", "xlsx-lying-bomb", "docx-bomb"])
def test_worst_files_stay_within_memory(tmp_path: Path, suffix: str, build, message: str) -> None:
    path = build(tmp_path / f"worst{suffix}")

    # The import runs under a small launcher: a child forked straight from this test process would count
    # the pytest process's own resident pages (hundreds of MB after the GUI tests) as its peak until exec.
    err_path = tmp_path / "out.txt"
    with err_path.open("w") as err_file:
        proc = subprocess.Popen([sys.executable, "-c", _MEASURED, str(LIMIT), sys.executable, "-m", "goalform",
                                 "import", str(path), "-o", str(tmp_path / "o.goal")],
                                stdout=err_file, stderr=err_file)
    try:
        proc.wait(timeout=120)  # a hang guard, not a timing assertion
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    err = err_path.read_text()
    peak_kib = int(err.rsplit("MAXRSS ", 1)[1].split()[0])
    assert proc.returncode == (0 if message == "已导入" else 2) and message in err and "Traceback" not in err, err
    assert "内存不足" not in err
    assert peak_kib * 1024 < 600 << 20  # peak resident memory of this import under 600 MB
