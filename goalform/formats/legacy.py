"""Legacy .doc and .xls files: converted to .docx/.xlsx by LibreOffice when it is installed.

Old office PCs still hold forms saved by Word 2003. Reading the binary formats ourselves is not worth
it; LibreOffice converts them faithfully (tables, merges and all). It runs headless in a private
profile folder and a temporary output folder, with a timeout, so a stuck conversion cannot hang the
program and a running LibreOffice window of the user is left alone.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from goalform.formats.content import ReadError

LEGACY_TARGETS = {".doc": "docx", ".xls": "xlsx", ".wps": "docx", ".et": "xlsx"}
TIMEOUT_SECONDS = 120

# Where LibreOffice installs itself on Windows when it is not on PATH.
_WINDOWS_FOLDERS = (
    r"C:\Program Files\LibreOffice\program",
    r"C:\Program Files (x86)\LibreOffice\program",
    r"C:\Program Files\LibreOffice 7\program",
    r"C:\Program Files (x86)\LibreOffice 7\program",
)


class LibreOfficeMissing(ReadError):
    """No LibreOffice to convert a legacy file with."""


def is_legacy(path: Path | str) -> bool:
    return Path(path).suffix.lower() in LEGACY_TARGETS


def find_soffice() -> str | None:
    """The LibreOffice command, from GOALFORM_SOFFICE, PATH or the usual install folders; None if absent."""
    override = os.environ.get("GOALFORM_SOFFICE")
    if override:
        return override if Path(override).is_file() else None
    for name in ("soffice", "libreoffice", "soffice.exe"):
        found = shutil.which(name)
        if found:
            return found
    if os.name == "nt":
        roots = [os.environ.get("ProgramFiles", ""), os.environ.get("ProgramFiles(x86)", "")]
        folders = [str(Path(r) / "LibreOffice" / "program") for r in roots if r] + list(_WINDOWS_FOLDERS)
        for folder in folders:
            candidate = Path(folder) / "soffice.exe"
            if candidate.is_file():
                return str(candidate)
    return None


def missing_message(path: Path) -> str:
    target = LEGACY_TARGETS.get(path.suffix.lower(), "docx")
    app = "Word" if target == "docx" else "Excel"
    return (
        f"「{path.name}」是旧版 {path.suffix.lower()} 文件，需要安装 LibreOffice 才能读取。"
        f"也可以在 {app} 中打开它，另存为 .{target} 后再导入。"
    )


def convert(path: Path | str, out_dir: Path | str, *, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert a .doc/.xls to .docx/.xlsx in ``out_dir`` and return the new file's path.

    Raises :class:`LibreOfficeMissing` when LibreOffice is not installed and :class:`ReadError` when
    the conversion fails or takes longer than ``timeout`` seconds.
    """
    path = Path(path)
    out_dir = Path(out_dir)
    target = LEGACY_TARGETS.get(path.suffix.lower())
    if target is None:
        raise ReadError(f"「{path.name}」不是 .doc 或 .xls 文件")
    if not path.is_file():
        raise ReadError(f"找不到文件：{path}")
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeMissing(missing_message(path))
    with tempfile.TemporaryDirectory(prefix="goalform-lo-") as profile:
        # LibreOffice names its output after the input; copy the input under a plain ASCII name so
        # odd characters in the clerk's file name cannot trip the conversion.
        source = Path(profile) / ("input" + path.suffix.lower())
        shutil.copyfile(path, source)
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile, 'user').resolve().as_uri()}",
            "--headless", "--norestore", "--nologo", "--nodefault",
            "--convert-to", target, "--outdir", str(out_dir), str(source),
        ]
        try:
            returncode = _run(command, timeout)
        except subprocess.TimeoutExpired:
            raise ReadError(f"用 LibreOffice 转换「{path.name}」超时（{int(timeout)} 秒），请另存为 .{target} 后再导入") from None
        except OSError as e:
            raise ReadError(f"无法启动 LibreOffice（{e.strerror or e}），请另存为 .{target} 后再导入") from None
    result = out_dir / f"input.{target}"
    if returncode != 0 or not result.is_file():
        raise ReadError(f"LibreOffice 未能转换「{path.name}」，请在 Office 中另存为 .{target} 后再导入")
    return result


def _run(command: list[str], timeout: float) -> int:
    """Run LibreOffice; on timeout end it together with the processes it started, then re-raise."""
    posix = os.name == "posix"
    proc = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=posix, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            import signal

            try:
                os.killpg(proc.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group
            except ProcessLookupError:
                pass
        else:
            proc.kill()
        proc.wait()
        raise
