"""Installs the arm64 .deb with apt into a clean arm64 Debian 12 under qemu-user, runs it, removes it.

Usage (root; ``make check-package-arm64`` after ``make package-arm64``):
    python3 packaging/check_arm64.py [--deb dist/goalform_VERSION_arm64.deb]

Each run starts from the cached pristine debootstrap (packaging/arm64_chroot.py) seen through an
overlay, so the chroot is clean every time and the cache is never written. Inside it, as IT would:
`apt-get update`, `apt install ./goalform_VERSION_arm64.deb` (Depends and Recommends resolved by apt
from Debian's arm64 archive); then as an unprivileged user with a private HOME: `goalform --version`,
`validate`, `export` to .docx/.xlsx/.pdf (their text checked; the PDF's with pdftotext), the GUI
offscreen to its first frame (GOALFORM_QUIT_AFTER_SHOW=1); the MIME type, menu entry and icons;
then `apt purge goalform` and `apt autoremove --purge`: the installed packages and the folders the
package touches must be exactly as before. Without qemu-user-static, debootstrap or root: one SKIP
line, exit 0.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import arm64_chroot as chroot  # noqa: E402
from check_bundle import DIST, ROOT, CheckFailed, Runner, _holds_form_text, expect, project_version  # noqa: E402
from check_deb import EXPECTED_FILES, MIME, TOUCHED, _first  # noqa: E402

SKIP_WHAT = "arm64 .deb NOT CHECKED"
USER = "65534:65534"  # nobody: the program runs as a clerk would, not as root
WORK = "/tmp/work"
HOME = "/tmp/home"
EXAMPLE = ROOT / "examples" / "form-2026.goal"
EM_AARCH64 = 183


class ChrootRunner(Runner):
    """Runner (check_bundle.py) whose program runs inside the arm64 chroot as an unprivileged user."""

    def __init__(self, root: Path) -> None:
        env = {"HOME": HOME, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "GOALFORM_DATA_DIR": f"{HOME}/data",
               "QT_QPA_PLATFORM": "offscreen", "TMPDIR": HOME}
        super().__init__(Path("/usr/bin/goalform"), env, root / WORK.lstrip("/"))
        self.root = root
        self.chroot = shutil.which("chroot") or "/usr/sbin/chroot"

    def run(self, *args: str, timeout: float = 300, extra_env: dict[str, str] | None = None,
            exe: Path | None = None) -> subprocess.CompletedProcess[str]:
        cmd = [self.chroot, f"--userspec={USER}", str(self.root), "sh", "-c", 'cd "$0" && exec "$@"', WORK,
               str(exe or self.exe), *args]
        return subprocess.run(cmd, env={**self.env, **(extra_env or {})}, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)

    def host(self, inside: str) -> Path:
        return self.root / inside.lstrip("/")


def newest_deb() -> Path | None:
    found = sorted(DIST.glob("goalform_*_arm64.deb"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def listing(root: Path) -> set[str]:
    """The paths under the folders the package touches, as seen inside the chroot."""
    found = set()
    for folder in TOUCHED:
        top = root / folder.lstrip("/")
        if top.exists() or top.is_symlink():
            found.add(folder)
        for path in top.rglob("*") if top.is_dir() and not top.is_symlink() else ():
            found.add("/" + str(path.relative_to(root)))
    return found


def packages(root: Path) -> set[str]:
    out = chroot.in_chroot(root, ["dpkg-query", "-W", "-f=${Package}:${Architecture} ${Status}\\n"]).stdout
    return {line.split()[0] for line in out.splitlines() if line.endswith(" installed")}


def elf_machine(path: Path) -> int:
    with path.open("rb") as f:
        head = f.read(20)
    return int.from_bytes(head[18:20], "little") if head[:4] == b"\x7fELF" else -1


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def install(r: ChrootRunner, deb: Path) -> str:
    inside = f"/tmp/{deb.name}"
    shutil.copy2(deb, r.host(inside))
    started = time.monotonic()
    # A path with a slash is a file to apt, not a package name: `apt install ./x.deb` from /tmp.
    proc = chroot.in_chroot(r.root, [*chroot.APT, "install", inside], check=False, timeout=3600)
    if proc.returncode != 0:
        raise CheckFailed(f"apt install ./{deb.name}: {(proc.stdout + proc.stderr).strip()[-1500:]}")
    installed = [line.split()[1] for line in proc.stdout.splitlines() if line.startswith("Setting up ")]
    return f"{len(installed)} packages set up in {time.monotonic() - started:.0f} s (goalform and what apt resolved)"


def run_installed(r: ChrootRunner, version: str) -> dict[str, float]:
    timings: dict[str, float] = {}

    def timed(name: str, proc_fn) -> subprocess.CompletedProcess[str]:
        """Wall time, and the CPU time of the emulated process (what an idle machine's wall time nears)."""
        started, cpu = time.monotonic(), children_cpu()
        proc = proc_fn()
        timings[name] = time.monotonic() - started
        timings[f"{name} CPU"] = children_cpu() - cpu
        return proc

    def version_text() -> str:
        out = expect(timed("--version", lambda: r.run("--version"))).strip()
        if version not in out or "构建于" not in out:
            raise CheckFailed(f"--version says {out!r}: expected {version} and the build info")
        return f"{_first(out)} ({timings['--version']:.1f} s)"

    r.check("/usr/bin/goalform --version (arm64, as user nobody)", version_text)
    form = f"{WORK}/{EXAMPLE.name}"
    r.check(f"goalform validate {EXAMPLE.name}",
            lambda: _first(expect(timed("validate", lambda: r.run("validate", form)), (0, 1))))
    for fmt in ("docx", "xlsx", "pdf"):
        def export(fmt: str = fmt) -> str:
            out = f"{WORK}/from-arm64.{fmt}"
            expect(timed(f"export {fmt}", lambda: r.run("export", form, "-o", out)))
            _holds_form_text(r.host(out))
            checked = "text checked" + (" with pdftotext" if fmt == "pdf" else "")
            if fmt == "pdf" and not shutil.which("pdftotext"):
                checked = "font embedded; pdftotext not installed here: its text NOT checked"
            return f"{r.host(out).stat().st_size:,} bytes, {checked} ({timings[f'export {fmt}']:.1f} s)"

        r.check(f"goalform export {EXAMPLE.name} -> .{fmt}", export)

    def gui() -> str:
        proc = timed("GUI", lambda: r.run(form, extra_env={"GOALFORM_QUIT_AFTER_SHOW": "1"}, timeout=300))
        expect(proc)
        return f"first frame and quit in {timings['GUI']:.1f} s"

    r.check("GUI offscreen to its first frame", gui)
    if shutil.which("xvfb-run"):
        def on_x11() -> str:
            proc = timed("GUI on X11", lambda: on_xvfb(r, form))
            expect(proc)
            return f"Qt's xcb plugin and the libraries apt installed for it: first frame in {timings['GUI on X11']:.1f} s"

        r.check("GUI on X11 (Xvfb on this machine, the program in the chroot)", on_x11)
    return timings


def on_xvfb(r: ChrootRunner, form: str) -> subprocess.CompletedProcess[str]:
    """The GUI with QT_QPA_PLATFORM=xcb against an Xvfb of this machine (the X socket is abstract: the
    chroot reaches it); the X authority file is written where the chroot's user can read it."""
    auth = f"{HOME}/.Xauthority"
    inner = [r.chroot, f"--userspec={USER}", str(r.root), "sh", "-c", 'cd "$0" && exec "$@"', WORK,
             str(r.exe), form]
    cmd = ["xvfb-run", "-a", "-f", str(r.host(auth)), "-s", "-nolisten tcp", "sh", "-c",
           'chmod 644 "$0" && export XAUTHORITY="$1" && shift && exec "$@"', str(r.host(auth)), auth, *inner]
    env = {**r.env, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "xcb", "GOALFORM_QUIT_AFTER_SHOW": "1"}
    return subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=300)


def check_desktop(root: Path) -> str:
    for path in EXPECTED_FILES:
        if not (root / path.lstrip("./")).exists() and not (root / path.lstrip("./")).is_symlink():
            raise CheckFailed(f"{path[1:]} is not installed")
    if elf_machine(root / "opt/goalform/goalform") != EM_AARCH64:
        raise CheckFailed("/opt/goalform/goalform is not an arm64 (aarch64) program")
    globs = root / "usr/share/mime/globs2"
    if not globs.is_file() or "*.goal" not in globs.read_text(encoding="utf-8", errors="replace"):
        raise CheckFailed("*.goal is not in the MIME database (shared-mime-info's trigger did not run?)")
    cache = root / "usr/share/applications/mimeinfo.cache"
    if not cache.is_file() or f"{MIME}=goalform.desktop" not in cache.read_text(encoding="utf-8"):
        raise CheckFailed(f"{MIME} is not mapped to goalform.desktop in mimeinfo.cache (desktop-file-utils)")
    return f"{MIME} (*.goal) in the MIME database, opened by goalform.desktop; icons; aarch64 executable"


def remove(r: ChrootRunner, before: set[str], packages_before: set[str]) -> str:
    chroot.in_chroot(r.root, [*chroot.APT, "purge", "goalform"], timeout=1800)
    chroot.in_chroot(r.root, [*chroot.APT, "autoremove", "--purge"], timeout=1800)
    left = packages(r.root) - packages_before
    if left:
        raise CheckFailed(f"still installed after purge and autoremove: {sorted(left)[:10]}")
    after = listing(r.root)
    added, gone = sorted(after - before), sorted(before - after)
    if added or gone:
        raise CheckFailed(f"left behind: {added[:8]}; gone: {gone[:8]}")
    if (r.root / "opt/goalform").exists():
        raise CheckFailed("/opt/goalform is still there")
    return f"packages and {len(before)} paths in {', '.join(TOUCHED)} exactly as before"


def check(deb: Path, version: str, scratch: Path) -> tuple[list[str], dict[str, float]]:
    base = chroot.ensure_base()
    root = chroot.overlay(base, scratch)
    r = ChrootRunner(root)
    timings: dict[str, float] = {}
    with chroot.mounted(root, chroot.apt_binds()):
        r.check("a clean arm64 Debian 12 under qemu-user", lambda: f"uname -m: {chroot.machine(root)}, "
                f"{(root / 'etc/debian_version').read_text().strip()}, from {base}")
        r.check("apt-get update", lambda: _first(chroot.in_chroot(root, [*chroot.APT, "update"]).stdout[-200:]))
        before, packages_before = listing(root), packages(root)
        r.check(f"apt install ./{deb.name}", lambda: install(r, deb))
        if "goalform:arm64" not in packages(root):
            return r.failures or ["install"], timings
        for folder, owner in ((WORK, USER), (HOME, USER)):
            chroot.in_chroot(root, ["install", "-d", "-o", owner.split(":")[0], "-g", owner.split(":")[1], folder])
        shutil.copy2(EXAMPLE, r.host(f"{WORK}/{EXAMPLE.name}"))
        timings = run_installed(r, version)
        r.check("menu entry, MIME type, icons", lambda: check_desktop(root))
        r.check("apt purge goalform && apt autoremove --purge leave nothing behind",
                lambda: remove(r, before, packages_before))
    return r.failures, timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", type=Path, help="the arm64 .deb (default: newest in dist/)")
    args = parser.parse_args(argv)
    if reason := chroot.unavailable():
        print(chroot.skip_line(SKIP_WHAT, reason), flush=True)
        return 0
    deb = (args.deb or newest_deb() or Path("-")).resolve()
    if not deb.is_file():
        print("no dist/goalform_*_arm64.deb: run `make package-arm64` first", file=sys.stderr)
        return 2
    chroot.enter_private_namespace()
    print(f"checking {deb.name} ({deb.stat().st_size / 2**20:.1f} MiB) in arm64 Debian 12 under qemu-user", flush=True)
    started = time.monotonic()
    with chroot.locked("check"):
        (chroot.cache_dir() / "tmp").mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=chroot.cache_dir() / "tmp", prefix="check-") as tmp:
            try:
                failures, timings = check(deb, project_version(), Path(tmp))
            except (RuntimeError, subprocess.TimeoutExpired) as e:  # no debootstrap, no apt in the chroot
                print(f"FAIL  the arm64 chroot: {e}", flush=True)
                failures, timings = ["chroot"], {}
            finally:
                chroot.unmount_under(Path(tmp))
    if timings:
        print("under emulation (wall / CPU): " + ", ".join(f"{k} {v:.1f} / {timings[k + ' CPU']:.1f} s"
                                                       for k, v in timings.items() if not k.endswith(" CPU")),
              flush=True)
    if failures:
        print(f"{len(failures)} arm64 check(s) failed: {', '.join(failures)}", file=sys.stderr)
        return 1
    print(f"arm64 .deb OK ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
