"""export_file and `goalform export`: format by extension, atomic writes, clear errors."""
from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.reference_forms import read_reference

from goalform.cli import main
from goalform.formats import export as export_module
from goalform.formats import output
from goalform.formats.export import ExportError, export_file
from goalform.store import Document

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
    with pytest.raises(ExportError, match="文件夹不存在"):
        export_file(result.form, result.template, tmp_path / "nope" / "out.docx")
    (tmp_path / "folder.docx").mkdir()
    with pytest.raises(ExportError, match="这是一个文件夹"):
        export_file(result.form, result.template, tmp_path / "folder.docx")


def test_failed_export_keeps_the_previous_file(goal_file: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    """A disk that fills up while the export is written (issue 13, item 3): the old file stays,
    no temporary file is left, exit code 2 with one Chinese line."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous export")

    real_fdopen = os.fdopen

    class FillsUp:  # the temporary file as a file object on a disk that is full after 100 bytes
        def __init__(self, fd, *args):
            self.file = real_fdopen(fd, *args)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, data):
            self.file.write(bytes(data[:100]))
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fdopen", FillsUp)
    assert main(["export", str(goal_file), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "磁盘已满" in err and "原有文件未改动" in err and "Errno" not in err and len(err.splitlines()) == 1
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.goal", "out.docx"]


@pytest.mark.parametrize("step", ["open", "fsync", "replace"])
def test_a_full_disk_at_any_step_keeps_the_previous_file(tmp_path: Path, monkeypatch, step: str) -> None:
    result = read_reference("2024")
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"previous export")

    real = getattr(os, step)

    def full(*args):  # only for the export's own temporary file
        if step == "fsync" or str(args[0]).endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args)

    monkeypatch.setattr(output.os, step, full)
    with pytest.raises(ExportError, match="磁盘已满"):
        export_file(result.form, result.template, target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


@pytest.mark.parametrize("written", [b"", b"%PDF-1.4\n1 0 obj", b"PK\x03\x04 no central directory"])
def test_a_file_the_writer_left_incomplete_replaces_nothing(tmp_path: Path, monkeypatch, written: bytes) -> None:
    """Qt's PDF writer does not report write errors: what was written is checked before it is used."""
    result = read_reference("2024")
    for suffix, check in ((".pdf", output.is_pdf), (".docx", output.is_zip)):
        target = tmp_path / f"out{suffix}"
        target.write_bytes(b"previous export")
        monkeypatch.setattr(export_module, "_writer", lambda s: (lambda grid, stream: stream.write(written), check))
        with pytest.raises(ExportError, match="不完整"):
            export_file(result.form, result.template, target)
        assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx", "out.pdf"]


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 2 MB tmpfs (needs root and permission to mount; skipped otherwise)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if shutil.which("mount") is None or os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".xlsx"])
def test_export_onto_a_really_full_disk(goal_file: Path, small_disk: Path, suffix: str, capsys) -> None:
    """Issue 13, item 3 for real: an export that no longer fits leaves the existing file as it was."""
    target = small_disk / f"out{suffix}"
    assert main(["export", str(goal_file), "-o", str(target)]) == 0
    capsys.readouterr()  # the count of the form's errors (issue 21): said, and the file written
    before = target.read_bytes()
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    (small_disk / "filler").write_bytes(b"x" * (free - 4096))  # leaves less than the export needs
    assert main(["export", str(goal_file), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "磁盘已满" in err and len(err.splitlines()) == 1
    assert target.read_bytes() == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", f"out{suffix}"]
    (small_disk / "filler").unlink()
    assert main(["export", str(goal_file), "-o", str(target)]) == 0  # with room again it works


def test_targets_that_must_not_be_replaced(goal_file: Path, tmp_path: Path, capsys) -> None:
    read_only = tmp_path / "read-only.docx"
    read_only.write_bytes(b"kept")
    read_only.chmod(0o444)
    assert main(["export", str(goal_file), "-o", str(read_only)]) == 2
    assert "只读" in capsys.readouterr().err
    assert read_only.read_bytes() == b"kept" and stat.S_IMODE(read_only.stat().st_mode) == 0o444
    if Path("/dev/null").exists():  # a device
        with pytest.raises(ExportError, match="不是普通文件"):
            output.check_target("/dev/null")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_target_is_refused_at_once(goal_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    # In a process of its own: opening a FIFO for writing would block until someone reads it.
    done = subprocess.run([sys.executable, "-m", "goalform", "export", str(goal_file), "-o", str(fifo)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "不是普通文件" in done.stderr and "Traceback" not in done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_symlink_target_is_written_to_the_file_it_points_to(goal_file: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "form.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    assert main(["export", str(goal_file), "-o", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes().startswith(b"PK\x03\x04")
    assert [p.name for p in (tmp_path / "real").iterdir()] == ["form.xlsx"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_exports_follow_the_umask_and_keep_a_replaced_files_mode(goal_file: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert main(["export", str(goal_file), "-o", str(tmp_path / "new.docx")]) == 0
        assert stat.S_IMODE((tmp_path / "new.docx").stat().st_mode) == 0o644
        kept = tmp_path / "kept.pdf"
        kept.write_bytes(b"old")
        kept.chmod(0o664)
        assert main(["export", str(goal_file), "-o", str(kept)]) == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o664 and kept.read_bytes().startswith(b"%PDF")
    finally:
        os.umask(old)


def test_stale_temporary_files_of_a_killed_export_are_removed(tmp_path: Path) -> None:
    result = read_reference("2024")
    stale = tmp_path / ".out.docx.0badf00d.tmp"
    fresh = tmp_path / ".out.docx.12345678.tmp"  # maybe another export of the same file, still running
    other = tmp_path / ".other.docx.0badf00d.tmp"
    for p in (stale, fresh, other):
        p.write_bytes(b"left over")
    hours_ago = time.time() - 2 * output.STALE_SECONDS
    os.utime(stale, (hours_ago, hours_ago))
    os.utime(other, (hours_ago, hours_ago))
    export_file(result.form, result.template, tmp_path / "out.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name, "out.docx"])


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path, monkeypatch) -> None:
    result = read_reference("2024")
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous export")

    def killed(fd):
        os.write(fd, b"half")  # the temporary file has begun
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the signal arrives at once; this is never reached in full

    monkeypatch.setattr(output.os, "fsync", killed)
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit):
        export_file(result.form, result.template, target)
    assert signal.getsignal(signal.SIGTERM) == previous
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"] and target.read_bytes() == b"previous export"


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_cli_export_matches_the_reference(goal_file: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(goal_file), "-o", str(out)]) == 0
    assert differing_cells(out, "2026") == EXEMPT["2026"]
    assert main(["export", str(goal_file), "-o", str(out)]) == 0  # re-export replaces the file


def test_cli_export_pdf_and_errors(goal_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(goal_file), "-o", str(tmp_path / "out.pdf")]) == 0
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    noted = capsys.readouterr().err  # a form with errors is exported, and the count said (issue 21)
    assert "个错误" in noted and "已照样导出" in noted and len(noted.strip().splitlines()) == 1
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
