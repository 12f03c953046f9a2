"""An arm64 Debian 12 chroot on an x86-64 machine (qemu-user + binfmt_misc), cached between runs.

Used by build_arm64.py (``make package-arm64``) and check_arm64.py (``make check-package-arm64``).

- ``unavailable()`` says in one line why arm64 programs cannot run here (not Linux, not root, no
  qemu-user-static, debootstrap, unshare or chroot, binfmt_misc not mountable); '' when they can.
  It mounts binfmt_misc and enables Debian's qemu-aarch64 entry when they are not yet.
- ``enter_private_namespace()`` re-runs the calling script in its own mount namespace (unshare), so
  every mount made for a chroot (proc, dev, overlay, bind mounts of the caches) disappears with the
  process, also after a kill -9: nothing is ever left mounted on the machine.
- The cache (``GOALFORM_ARM64_CACHE``, default /var/cache/goalform-arm64) holds ``base/``, a pristine
  ``debootstrap --arch=arm64 --variant=minbase bookworm`` (made once, ~5 min, never changed
  afterwards), ``build/`` (the build chroot: base + Python + PyInstaller, made by build_arm64.py),
  ``apt-archives/`` (the downloaded .debs), ``pip/`` (pip's cache, where the index lets pip cache)
  and a lock so two runs never share a chroot at once.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

SUITE = "bookworm"
MIRROR = os.environ.get("GOALFORM_DEBIAN_MIRROR", "http://deb.debian.org/debian")
SECURITY = os.environ.get("GOALFORM_DEBIAN_SECURITY", "http://deb.debian.org/debian-security")
BINFMT = Path("/proc/sys/fs/binfmt_misc")
QEMU_ENTRY = BINFMT / "qemu-aarch64"
BASE_STAMP = ".goalform-base-complete"
NAMESPACE_MARK = "GOALFORM_ARM64_NAMESPACE"
# What the chroot's programs see: nothing of this machine's environment (its PATH, Python, proxies).
CHROOT_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME": "/root",
    "LANG": "C.UTF-8",
    "DEBIAN_FRONTEND": "noninteractive",
}
APT = ["apt-get", "-q", "-y", "-o", "Dpkg::Use-Pty=0", "-o", "Acquire::Retries=3"]


def cache_dir() -> Path:
    if env := os.environ.get("GOALFORM_ARM64_CACHE"):
        return Path(env)
    if os.geteuid() == 0:
        return Path("/var/cache/goalform-arm64")
    return Path.home() / ".cache" / "goalform-arm64"


def skip_line(what: str, reason: str) -> str:
    return f"SKIP  ***** {what}: {reason} *****"


def unavailable() -> str:
    """Why arm64 Debian cannot be run here ('' when it can); enables qemu's binfmt entry if needed."""
    if not sys.platform.startswith("linux"):
        return "not Linux"
    if os.geteuid() != 0:
        return "not root (debootstrap, chroot and mounts need root)"
    if not (shutil.which("qemu-aarch64-static") or Path("/usr/libexec/qemu-binfmt/aarch64-binfmt-P").exists()):
        return "qemu-user-static is not installed (apt-get install qemu-user-static binfmt-support)"
    for tool, package in (("debootstrap", "debootstrap"), ("unshare", "util-linux"), ("chroot", "coreutils")):
        if not shutil.which(tool):
            return f"{tool} is not installed (apt-get install {package})"
    if not (BINFMT / "status").exists():
        proc = subprocess.run(["mount", "-t", "binfmt_misc", "binfmt_misc", str(BINFMT)], capture_output=True,
                              text=True)
        if proc.returncode != 0:
            return f"binfmt_misc cannot be mounted: {proc.stderr.strip()}"
    if not QEMU_ENTRY.exists() and shutil.which("update-binfmts"):
        subprocess.run(["update-binfmts", "--enable", "qemu-aarch64"], capture_output=True)
    if not QEMU_ENTRY.exists():
        return "no qemu-aarch64 entry in binfmt_misc (apt-get install binfmt-support qemu-user-static)"
    entry = QEMU_ENTRY.read_text()
    if not entry.startswith("enabled"):
        return "the qemu-aarch64 entry of binfmt_misc is disabled (update-binfmts --enable qemu-aarch64)"
    if "F" not in next((line for line in entry.splitlines() if line.startswith("flags:")), ""):
        # Without F the interpreter path is opened inside the chroot, where it does not exist.
        return "the qemu-aarch64 entry of binfmt_misc lacks the F flag (use Debian's qemu-user-static)"
    return ""


def enter_private_namespace() -> None:
    """Re-run this script in a private mount namespace (returns only inside it)."""
    if os.environ.get(NAMESPACE_MARK) == "1":
        return
    env = {**os.environ, NAMESPACE_MARK: "1"}
    sys.stdout.flush()
    os.execvpe("unshare", ["unshare", "--mount", "--propagation", "private", "--", sys.executable,
                           *sys.argv], env)


@contextlib.contextmanager
def locked(what: str) -> Iterator[None]:
    """One arm64 build or check at a time on this machine (they share the cache)."""
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / "lock", "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another arm64 build or check to finish ({cache / 'lock'}) before the {what}",
                  flush=True)
            fcntl.flock(f, fcntl.LOCK_EX)
        yield


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """A host command; raises with its output's tail when it fails."""
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", **kwargs)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:6])}: exit {proc.returncode}\n{(proc.stdout + proc.stderr)[-2000:]}")
    return proc


def sources_list() -> str:
    return (f"deb {MIRROR} {SUITE} main\n"
            f"deb {MIRROR} {SUITE}-updates main\n"
            f"deb {SECURITY} {SUITE}-security main\n")


def ensure_base() -> Path:
    """The pristine arm64 Debian 12 (minbase), made once with debootstrap and reused."""
    cache = cache_dir()
    base = cache / "base"
    if (base / BASE_STAMP).is_file():
        return base
    partial = cache / "base.partial"
    shutil.rmtree(base, ignore_errors=True)
    shutil.rmtree(partial, ignore_errors=True)
    started = time.monotonic()
    print(f"debootstrap --arch=arm64 --variant=minbase {SUITE} into {base} (once; ~5 min under qemu)", flush=True)
    run(["debootstrap", "--arch=arm64", "--variant=minbase", SUITE, str(partial), MIRROR], timeout=3600)
    (partial / "etc" / "apt" / "sources.list").write_text(sources_list())
    (partial / BASE_STAMP).write_text(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {SUITE} arm64 minbase\n")
    partial.rename(base)
    print(f"arm64 base made in {time.monotonic() - started:.0f} s", flush=True)
    return base


def copy_tree(source: Path, target: Path) -> None:
    """cp -a (hard links, devices, xattrs kept: a root filesystem)."""
    shutil.rmtree(target, ignore_errors=True)
    run(["cp", "-a", "--reflink=auto", str(source), str(target)])


def overlay(base: Path, scratch: Path) -> Path:
    """A writable copy-on-write view of base (base itself is never written): scratch/root."""
    for name in ("upper", "work", "root"):
        (scratch / name).mkdir(parents=True, exist_ok=True)
    run(["mount", "-t", "overlay", "overlay", "-o",
         f"lowerdir={base},upperdir={scratch / 'upper'},workdir={scratch / 'work'}", str(scratch / "root")])
    return scratch / "root"


def mount_system(root: Path, binds: dict[Path, str] | None = None) -> None:
    """/proc, /dev, a fresh /tmp, the host's DNS, and the given host folders at their paths inside."""
    run(["mount", "-t", "proc", "proc", str(root / "proc")])
    run(["mount", "--rbind", "/dev", str(root / "dev")])
    run(["mount", "-t", "tmpfs", "-o", "mode=1777", "tmpfs", str(root / "tmp")])
    resolv = Path("/etc/resolv.conf")
    if resolv.exists():
        target = root / "etc" / "resolv.conf"
        if target.is_symlink() or not target.exists():
            target.unlink(missing_ok=True)
            target.write_text("")
        run(["mount", "--bind", str(resolv.resolve()), str(target)])
    for host, inside in (binds or {}).items():
        host.mkdir(parents=True, exist_ok=True)
        target = root / inside.lstrip("/")
        target.mkdir(parents=True, exist_ok=True)
        run(["mount", "--bind", str(host), str(target)])


def unmount_under(root: Path) -> None:
    """Unmount everything mounted at or below root, innermost first."""
    prefix = str(root.resolve())
    points = [line.split()[1].replace("\\040", " ") for line in Path("/proc/self/mounts").read_text().splitlines()]
    for point in sorted((p for p in points if p == prefix or p.startswith(prefix + "/")), key=len, reverse=True):
        subprocess.run(["umount", "--lazy", point], capture_output=True)


@contextlib.contextmanager
def mounted(root: Path, binds: dict[Path, str] | None = None) -> Iterator[Path]:
    """mount_system() for the duration of a with block."""
    try:
        mount_system(root, binds)
        yield root
    finally:
        unmount_under(root)


def in_chroot(root: Path, cmd: list[str], *, env: dict[str, str] | None = None, user: str = "",
              timeout: float = 3600, check: bool = True, echo: bool = False) -> subprocess.CompletedProcess[str]:
    """Run cmd inside root (as user 'uid:gid' when given) with CHROOT_ENV plus env."""
    full = ["chroot", *([f"--userspec={user}"] if user else []), str(root), *cmd]
    if echo:
        print("+ [arm64]", " ".join(cmd), flush=True)
    started = time.monotonic()
    proc = subprocess.run(full, env={**CHROOT_ENV, **(env or {})}, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=timeout)
    if echo:
        print(f"  ({time.monotonic() - started:.0f} s)", flush=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"[arm64] {' '.join(cmd)}: exit {proc.returncode}\n{(proc.stdout + proc.stderr)[-3000:]}")
    return proc


def apt_binds() -> dict[Path, str]:
    """Downloaded .debs kept between runs (the chroots' own caches would be thrown away)."""
    return {cache_dir() / "apt-archives": "/var/cache/apt/archives"}


def machine(root: Path) -> str:
    """`uname -m` inside: aarch64 proves the programs there run under qemu as arm64."""
    return in_chroot(root, ["uname", "-m"]).stdout.strip()


def pip_env(root: Path) -> dict[str, str]:
    """pip inside the chroot reaches PyPI the way this machine does: its CA bundle (a TLS-inspecting
    proxy's certificate lives there, not in the chroot's ca-certificates), proxy and index settings."""
    env = {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_DEFAULT_TIMEOUT": "120"}
    ca = next((Path(c) for c in (os.environ.get("PIP_CERT"), os.environ.get("SSL_CERT_FILE"),
                                 "/etc/ssl/certs/ca-certificates.crt") if c and Path(c).is_file()), None)
    if ca is not None:
        shutil.copy2(ca, root / "etc" / "ssl" / "goalform-host-ca.crt")
        env["PIP_CERT"] = env["SSL_CERT_FILE"] = "/etc/ssl/goalform-host-ca.crt"
    for name in ("PIP_INDEX_URL", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        if os.environ.get(name, "").startswith(("http://", "https://")) or (name.lower() == "no_proxy"
                                                                              and os.environ.get(name)):
            env[name] = os.environ[name]
    return env
