"""Installs the real Windows setup in a fresh Wine prefix and runs the installed program (``make check-windows``).

Usage: python packaging/check_windows.py [--setup FILE] [--screenshots DIR] [--keep]

After ``make windows`` (packaging/wine_build.py). In a new Wine prefix (Windows 10, English locale:
the ANSI code page is cp1252, where printing Chinese to a pipe fails without UTF-8 mode):

- ``setup.exe /VERYSILENT /CURRENTUSER``: per user without admin rights into
  %LOCALAPPDATA%\\Programs\\goalform, the Start-menu shortcut, .goal registered in HKCU;
- the installed ``goalform.exe`` through check_bundle.py's own checks: --version with the build
  info, a form from every template, validate/show, a missing file, the examples, export to
  .docx/.xlsx/.pdf with their content (the PDF's text with poppler), import back, diff, summarize,
  the pinyin search of the library; piped output is UTF-8;
- ``goalform-gui.exe`` on Xvfb through Wine's X11 driver: opens the example and quits by itself
  (exit 0, timed), then the start page and the example's 资金情况 tab as screenshots;
- ``unins000.exe /VERYSILENT``, then the prefix's files and HKCU keys compared with those from
  before the install: nothing of goalform is left but the user's files (Documents, the data folder
  %LOCALAPPDATA%\\goalform).

Wine-only help, in the prefix and never in the installer: the icuuc.dll stand-in
(packaging/wine/icuuc_stub.c), Wine's null display driver for the silent install, and stdout/stderr
read through pipes. Without Wine: one SKIP line, exit 0. Exit 1 when a check failed.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_bundle import (  # noqa: E402
    DIST, ROOT, CheckFailed, Runner, check_cli, check_export, check_round_trip, project_version,
)
from check_wine import (  # noqa: E402
    SHORTCUT, Skip, Wine, check_association, check_installed, check_shortcut, check_uninstall,
)
from wine_build import WORK, install_icuuc_stub  # noqa: E402

EXAMPLE = ROOT / "examples" / "form-2026.goal"
SCREEN = "1366x768x24"  # the common office screen, as docs/make_screenshots.py


def skip_line(reason: str) -> str:
    return f"SKIP  ***** WINDOWS PROGRAM NOT CHECKED UNDER WINE: {reason} *****"


def newest_setup() -> Path | None:
    found = sorted(DIST.glob("goalform-*-setup.exe"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def files_of(wine: Wine) -> set[str]:
    """Every file and folder of the prefix's C: drive, as paths relative to it."""
    drive = wine.prefix / "drive_c"
    return {str(p.relative_to(drive)) for p in drive.rglob("*")}


def goalform_keys(wine: Wine) -> set[str]:
    """HKCU keys that mention goalform or .goal (the association, the uninstall entry, settings)."""
    keys = wine.registry("user.reg")
    return {k for k in keys if re.search(r"goalform|\\\.goal\b|9D09215B", k, re.I)}


def installed_app(wine: Wine) -> Path:
    return wine.user_dir() / "AppData" / "Local" / "Programs" / "goalform"


class Display:
    """Xvfb for the GUI: Wine's X11 driver draws there, ImageMagick's import takes the screenshots."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.name = ""

    def __enter__(self) -> "Display":
        for tool in ("Xvfb", "xdotool", "import"):
            if not shutil.which(tool):
                raise CheckFailed(f"{tool} is not installed (Debian: xvfb, xdotool, imagemagick)")
        for number in range(120, 160):
            if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
                self.name = f":{number}"
                break
        self.proc = subprocess.Popen(["Xvfb", self.name, "-screen", "0", SCREEN, "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{self.name[1:]}").exists():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise CheckFailed("Xvfb did not start")
            time.sleep(0.2)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def tool(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run(list(args), env={**os.environ, "DISPLAY": self.name}, capture_output=True, text=True,
                              timeout=60)
        if check and proc.returncode != 0:
            raise CheckFailed(f"{args[0]} {args[1] if len(args) > 1 else ''}: exit {proc.returncode} {proc.stderr.strip()}")
        return proc.stdout.strip()

    def wait_window(self, timeout: float = 120) -> str:
        """The id of goalform's main window once it is mapped (Wine sets WM_CLASS to the exe's name)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ids = self.tool("xdotool", "search", "--onlyvisible", "--name", "goalform", check=False).split()
            if ids:
                return ids[-1]
            time.sleep(0.5)
        raise CheckFailed(f"no goalform window on the screen after {timeout:.0f} s")

    def shot(self, target: Path) -> str:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.tool("import", "-display", self.name, "-window", "root", str(target))
        return f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"


def with_x11(wine: Wine, display: Display) -> dict[str, str]:
    """The prefix switched from the null display driver (silent install) to X11 on ``display``.

    GOALFORM_LANG=zh: the prefix's locale is English (Debian has no zh_CN locale for Wine to take),
    the GUI speaks Chinese as on a clerk's Chinese Windows.
    """
    wine.wait()
    wine.run("reg", "delete", r"HKCU\Software\Wine\Drivers", "/v", "Graphics", "/f", check=False)
    wine.wait()
    return {**wine.env, "DISPLAY": display.name, "GOALFORM_LANG": "zh"}


def with_null_display(wine: Wine) -> None:
    """Back to the null driver: the silent uninstaller also creates (hidden) windows."""
    wine.wait()
    wine.run("reg", "add", r"HKCU\Software\Wine\Drivers", "/v", "Graphics", "/d", "null", "/f")
    wine.wait()


def real_user_folders(wine: Wine) -> None:
    """Wine links Documents, Desktop... to $HOME (here the prefix's private home): real folders instead,
    so that C:\\users\\<user>\\Documents is what the program shows, as on Windows."""
    for link in wine.user_dir().iterdir():
        if link.is_symlink():
            link.unlink()
            link.mkdir()


def check_gui(runner: Runner, wine: Wine, app: Path, form: Path, shots: Path, timings: dict[str, float]) -> None:
    """goalform-gui.exe on Xvfb through Wine's X11 driver: quits by itself, then two screenshots."""
    gui = str(app / "goalform-gui.exe")
    display = Display()
    env: dict[str, str] = {}

    def quits_by_itself() -> str:
        started = time.monotonic()
        proc = subprocess.run(["wine", gui, str(form)], env={**env, "GOALFORM_QUIT_AFTER_SHOW": "1"},
                              capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
        timings["GUI with the example, start to shown window and exit"] = time.monotonic() - started
        if proc.returncode != 0:
            raise CheckFailed(f"exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-600:]}")
        return f"{time.monotonic() - started:.1f} s"

    def start(*args: str) -> tuple[subprocess.Popen[bytes], str, float]:
        started = time.monotonic()
        proc = subprocess.Popen(["wine", gui, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL)
        window = display.wait_window()
        return proc, window, time.monotonic() - started

    def focus(window: str) -> None:
        """Keyboard focus to the window (no window manager on Xvfb: XSetInputFocus, which Wine
        takes as activating it); the pointer over it too."""
        display.tool("xdotool", "mousemove", "--window", window, "20", "20", check=False)
        display.tool("xdotool", "windowfocus", "--sync", window, check=False)
        time.sleep(0.5)

    def close(proc: subprocess.Popen[bytes], window: str) -> None:
        """Alt+F4 as a clerk would; the program must end by itself."""
        focus(window)
        display.tool("xdotool", "key", "--clearmodifiers", "alt+F4", check=False)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            display.shot(shots / "close-failed.png")
            proc.kill()
            subprocess.run(["wineserver", "-k"], env=env, check=False)
            raise CheckFailed(f"goalform-gui.exe did not end after Alt+F4 (screen: {shots / 'close-failed.png'})") from None

    def start_page() -> str:
        proc, window, took = start()
        timings["start page, start to mapped window"] = took
        time.sleep(4)  # the first frame, then the idle-time work
        note = display.shot(shots / "screenshot-wine-start.png")
        close(proc, window)
        return f"window after {took:.1f} s; {note}"

    def funds_tab() -> str:
        proc, window, took = start(str(form))
        timings["example, start to mapped window"] = took
        time.sleep(4)
        focus(window)
        display.tool("xdotool", "key", "--clearmodifiers", "alt+2")  # 资金情况, the second tab
        time.sleep(2)
        note = display.shot(shots / "screenshot-wine-funds.png")
        close(proc, window)
        return f"window after {took:.1f} s; {note}"

    try:
        with display:
            env.update(with_x11(wine, display))
            runner.check("goalform-gui.exe opens the example on X11 (Xvfb) and quits by itself", quits_by_itself)
            runner.check("goalform-gui.exe: the start page (screenshot)", start_page)
            runner.check("goalform-gui.exe: the example, 资金情况 tab (Alt+2, screenshot)", funds_tab)
            wine.wait()
    except CheckFailed as e:
        runner.failures.append("GUI on Xvfb")
        print(f"FAIL  GUI on Xvfb: {e}", flush=True)
    finally:
        with_null_display(wine)


def check_utf8_pipes(r: Runner, form: Path) -> str:
    """Fault 1 of issue 24: the English Windows' cp1252 cannot encode Chinese; UTF-8 mode writes UTF-8."""
    proc = subprocess.run([*r.launcher, str(r.exe), "show", str(form)], cwd=r.workdir, env=r.env,
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    if proc.returncode != 0:
        raise CheckFailed(f"exit {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-400:]}")
    try:
        text = proc.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        raise CheckFailed(f"`show` wrote no UTF-8 to the pipe ({e}): is UTF-8 mode off in the spec?") from None
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise CheckFailed("`show` printed no Chinese")
    return f"{len(text.splitlines())} lines of UTF-8 with Chinese, on a cp1252 Windows"


def leftovers(before: set[str], after: set[str], user_dir: str) -> list[str]:
    """Files the install and use left behind that are not the user's (Documents, the data folder)."""
    allowed = (
        f"{user_dir}/Documents",  # the clerk's forms
        f"{user_dir}/AppData/Local/goalform",  # working copies, settings: kept on purpose
        f"{user_dir}/AppData/Local/Temp",  # %TEMP% on Windows (the uninstaller's copy of itself
        f"{user_dir}/Temp",  # ... is removed from there after it ends); Wine 8's %TEMP%
        "windows/",  # Wine's own bookkeeping (fonts cache, logs)
        f"{user_dir}/AppData/Roaming/Microsoft/Windows/Recent",  # the shell's recent files
    )
    return sorted(p for p in after - before if not p.startswith(allowed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", type=Path, help="the setup .exe (default: the newest dist/goalform-*-setup.exe)")
    parser.add_argument("--screenshots", type=Path, default=WORK / "screenshots", help="where the screenshots go")
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefix (build/windows/check-prefix)")
    args = parser.parse_args(argv)

    if not shutil.which("wine") or not shutil.which("wineserver"):
        print(skip_line("wine is not installed (.ci/run installs it)"), flush=True)
        return 0
    setup = args.setup or newest_setup()
    if setup is None or not setup.is_file():
        print("no dist/goalform-*-setup.exe: run `make windows` first", file=sys.stderr)
        return 2
    version = project_version()
    begun = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)
    prefix = WORK / "check-prefix" if args.keep else Path(tempfile.mkdtemp(prefix="check-prefix-", dir=WORK))
    shutil.rmtree(prefix, ignore_errors=True)
    wine = Wine(prefix)
    work = Path(tempfile.mkdtemp(prefix="check-work-", dir=WORK))
    timings: dict[str, float] = {}
    runner = Runner(Path("wine"), {}, work)  # for check(); the program's runner comes after the install
    print(f"checking {setup.relative_to(ROOT) if setup.is_relative_to(ROOT) else setup} (goalform {version}) "
          "in a fresh Wine prefix", flush=True)
    try:
        try:
            started = time.monotonic()
            wine.boot()
            install_icuuc_stub(wine)  # WINE ONLY: Windows 10 has icuuc.dll; never in the installer
            real_user_folders(wine)
        except (Skip, CheckFailed, subprocess.TimeoutExpired) as e:
            print(skip_line(str(e)), flush=True)
            return 0
        print(f"ok    Wine prefix: Windows 10, null display, icuuc.dll stand-in ({time.monotonic() - started:.1f} s)",
              flush=True)
        before_files, before_keys = files_of(wine), goalform_keys(wine)
        runner.check("setup /VERYSILENT /CURRENTUSER installs", lambda: check_installed(wine, setup, work / "setup.log"))
        if runner.failures:
            return 1
        app = installed_app(wine)
        runner.check("Start-menu shortcut", lambda: check_shortcut(wine))
        runner.check(".goal association and icon in HKCU", lambda: check_association(wine))

        # The installed goalform.exe through the bundle's own checks (stdout/stderr piped: Wine 8).
        program = Runner(app / "goalform.exe", {**wine.env, "LANG": "C.UTF-8"}, work, launcher=("wine",))
        form = check_cli(program, version)
        program.check("piped output is UTF-8 (UTF-8 mode in the executables)", lambda: check_utf8_pipes(program, form))
        examples = sorted((ROOT / "examples").glob("*.goal"))
        check_export(program, [form, *examples])
        check_round_trip(program, examples)
        program.check("the bundle holds no Wine-only file (icuuc.dll)", lambda: _no_wine_only_files(app))
        runner.failures += program.failures

        user_dir = wine.user_dir()
        documents_form = user_dir / "Documents" / EXAMPLE.name
        documents_form.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(EXAMPLE, documents_form)
        check_gui(runner, wine, app, documents_form, args.screenshots.resolve(), timings)

        runner.check("unins000.exe /VERYSILENT removes the program, keeps the user's files", lambda: check_uninstall(wine))

        def nothing_left() -> str:
            rel_user = str(user_dir.relative_to(wine.prefix / "drive_c"))
            left = leftovers(before_files, files_of(wine), rel_user)
            keys = sorted(goalform_keys(wine) - before_keys)
            if left or keys:
                raise CheckFailed(f"left behind: files {left[:12]}, HKCU keys {keys[:12]}")
            return "only Documents\\*.goal and %LOCALAPPDATA%\\goalform remain"

        runner.check("after uninstalling, nothing is left but the user's files", nothing_left)
    finally:
        wine.wait()
        shutil.rmtree(work, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(prefix, ignore_errors=True)
            shutil.rmtree(prefix.with_name(prefix.name + "-home"), ignore_errors=True)
    if timings:
        print("start-up under Wine (2 shared cores): " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    if runner.failures:
        print(f"{len(runner.failures)} Windows check(s) failed: {', '.join(runner.failures)}", file=sys.stderr)
        return 1
    print(f"Windows program OK under Wine ({time.monotonic() - begun:.0f} s): installed, run, uninstalled; "
          f"screenshots in {args.screenshots}")
    return 0


def _no_wine_only_files(app: Path) -> str:
    found = [str(p.relative_to(app)) for p in app.rglob("*") if p.name.lower() in ("icuuc.dll", "icu.dll")]
    if found:
        raise CheckFailed(f"Wine-only files in the installed program: {found}")
    return f"{sum(1 for p in app.rglob('*') if p.is_file())} files installed; {SHORTCUT!r} checked above"


if __name__ == "__main__":
    sys.exit(main())
