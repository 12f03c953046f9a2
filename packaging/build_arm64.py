"""Builds dist/goalform_VERSION_arm64.deb on an x86-64 machine: build.py run inside an arm64 Debian 12 chroot.

Usage (root; ``make package-arm64``):  python3 packaging/build_arm64.py

The chroot (packaging/arm64_chroot.py) runs arm64 programs under qemu-user. The build chroot is the
cached pristine base plus Debian's python3, binutils (PyInstaller strips with them) and the
libraries Qt's plugins load, with a virtual environment /opt/venv holding goalform's dependencies
and PyInstaller from PyPI (arm64 wheels only, nothing compiled); it is made once and made again
only when that list changes. Each build copies the checkout's files into the chroot's /src and runs
the same ``packaging/build.py`` as ``make package`` (PyInstaller with packaging/goalform.spec, then
packaging/deb.py), so the arm64 .deb has exactly the amd64 .deb's layout; its Depends are found
with ldd and dpkg -S inside the arm64 Debian. Why this way and not Debian's python3 with the
wheels: packaging/README.md ("The arm64 .deb").

Without qemu-user-static, debootstrap or root: one SKIP line, exit 0.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import arm64_chroot as chroot  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
VENV = "/opt/venv"
# Debian packages of the build chroot: Python, PyInstaller's binutils, and every library the kept Qt
# plugins (xcb, wayland, offscreen) link, so that PyInstaller and deb.py resolve them all.
BUILD_PACKAGES = (
    "python3", "python3-venv", "libpython3.11", "binutils", "ca-certificates",
    "libgl1", "libegl1", "libopengl0", "libfontconfig1", "libfreetype6", "libglib2.0-0", "libdbus-1-3",
    "libxkbcommon0", "libxkbcommon-x11-0", "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0",
    "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0",
    "libxcb-render0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0",
    "libxcb-xkb1", "libxcb-xinerama0", "libxcb-glx0", "libsm6", "libice6", "libwayland-client0",
    "libwayland-cursor0", "libwayland-egl1",
)
SKIP_WHAT = "NO arm64 .deb BUILT"


def requirements() -> list[str]:
    """goalform's dependencies and the `package` extra, from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["package"]]


def key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def ensure_build_root(base: Path) -> Path:
    """The build chroot, made from base when missing or when its package lists changed.

    Two steps, each remembered in the folder being made: Debian's packages (the slow part under
    qemu), then the virtual environment from PyPI; a run cut short resumes at the step it was in.
    """
    cache = chroot.cache_dir()
    root, stamp = cache / "build", cache / "build" / ".goalform-build-root"
    # The month is part of the key: the libraries the bundle carries from Debian (libpython, libstdc++,
    # libexpat, ...) are fetched again, with their security updates, at least once a month.
    apt_key = key(chroot.SUITE, chroot.sources_list(), time.strftime("%Y-%m"), *BUILD_PACKAGES)
    full_key = key(apt_key, *requirements())
    if stamp.is_file() and stamp.read_text().strip() == full_key:
        return root
    started = time.monotonic()
    print("making the arm64 build chroot (Python, binutils, Qt's libraries, PyInstaller; once)", flush=True)
    partial, apt_stamp = cache / "build.partial", cache / "build.partial" / ".goalform-apt-done"
    try:
        if not (apt_stamp.is_file() and apt_stamp.read_text().strip() == apt_key):
            chroot.copy_tree(base, partial)
            with chroot.mounted(partial, chroot.apt_binds()):
                chroot.in_chroot(partial, [*chroot.APT, "update"], echo=True)
                chroot.in_chroot(partial, [*chroot.APT, "install", "--no-install-recommends", *BUILD_PACKAGES],
                                 echo=True)
            apt_stamp.write_text(apt_key + "\n")
        with chroot.mounted(partial, {cache / "pip": "/root/.cache/pip"}):
            shutil.rmtree(partial / VENV.lstrip("/"), ignore_errors=True)
            chroot.in_chroot(partial, ["python3", "-m", "venv", VENV], echo=True)
            chroot.in_chroot(partial, [f"{VENV}/bin/python", "-m", "pip", "install", "--quiet",
                                       "--only-binary=:all:", *requirements()], env=chroot.pip_env(partial), echo=True)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        raise SystemExit(f"could not make the arm64 build chroot: {e}") from e
    (partial / stamp.name).write_text(full_key + "\n")
    shutil.rmtree(root, ignore_errors=True)
    partial.rename(root)
    print(f"arm64 build chroot made in {time.monotonic() - started:.0f} s", flush=True)
    return root


def source_files() -> list[str]:
    """The checkout's files (tracked and new, not ignored): what a clean clone would build."""
    proc = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"git ls-files failed in {ROOT}: {proc.stderr.strip()}")
    return [name for name in proc.stdout.split("\0") if name and (ROOT / name).is_file()]


def copy_sources(target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    for name in source_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)


def host_commit() -> str:
    sys.path.insert(0, str(HERE))
    from build import git_commit  # packaging/build.py: the same commit text as the amd64 bundle

    return git_commit()


def build(root: Path) -> Path:
    """Run packaging/build.py in the chroot; return the .deb it wrote (inside root)."""
    copy_sources(root / "src")
    env = {**chroot.CHROOT_ENV, "GOALFORM_COMMIT": host_commit(), "PYTHONUNBUFFERED": "1"}
    with chroot.mounted(root, {**chroot.apt_binds(), chroot.cache_dir() / "pip": "/root/.cache/pip"}):
        print(f"+ [arm64 {chroot.machine(root)}] {VENV}/bin/python packaging/build.py --no-archive", flush=True)
        proc = subprocess.run(["chroot", str(root), "sh", "-c",
                               f"cd /src && exec {VENV}/bin/python packaging/build.py --no-archive"], env=env)
    if proc.returncode != 0:
        raise SystemExit(f"build.py failed in the arm64 chroot (exit {proc.returncode})")
    debs = sorted((root / "src" / "dist").glob("goalform_*_arm64.deb"))
    if len(debs) != 1:
        raise SystemExit(f"expected one goalform_*_arm64.deb in the chroot's dist/, found {debs}")
    return debs[0]


def main() -> int:
    if reason := chroot.unavailable():
        print(chroot.skip_line(SKIP_WHAT, reason), flush=True)
        return 0
    chroot.enter_private_namespace()
    started = time.monotonic()
    with chroot.locked("build"):
        try:
            base = chroot.ensure_base()
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            raise SystemExit(f"could not make the arm64 Debian 12 (network to {chroot.MIRROR}?): {e}") from e
        root = ensure_build_root(base)
        prepared = time.monotonic()
        deb = build(root)
        DIST.mkdir(exist_ok=True)
        shutil.copy2(deb, DIST / deb.name)
    sys.path.insert(0, str(HERE))
    from deb import glibc_floor

    floor, needer = glibc_floor(root / "src" / "dist" / "goalform")
    print(f"arm64 deb: dist/{deb.name}  {deb.stat().st_size / 2**20:.1f} MiB; glibc floor {floor} ({needer}); "
          f"chroot ready in {prepared - started:.0f} s, build {time.monotonic() - prepared:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
