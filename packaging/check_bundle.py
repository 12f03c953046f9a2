"""Checks the built bundle the way a clerk's PC would run it: no Python, no virtual environment.

Usage: python packaging/check_bundle.py [--bundle DIR] [--archive FILE.tar.gz]
(``make check-package``, after ``make package``). On Linux the .tar.gz made by build.py is
unpacked into a temporary folder and checked from there, so the archive itself is what is proven
and the bundle is shown to be relocatable; otherwise dist/goalform/ is checked in place.

Every program runs with a minimal environment (a private HOME and data folder, PATH holding only
an empty folder, no PYTHON* variables, QT_QPA_PLATFORM=offscreen). Checked: --version (metadata
version and build info), a new form from every template (templates load inside the bundle),
validate/show, the examples, export to every format (and the exports' content), importing the
Word/Excel exports back, diff and summarize when the bundle has them, a clear error for a missing file,
the GUI starting offscreen (empty and with a file) and on X11 (Xvfb, when installed), on Linux
as root the CLI and GUI with every Python installation hidden (unshare + tmpfs), the Qt libraries
the plugins need and install.sh/--uninstall, and the size against the 250 MiB budget. Exit 0 when
all pass.
"""
from __future__ import annotations

import argparse
import locale
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
import zipfile
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUDGET_MIB = 250
EXPORT_FORMATS = ("docx", "xlsx", "pdf")
WINDOWS = sys.platform == "win32"
EXE = "goalform.exe" if WINDOWS else "goalform"


class CheckFailed(Exception):
    pass


def project_version() -> str:
    """[project] version in pyproject.toml (a regex: tomllib is Python 3.11+)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    if not found:
        raise SystemExit("no version in pyproject.toml")
    return found[1]


def size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def clean_env(home: Path) -> dict[str, str]:
    """What a fresh user session has, and nothing of this developer machine's Python."""
    empty_bin = home / "empty-bin"
    empty_bin.mkdir(parents=True, exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": str(empty_bin),
        "LANG": "C.UTF-8",
        "GOALFORM_DATA_DIR": str(home / "goalform-data"),
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(home),
    }
    if WINDOWS:  # Windows cannot start a process without these
        for name in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "LOCALAPPDATA", "APPDATA", "USERPROFILE"):
            if name in os.environ:
                env[name] = os.environ[name]
        env["PATH"] = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
    return env


def decode_output(data: bytes) -> str:
    """A child's output: UTF-8 (the bundle's executables run in Python's UTF-8 mode, see the spec),
    else the locale's encoding, which a program without UTF-8 mode writes to a pipe on Windows (the
    ANSI code page: GBK on a Chinese Windows), so that its message is still readable."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(locale.getpreferredencoding(False), errors="replace")


class Runner:
    """Runs the bundled executable in the clean environment and records the checks.

    ``launcher`` goes before the executable (``("wine",)`` for the Windows program under Wine).
    """

    def __init__(self, exe: Path, env: dict[str, str], workdir: Path, launcher: tuple[str, ...] = ()) -> None:
        self.exe, self.env, self.workdir, self.launcher = exe, env, workdir, launcher
        self.failures: list[str] = []

    def run(self, *args: str, timeout: float = 120, extra_env: dict[str, str] | None = None,
            exe: Path | None = None) -> subprocess.CompletedProcess[str]:
        cmd = [*self.launcher, str(exe or self.exe), *args]
        proc = subprocess.run(cmd, cwd=self.workdir, env={**self.env, **(extra_env or {})}, capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=timeout)
        return subprocess.CompletedProcess(cmd, proc.returncode, decode_output(proc.stdout), decode_output(proc.stderr))

    def check(self, title: str, body: Callable[[], str | None]) -> None:
        started = time.monotonic()
        try:
            note = body() or ""
        except (CheckFailed, subprocess.TimeoutExpired, OSError) as e:
            self.failures.append(title)
            print(f"FAIL  {title}: {e}", flush=True)
            return
        print(f"ok    {title} ({time.monotonic() - started:.1f} s){'  ' + note if note else ''}", flush=True)


def expect(proc: subprocess.CompletedProcess[str], codes: tuple[int, ...] = (0,)) -> str:
    if proc.returncode not in codes:
        raise CheckFailed(f"exit {proc.returncode} (expected {codes}); stderr: {proc.stderr.strip()[-800:]}")
    if "Traceback" in proc.stderr:
        raise CheckFailed(f"traceback on stderr: {proc.stderr.strip()[-800:]}")
    return proc.stdout


def templates() -> list[str]:
    return sorted(p.stem for p in (ROOT / "resources" / "templates").glob("*.json"))


def unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "tar_filter"):  # Python 3.10.12+/3.11.4+: refuse links out of the folder
            tar.extractall(into, filter="tar")
        else:
            tar.extractall(into)
    return into / "goalform"


def check_cli(r: Runner, version: str) -> Path:
    def version_info() -> str:
        out = expect(r.run("--version"))
        if version not in out:
            raise CheckFailed(f"--version says {out.strip()!r}, pyproject says {version}")
        if "构建于" not in out:
            raise CheckFailed(f"no build info in {out.strip()!r} (goalform/_build.py missing from the bundle?)")
        return out.strip()

    r.check("version from the package metadata, build info baked in", version_info)
    form = r.workdir / "x.goal"
    for template in templates():
        def new(template: str = template) -> str:
            target = r.workdir / f"new-{template}.goal"
            expect(r.run("new", "--template", template, "-o", str(target)))
            return _exists(target)

        r.check(f"new --template {template} (the template loads inside the bundle)", new)
    shutil.copy2(r.workdir / f"new-{templates()[-1]}.goal", form)
    r.check("validate x.goal", lambda: _first_line(expect(r.run("validate", str(form)), (0, 1))))
    r.check("show x.goal", lambda: _nonempty(expect(r.run("show", str(form)))))

    def missing_file() -> str:
        proc = r.run("validate", str(r.workdir / "nope.goal"))
        if proc.returncode != 2 or "Traceback" in proc.stderr or len(proc.stderr.strip().splitlines()) != 1:
            raise CheckFailed(f"expected one line and exit 2, got {proc.returncode}: {proc.stderr!r}")
        return proc.stderr.strip()

    r.check("a missing file gives one clear line and exit 2", missing_file)
    examples = sorted((ROOT / "examples").glob("*.goal"))
    for example in examples:
        r.check(f"validate example {example.name}", lambda e=example: _first_line(
            expect(r.run("validate", str(e)), (0, 1))))
    return form


def check_export(r: Runner, forms: list[Path]) -> None:
    probe = r.run("export", "--help")
    if probe.returncode != 0:
        print("skip  export: this build has no `goalform export` command yet", flush=True)
        return
    for form in forms:
        for fmt in EXPORT_FORMATS:
            if fmt not in probe.stdout:
                continue
            out = r.workdir / f"{form.stem}.{fmt}"

            def export(form: Path = form, out: Path = out) -> str:
                expect(r.run("export", str(form), "-o", str(out)))
                note = _exists(out)
                _holds_form_text(out)
                return note

            r.check(f"export {form.name} -> {out.name}", export)


def has_command(r: Runner, name: str) -> bool:
    if r.run(name, "--help").returncode == 0:
        return True
    print(f"skip  {name}: this build has no `goalform {name}` command", flush=True)
    return False


def check_round_trip(r: Runner, examples: list[Path]) -> None:
    """Word/Excel back into .goal (the readers' libraries are in the bundle), diff, summary."""
    if examples and has_command(r, "import"):
        for fmt in ("docx", "xlsx"):
            exported = r.workdir / f"{examples[-1].stem}.{fmt}"
            if not exported.is_file():
                continue
            back = r.workdir / f"{exported.stem}-from-{fmt}.goal"

            def import_back(exported: Path = exported, back: Path = back) -> str:
                expect(r.run("import", str(exported), "-o", str(back)), (0, 1))
                note = _exists(back)
                if has_command(r, "diff"):
                    expect(r.run("diff", str(examples[-1]), str(back)), (0, 1))
                return note

            r.check(f"import {exported.name} back, diff with {examples[-1].name}", import_back)
    if examples and has_command(r, "summarize"):
        def summarize() -> str:
            summary = r.workdir / "summary.xlsx"
            expect(r.run("summarize", "-o", str(summary), *map(str, examples)))
            return _exists(summary)

        r.check("summarize the examples", summarize)
    if has_command(r, "library"):
        def library_pinyin() -> str:  # pypinyin's dictionaries are in the bundle: the library is built with keys
            out = expect(r.run("library", "list", "ysz"))
            if "预算执行率" not in out:
                raise CheckFailed(f"`library list ysz` did not find 预算执行率: {out!r}")
            return _first_line(out)

        r.check("library list ysz (pinyin search, pypinyin's data bundled)", library_pinyin)


def check_gui(r: Runner, form: Path) -> None:
    quit_env = {"GOALFORM_QUIT_AFTER_SHOW": "1"}
    r.check("GUI starts offscreen and quits (no file)", lambda: _first_line(
        expect(r.run(extra_env=quit_env, timeout=60)) or "shown"))
    r.check("GUI opens x.goal offscreen and quits", lambda: _first_line(
        expect(r.run(str(form), extra_env=quit_env, timeout=60)) or "shown"))
    if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
        # The platform plugin a clerk's desktop uses (xcb), on a virtual X server: proves the
        # bundled xcb plugin and its libraries load, which offscreen does not.
        def on_x11() -> str:
            proc = subprocess.run(
                ["xvfb-run", "-a", str(r.exe), str(form)], cwd=r.workdir, timeout=90,
                env={**r.env, **quit_env, "QT_QPA_PLATFORM": "xcb", "PATH": "/usr/bin:/bin"},
                capture_output=True, text=True, encoding="utf-8", errors="replace")
            return _first_line(expect(proc)) or "shown"

        r.check("GUI opens x.goal on X11 (xcb plugin, Xvfb) and quits", on_x11)
    else:
        print("skip  GUI on X11: no xvfb-run on this machine", flush=True)
    gui_exe = r.exe.with_name("goalform-gui.exe")
    if WINDOWS:
        r.check("goalform-gui.exe opens x.goal and quits", lambda: _first_line(
            expect(r.run(str(form), extra_env=quit_env, timeout=60, exe=gui_exe)) or "shown"))


def python_installations() -> list[str]:
    """Every Python on this machine: the one running this script, its base, the system's."""
    found = {sys.prefix, sys.base_prefix, *map(str, Path("/usr/lib").glob("python3*")),
             *map(str, Path("/usr/local/lib").glob("python3*"))}
    return sorted(d for d in found if Path(d).is_dir())


def check_without_python(r: Runner, form: Path) -> None:
    """Linux, as root: run the bundle in a mount namespace where every Python folder is an empty tmpfs."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("unshare"):
        print("skip  run with every Python hidden: needs Linux, root and unshare", flush=True)
        return
    hidden = [d for d in python_installations() if not r.exe.resolve().is_relative_to(d)]
    script = "".join(f"mount -t tmpfs none {shlex.quote(d)} && " for d in hidden) + 'exec "$@"'

    def run_hidden(*args: str, extra_env: dict[str, str] | None = None) -> str:
        proc = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
                               str(r.exe), *args], cwd=r.workdir, env={**r.env, "PATH": "/usr/bin:/bin", **(extra_env or {})},
                              capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)
        return _first_line(expect(proc, (0, 1))) or "shown"

    r.check(f"validate with every Python hidden ({len(hidden)} folders)", lambda: run_hidden("validate", str(form)))
    r.check("GUI with every Python hidden", lambda: run_hidden(str(form), extra_env={"GOALFORM_QUIT_AFTER_SHOW": "1"}))


def check_linux_libraries(bundle: Path) -> None:
    """Every libQt6* that a bundled Qt library or plugin needs is in the bundle (spec pruning is sound)."""
    try:
        from PyInstaller.depend.bindepend import get_imports
    except ImportError:
        print("skip  Qt library closure: PyInstaller is not installed here", flush=True)
        return
    internal = bundle / "_internal"
    present = {p.name for p in internal.rglob("*.so*")}
    missing = []
    for lib in internal.rglob("*.so*"):
        if lib.is_symlink() or "PySide6" not in lib.parts:
            continue
        for needed, _ in get_imports(str(lib)):
            name = Path(needed).name
            if name.startswith("libQt6") and name not in present:
                missing.append(f"{lib.relative_to(internal)} needs {name}")
    if missing:
        raise CheckFailed("; ".join(missing))


def check_linux_install(r: Runner, bundle: Path) -> str:
    home = Path(r.env["HOME"]) / "install-home"
    env = {**r.env, "HOME": str(home), "PATH": "/usr/bin:/bin"}  # the script itself needs sh, cp, sed
    env.pop("XDG_DATA_HOME", None)
    proc = subprocess.run(["sh", str(bundle / "linux" / "install.sh")], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise CheckFailed(f"install.sh: {proc.stderr.strip()}")
    installed = home / ".local" / "bin" / "goalform"
    expect(r.run("--version", exe=installed))
    desktop = (home / ".local/share/applications/goalform.desktop").read_text(encoding="utf-8")
    if f'Exec="{home}/.local/opt/goalform/goalform" %f' not in desktop:
        raise CheckFailed("the installed .desktop file does not run the installed executable")
    for path in ("mime/packages/goalform.xml", "icons/hicolor/48x48/apps/goalform.png",
                 "icons/hicolor/48x48/mimetypes/application-x-goalform.png"):
        _exists(home / ".local/share" / path)
    user_data = home / ".local/share/goalform/keep.txt"  # appdirs' user data folder on Linux
    user_data.parent.mkdir(parents=True, exist_ok=True)
    user_data.write_text("user data")
    proc = subprocess.run(["sh", str(bundle / "linux" / "install.sh"), "--uninstall"], env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0 or installed.exists() or (home / ".local/opt/goalform").exists():
        raise CheckFailed(f"--uninstall left the program behind: {proc.stderr.strip()}")
    if not user_data.exists():
        raise CheckFailed("--uninstall removed the user's data")
    return "installed, ran, uninstalled; user data kept"


def _exists(path: Path) -> str:
    if not path.is_file() or path.stat().st_size == 0:
        raise CheckFailed(f"{path.name} was not written")
    return f"{path.name}: {path.stat().st_size:,} bytes"


def _holds_form_text(path: Path) -> None:
    """The export carries the form's Chinese text (not an empty shell, not tofu-only PDF text)."""
    needle = "绩效目标"
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as z:
            xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        if needle not in xml:
            raise CheckFailed(f"{path.name} does not contain {needle}")
    elif path.suffix == ".pdf":
        head = path.read_bytes()
        if not head.startswith(b"%PDF") or b"/FontFile" not in head:
            raise CheckFailed(f"{path.name} is not a PDF with an embedded font")
        if shutil.which("pdftotext"):  # poppler, when this machine has it
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
            # NFKC: poppler maps some CJK glyphs of Noto fonts to Kangxi radicals (⽬ for 目).
            if needle not in unicodedata.normalize("NFKC", text):
                raise CheckFailed(f"{path.name}: no {needle} in its text (missing CJK font?)")


def _nonempty(text: str) -> str:
    if not text.strip():
        raise CheckFailed("no output")
    return _first_line(text)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:100] if text.strip() else ""


def newest_archive() -> Path | None:
    found = sorted(DIST.glob("goalform-*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=DIST / "goalform", help="the one-folder bundle")
    parser.add_argument("--archive", type=Path, help="the .tar.gz to unpack and check (Linux; default: newest in dist/)")
    parser.add_argument("--in-place", action="store_true", help="check --bundle itself, not the unpacked archive")
    parser.add_argument("--keep", type=Path, help="copy the files the checks wrote (forms, exports) into this folder")
    args = parser.parse_args(argv)

    version = project_version()
    with tempfile.TemporaryDirectory(prefix="goalform-check-") as tmp:
        tmp_path = Path(tmp)
        archive = None if args.in_place or WINDOWS else (args.archive or newest_archive())
        bundle = unpack(archive, tmp_path / "unpacked") if archive else args.bundle.resolve()
        exe = bundle / EXE
        if not exe.is_file():
            print(f"no bundle at {bundle}: run `make package` first", file=sys.stderr)
            return 2
        print(f"checking {archive.name + ' (unpacked)' if archive else bundle} with goalform {version}", flush=True)
        workdir = tmp_path / "work"
        workdir.mkdir()
        runner = Runner(exe, clean_env(tmp_path / "home"), workdir)

        form = check_cli(runner, version)
        examples = sorted((ROOT / "examples").glob("*.goal"))
        check_export(runner, [form, *examples])
        check_round_trip(runner, examples)
        check_gui(runner, form)
        check_without_python(runner, form)
        if sys.platform.startswith("linux"):
            runner.check("every Qt library the bundled plugins need is bundled", lambda: check_linux_libraries(bundle))
            if (bundle / "linux" / "install.sh").is_file():
                runner.check("linux/install.sh installs for the user, --uninstall keeps user data",
                             lambda: check_linux_install(runner, bundle))

        if args.keep:
            shutil.copytree(workdir, args.keep, dirs_exist_ok=True)
        bundle_mib = size_mib(bundle)
        sizes = f"bundle {bundle_mib:.1f} MiB (budget {BUDGET_MIB} MiB)"
        if archive:
            sizes += f", {archive.name} {size_mib(archive):.1f} MiB"
        if bundle_mib > BUDGET_MIB:
            runner.failures.append("size budget")
            print(f"FAIL  size: {sizes}")
        else:
            print(f"ok    size: {sizes}")

    if runner.failures:
        print(f"{len(runner.failures)} check(s) failed: {', '.join(runner.failures)}", file=sys.stderr)
        return 1
    print("bundle OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
