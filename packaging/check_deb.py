"""Checks the .deb: its contents and Depends, then (as root) installs it with dpkg, runs it, purges it.

Usage: python packaging/check_deb.py [--deb FILE]   (part of ``make check-package``, after ``make package``)

Without root, or without dpkg, only the package's contents are checked and one loud SKIP line says
the install was not tried. As root: the packages named in Depends that this machine lacks are
installed first with apt-get (as `apt install ./goalform_*.deb` would), the folders the package
touches are listed, then `dpkg -i`, then `goalform --version`, `validate`, `export` and the GUI
(offscreen, and on X11 under Xvfb when xvfb-run is installed) run from /usr/bin/goalform with a
clean environment, the MIME type and menu entry are checked (`xdg-mime query default
application/x-goalform` when xdg-utils is installed, and the shared MIME database files), then
`dpkg --purge goalform` must leave those folders exactly as they were. A goalform package that was
already installed is left alone (skip).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when loaded by the tests
from check_bundle import DIST, ROOT, CheckFailed, Runner, clean_env, expect, project_version  # noqa: E402

# The folders the package installs into (and the caches dpkg's triggers rewrite there).
TOUCHED = ("/opt/goalform", "/usr/bin", "/usr/share/applications", "/usr/share/mime", "/usr/share/icons/hicolor",
           "/usr/share/doc/goalform")
EXPECTED_FILES = ("./opt/goalform/goalform", "./usr/bin/goalform", "./usr/share/applications/goalform.desktop",
                  "./usr/share/mime/packages/goalform.xml", "./usr/share/icons/hicolor/48x48/apps/goalform.png",
                  "./usr/share/icons/hicolor/48x48/mimetypes/application-x-goalform.png")
# The X11 platform plugin's libraries: what a fresh desktop lacked ("Could not load the Qt platform plugin").
MUST_DEPEND = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1", "libgl1")
MIME = "application/x-goalform"


def skip_line(reason: str) -> str:
    return f"SKIP  ***** .deb NOT INSTALLED: {reason} *****"


def newest_deb() -> Path | None:
    found = sorted(DIST.glob("goalform_*.deb"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def field(deb: Path, name: str) -> str:
    proc = subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def depends_list(deb: Path) -> list[str]:
    return [d.split("(")[0].strip() for d in field(deb, "Depends").split(",") if d.strip()]


def check_contents(deb: Path, version: str) -> str:
    if field(deb, "Version") != version or field(deb, "Package") != "goalform":
        raise CheckFailed(f"Package/Version: {field(deb, 'Package')} {field(deb, 'Version')}, expected goalform {version}")
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5] for line in listing.splitlines() if len(line.split()) >= 6}
    missing = [p for p in EXPECTED_FILES if p not in paths]
    if missing:
        raise CheckFailed(f"not in the package: {missing}")
    if "./usr/bin/goalform -> /opt/goalform/goalform" not in listing:
        raise CheckFailed("/usr/bin/goalform is not a link to /opt/goalform/goalform")
    owners = {line.split()[1] for line in listing.splitlines() if line.strip()}
    if owners != {"root/root"}:
        raise CheckFailed(f"files owned by {owners}, expected root/root")
    depends = depends_list(deb)
    lacking = [d for d in MUST_DEPEND if d not in depends]
    if lacking:
        raise CheckFailed(f"Depends lacks {lacking}: {depends}")
    return f"{len(paths)} entries; Depends: {len(depends)} packages incl. {', '.join(MUST_DEPEND[:3])}"


def listing(roots: tuple[str, ...]) -> set[str]:
    found = set()
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            found.update(os.path.join(dirpath, n) for n in dirnames + filenames)
        if os.path.lexists(root):
            found.add(root)
    return found


def is_installed(package: str) -> bool:
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return proc.returncode == 0 and "install ok installed" in proc.stdout


def install_dependencies(deb: Path) -> str:
    lacking = [d for d in depends_list(deb) if not is_installed(d)]
    if not lacking:
        return "all present"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    proc = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *lacking], env=env,
                          capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise CheckFailed(f"apt-get install {' '.join(lacking)}: {proc.stderr.strip()[-300:]}")
    return f"installed with apt-get: {' '.join(lacking)}"


def check_mime(r: Runner) -> str:
    notes = []
    if not shutil.which("update-mime-database"):
        return "skipped: shared-mime-info is not installed (its trigger builds the MIME database)"
    for path in ("/usr/share/mime/packages/goalform.xml", f"/usr/share/mime/{MIME}.xml"):
        if not Path(path).is_file():
            raise CheckFailed(f"{path} is missing (the shared-mime-info trigger did not run?)")
    if "*.goal" not in Path("/usr/share/mime/globs2").read_text(encoding="utf-8", errors="replace"):
        raise CheckFailed("*.goal is not in /usr/share/mime/globs2")
    notes.append(f"{MIME} in the MIME database (*.goal)")
    if shutil.which("xdg-mime"):
        env = {**r.env, "PATH": "/usr/bin:/bin", "XDG_DATA_DIRS": "/usr/local/share:/usr/share"}
        proc = subprocess.run(["xdg-mime", "query", "default", MIME], env=env, capture_output=True, text=True, timeout=60)
        if proc.stdout.strip() != "goalform.desktop":
            raise CheckFailed(f"xdg-mime query default {MIME}: {proc.stdout.strip()!r} {proc.stderr.strip()[-200:]}")
        notes.append(f"xdg-mime default: {proc.stdout.strip()}")
    else:
        notes.append("xdg-mime not installed (skipped)")
    desktop = Path("/usr/share/applications/goalform.desktop").read_text(encoding="utf-8")
    if f"MimeType={MIME};" not in desktop or "Exec=goalform %f" not in desktop:
        raise CheckFailed("the installed goalform.desktop does not open .goal files with goalform")
    return "; ".join(notes)


def run_installed(r: Runner, example: Path) -> None:
    r.check("/usr/bin/goalform --version", lambda: expect(r.run("--version")).strip())
    r.check(f"goalform validate {example.name}", lambda: _first(expect(r.run("validate", str(example)), (0, 1))))

    def export() -> str:
        out = r.workdir / "from-deb.docx"
        expect(r.run("export", str(example), "-o", str(out)))
        if not out.is_file() or out.stat().st_size == 0:
            raise CheckFailed("no .docx written")
        return f"{out.name}: {out.stat().st_size:,} bytes"

    r.check(f"goalform export {example.name} -> .docx", export)
    quit_env = {"GOALFORM_QUIT_AFTER_SHOW": "1"}
    r.check("GUI from the .deb, offscreen", lambda: _first(expect(r.run(str(example), extra_env=quit_env, timeout=90))) or "shown")
    if shutil.which("xvfb-run"):
        def on_x11() -> str:
            proc = subprocess.run(["xvfb-run", "-a", str(r.exe), str(example)], cwd=r.workdir, timeout=90,
                                  env={**r.env, **quit_env, "QT_QPA_PLATFORM": "xcb", "PATH": "/usr/bin:/bin"},
                                  capture_output=True, text=True, encoding="utf-8", errors="replace")
            return _first(expect(proc)) or "shown"

        r.check("GUI from the .deb on X11 (Xvfb)", on_x11)


def _first(text: str) -> str:
    return text.strip().splitlines()[0][:100] if text.strip() else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", type=Path, help="the .deb (default: newest in dist/)")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-deb"):
        print(skip_line("not a Debian-family system (no dpkg-deb)"), flush=True)
        return 0
    deb = args.deb or newest_deb()
    if deb is None or not deb.is_file():
        print("no .deb in dist/: run `make package` first", file=sys.stderr)
        return 2
    version = project_version()
    print(f"checking {deb.name} ({deb.stat().st_size / 2**20:.1f} MiB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="goalform-deb-check-") as tmp:
        workdir = Path(tmp) / "work"
        workdir.mkdir()
        r = Runner(Path("/usr/bin/goalform"), clean_env(Path(tmp) / "home"), workdir)
        r.check("package contents, owners and Depends", lambda: check_contents(deb, version))
        if os.geteuid() != 0:
            print(skip_line("not root (dpkg -i needs root)"), flush=True)
        elif is_installed("goalform"):
            print(skip_line("a goalform package is already installed on this machine; not touching it"), flush=True)
        else:
            install_check(r, deb)
    if r.failures:
        print(f"{len(r.failures)} .deb check(s) failed: {', '.join(r.failures)}", file=sys.stderr)
        return 1
    print(".deb OK")
    return 0


def install_check(r: Runner, deb: Path) -> None:
    try:  # as `apt install ./goalform_*.deb` would; no registry here is not the package's fault
        print(f"ok    the Depends this machine lacks, from the package registry: {install_dependencies(deb)}", flush=True)
    except (CheckFailed, OSError, subprocess.TimeoutExpired) as e:
        print(skip_line(f"its dependencies could not be installed: {e}"), flush=True)
        return
    before = listing(TOUCHED)
    installed = False
    try:
        def install() -> str:
            nonlocal installed
            started = time.monotonic()
            proc = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, timeout=600)
            installed = is_installed("goalform")
            if proc.returncode != 0 or not installed:
                raise CheckFailed(f"dpkg -i: exit {proc.returncode}: {proc.stderr.strip()[-400:]}")
            return f"{time.monotonic() - started:.1f} s"

        r.check("dpkg -i", install)
        if installed:
            example = ROOT / "examples" / "form-2026.goal"
            copy = r.workdir / example.name
            shutil.copy2(example, copy)
            run_installed(r, copy)
            r.check("MIME type and menu entry", lambda: check_mime(r))
    finally:
        if installed or is_installed("goalform"):
            def purge() -> str:
                proc = subprocess.run(["dpkg", "--purge", "goalform"], capture_output=True, text=True, timeout=600)
                if proc.returncode != 0:
                    raise CheckFailed(f"dpkg --purge: {proc.stderr.strip()[-400:]}")
                after = listing(TOUCHED)
                added, removed = sorted(after - before), sorted(before - after)
                if added or removed:
                    raise CheckFailed(f"left behind: {added[:8]}; gone: {removed[:8]}")
                if "goalform" in Path("/usr/share/mime/globs2").read_text(encoding="utf-8", errors="replace"):
                    raise CheckFailed("goalform's MIME type is still in the MIME database")
                return f"{len(before)} paths in {len(TOUCHED)} folders exactly as before"

            r.check("dpkg --purge goalform leaves nothing behind", purge)


if __name__ == "__main__":
    sys.exit(main())
