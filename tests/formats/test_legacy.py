"""Legacy .doc/.xls conversion: LibreOffice found, timed out, failing or absent."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goalform.formats import legacy
from goalform.formats.reading import ReadError

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


# -- LibreOffice is fenced in and goes with goalform (issue 13, defect 7) ---------------------------
# A stand-in that starts a child of its own (as soffice starts soffice.bin), writes both pids and
# what it was given, and hangs.
_HANGING = """
import os, resource, subprocess, json
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
report = {"pids": [os.getpid(), child.pid], "as": resource.getrlimit(resource.RLIMIT_AS)[0],
          "tmpdir": os.environ.get("TMPDIR"), "pgid": os.getpgid(0), "argv": sys.argv}
with open(os.environ["FAKE_REPORT"] + ".part", "w") as f:
    json.dump(report, f)
os.rename(os.environ["FAKE_REPORT"] + ".part", os.environ["FAKE_REPORT"])
time.sleep(60)
"""


def _start_import(tmp_path: Path) -> tuple[subprocess.Popen, dict, Path]:
    import json

    fake = _fake_soffice(tmp_path, _HANGING)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    report = tmp_path / "report.json"
    doc = tmp_path / "去年.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    env = {**os.environ, "GOALFORM_SOFFICE": str(fake), "TMPDIR": str(scratch), "FAKE_REPORT": str(report)}
    proc = subprocess.Popen([sys.executable, "-m", "goalform", "import", str(doc), "-o", str(tmp_path / "x.goal")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while not report.exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    return proc, json.loads(report.read_text()), scratch


def _gone(pids: list[int], timeout: float = 5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat") as f:
                    if f.read().split(") ")[-1].startswith("Z"):
                        continue  # a zombie waiting for init: dead
                alive.append(pid)
            except FileNotFoundError:
                pass
        if not alive:
            return True
        time.sleep(0.05)
    return False


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="checks processes through /proc")


@needs_proc
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT", "SIGKILL"])
def test_libreoffice_and_its_folder_go_with_goalform(tmp_path: Path, sig: str) -> None:
    import signal

    proc, report, scratch = _start_import(tmp_path)
    try:
        assert report["pgid"] == report["pids"][0] != os.getpgid(0)  # a process group of its own
        assert any(p.name.startswith("goalform-lo-") for p in scratch.iterdir())
        proc.send_signal(getattr(signal, sig))
        _, err = proc.communicate(timeout=20)
        assert "Traceback" not in err
        assert proc.returncode == {"SIGTERM": 143, "SIGINT": 130, "SIGKILL": -9}[sig]
        # SIGKILL gives goalform no chance: the watchdog ends LibreOffice and removes the folder.
        assert _gone(report["pids"]), "LibreOffice outlived goalform"
        deadline = time.monotonic() + 5
        while list(scratch.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(scratch.iterdir()) == []
    finally:
        for pid in report["pids"]:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@needs_proc
def test_libreoffice_runs_with_a_memory_limit_and_its_temp_files_inside_the_folder(tmp_path: Path) -> None:
    from goalform.domain.limits import LEGACY_MEMORY_BYTES

    proc, report, scratch = _start_import(tmp_path)
    try:
        assert report["as"] == LEGACY_MEMORY_BYTES
        folder = Path(report["tmpdir"]).parent
        assert folder.parent == scratch and folder.name.startswith("goalform-lo-")
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
    assert _gone(report["pids"]) and list(scratch.iterdir()) == []


def test_a_timed_out_conversion_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    pids = tmp_path / "pids"
    body = ("import os, subprocess\nchild = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
            f"open({str(pids)!r}, 'w').write(f'{{os.getpid()}} {{child.pid}}')\ntime.sleep(60)")
    monkeypatch.setenv("GOALFORM_SOFFICE", str(_fake_soffice(tmp_path, body)))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(legacy.tempfile, "tempdir", str(scratch))
    doc = tmp_path / "a.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ReadError, match="超时"):
        with legacy.conversion(doc, timeout=2):
            pass
    assert list(scratch.iterdir()) == []
    if Path("/proc/self/stat").exists():
        assert _gone([int(p) for p in pids.read_text().split()])


def _processes_mentioning(text: str, also: str = "") -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                state = (entry / "stat").read_text().split(") ")[-1][:1]
            except OSError:
                continue
            if text in cmdline and also in cmdline and state != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.slow
@needs_proc
@pytest.mark.skipif(legacy.find_soffice() is None or bool(os.environ.get("GOALFORM_SOFFICE")),
                    reason="needs the real LibreOffice")
def test_the_real_libreoffice_ends_with_goalform_on_sigterm(tmp_path: Path) -> None:
    import signal

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    doc = tmp_path / "a.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(2048))
    env = {**os.environ, "TMPDIR": str(scratch)}
    proc = subprocess.Popen([sys.executable, "-m", "goalform", "import", str(doc), "-o", str(tmp_path / "x.goal")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not _processes_mentioning(str(scratch), "soffice.bin"):  # LibreOffice proper is running
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.skip("LibreOffice ended before it could be interrupted")
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 143 and "Traceback" not in err
        deadline = time.monotonic() + 5
        while (_processes_mentioning(str(scratch)) or list(scratch.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _processes_mentioning(str(scratch)) == [] and list(scratch.iterdir()) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in _processes_mentioning(str(scratch)):
            os.kill(pid, 9)
