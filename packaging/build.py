"""Builds the one-folder goalform bundle in dist/goalform/, and its Linux .tar.gz or Windows installer.

Usage (from the project's virtual environment with the ``package`` extra installed):
    python packaging/build.py [--no-archive] [--installer]

Steps: install goalform without dependencies into build/stage (exactly the wheel's files, so
goalform.resources is a real package there), write goalform/_build.py with the build date and
commit, run PyInstaller on packaging/goalform.spec, then on Linux pack dist/goalform-VERSION-linux-
ARCH.tar.gz and dist/goalform_VERSION_ARCH.deb (packaging/deb.py, when dpkg-deb is installed), on
Windows (with --installer) run Inno Setup's ISCC on packaging/windows/goalform.iss.
Prints the bundle's size and the time taken.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STAGE = ROOT / "build" / "stage"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
BUNDLE = DIST / "goalform"
LINUX_FILES = ("goalform.desktop", "goalform-mime.xml", "install.sh")
UNRESOLVED = re.compile(r"Library not found: could not resolve '([^']+)', dependency of '([^']+)'")


def run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def git_commit() -> str:
    """The short commit hash, with '-dirty' when the tree has uncommitted changes; '' without git.

    $GOALFORM_COMMIT wins: the Windows build under Wine (packaging/wine_build.py) has no git inside, nor
    the arm64 chroot of packaging/build_arm64.py.
    """
    if "GOALFORM_COMMIT" in os.environ:
        return os.environ["GOALFORM_COMMIT"]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return commit + ("-dirty" if dirty else "")


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def stage() -> str:
    """Install goalform (no dependencies) into build/stage and return its version."""
    shutil.rmtree(STAGE, ignore_errors=True)
    run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-compile", "--target", str(STAGE), str(ROOT)],
        env={**os.environ, "PYTHONWARNINGS": "ignore"})  # setuptools deprecation notices are not ours to act on here
    # pip's notes about this install (the build machine's source path, console-script wrappers)
    # have no place in a bundle handed to other PCs.
    shutil.rmtree(STAGE / "bin", ignore_errors=True)
    for note in STAGE.glob("goalform-*.dist-info/direct_url.json"):
        note.unlink()
    return staged_version()


def staged_version() -> str:
    """The version of the goalform staged in build/stage."""
    sys.path.insert(0, str(STAGE))
    from importlib import metadata

    dists = [d for d in metadata.distributions(path=[str(STAGE)]) if d.metadata["Name"] == "goalform"]
    if len(dists) != 1:
        raise SystemExit(f"expected one goalform distribution in {STAGE}, found {len(dists)}")
    return dists[0].version


def write_build_info(version: str) -> None:
    """goalform/_build.py in the stage: read by goalform.buildinfo (the 关于 dialog, --version)."""
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    text = (
        '"""Written by packaging/build.py when the bundle was built; absent in a source checkout."""\n'
        f"VERSION = {version!r}\n"
        f"DATE = {now.isoformat().replace('+00:00', 'Z')!r}\n"
        f"COMMIT = {git_commit()!r}\n"
        f"PLATFORM = {f'{sys.platform}-{arch()}'!r}\n"
        f"PYTHON = {platform.python_version()!r}\n"
    )
    (STAGE / "goalform" / "_build.py").write_text(text, encoding="utf-8")


def pyinstaller() -> list[tuple[str, str]]:
    """Run the spec; return (library, needed by) for each library PyInstaller could not find."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "goalform.spec")]
    print("+", " ".join(cmd), flush=True)
    unresolved = []
    with subprocess.Popen(cmd, env={**os.environ, "GOALFORM_STAGE": str(STAGE)}, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace") as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            if m := UNRESOLVED.search(line):
                unresolved.append((m[1], Path(m[2]).name))
    if proc.returncode:
        raise SystemExit(f"PyInstaller failed (exit {proc.returncode})")
    return unresolved


def warn_missing_libraries(unresolved: list[tuple[str, str]]) -> None:
    """Libraries that something *in the bundle* needs but this machine lacks (Linux: install and rebuild).

    Those of plugins the spec drops (GTK's, for the gtk3 theme) do not matter and are not shown.
    """
    bundled = {p.name for p in BUNDLE.rglob("*")}
    missing = sorted({(lib, user) for lib, user in unresolved if user in bundled and lib not in bundled})
    for lib, user in missing:
        print(f"warning: {lib} (needed by the bundled {user}) is not on this build machine and not in the "
              "bundle; the bundle then relies on the target PC's copy. Install it and rebuild "
              "(Debian: apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0).", file=sys.stderr)


def linux_archive(version: str) -> Path:
    """dist/goalform-VERSION-linux-ARCH.tar.gz: the bundle plus the desktop integration in linux/."""
    target = BUNDLE / "linux"
    target.mkdir(exist_ok=True)
    for name in LINUX_FILES:
        shutil.copy2(HERE / "linux" / name, target / name)
    archive = DIST / f"goalform-{version}-linux-{arch()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname="goalform")
    return archive


def windows_installer(version: str) -> Path:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"
    if iscc is None and default.exists():
        iscc = str(default)
    if iscc is None:
        raise SystemExit("Inno Setup 6 (ISCC.exe) not found: install it or put it on PATH")
    run([iscc, f"/DAppVersion={version}", str(HERE / "windows" / "goalform.iss")])
    return DIST / f"goalform-{version}-setup.exe"


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="skip the Linux .tar.gz")
    parser.add_argument("--installer", action="store_true", help="Windows: also build the Inno Setup installer")
    parser.add_argument("--no-deb", action="store_true", help="skip the Linux .deb")
    parser.add_argument("--staged", action="store_true",
                        help="use the goalform already staged in build/stage (a Python without pip: under Wine)")
    parser.add_argument("--dist", type=Path, help="write the bundle into DIR/goalform instead of dist/goalform")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder instead of build/pyinstaller")
    args = parser.parse_args(argv)
    global DIST, BUNDLE, WORK
    if args.dist:
        DIST, BUNDLE = args.dist.resolve(), args.dist.resolve() / "goalform"
    if args.work:
        WORK = args.work.resolve()

    started = time.monotonic()
    version = staged_version() if args.staged else stage()
    write_build_info(version)
    unresolved = pyinstaller()
    if sys.platform.startswith("linux"):  # on Windows the unresolved ones are the system's API sets (UCRT)
        warn_missing_libraries(unresolved)
    built = time.monotonic()
    print(f"bundle:    {BUNDLE.relative_to(ROOT)}  {mib(size_of(BUNDLE))}  (goalform {version}, "
          f"built in {built - started:.0f} s)")
    if sys.platform.startswith("linux") and not args.no_archive:
        archive = linux_archive(version)
        print(f"archive:   {archive.relative_to(ROOT)}  {mib(size_of(archive))}  "
              f"({time.monotonic() - built:.0f} s)")
    if sys.platform.startswith("linux") and not args.no_deb:
        if shutil.which("dpkg-deb") and shutil.which("dpkg"):
            from deb import build_deb  # packaging/deb.py, beside this script

            started_deb = time.monotonic()
            deb, depends, notes = build_deb(BUNDLE, version, DIST)
            print(f"deb:       {deb.relative_to(ROOT)}  {mib(size_of(deb))}  ({time.monotonic() - started_deb:.0f} s)")
            print(f"           Depends: {', '.join(depends)}")
            for note in notes:
                print(f"           note: {note}")
        else:
            print("SKIP  ***** NO .deb BUILT: dpkg-deb is not installed (not a Debian-family system) *****")
    if sys.platform == "win32" and args.installer:
        installer = windows_installer(version)
        print(f"installer: {installer.relative_to(ROOT)}  {mib(size_of(installer))}")
    print(f"total time: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
