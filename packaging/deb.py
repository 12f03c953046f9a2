"""The .deb for Debian-family desktops (Debian, Ubuntu, 统信 UOS, 银河麒麟): built from dist/goalform/.

Called by build.py on Linux when dpkg-deb is there (``make package``); no Python dependency.

Contents: the bundle in /opt/goalform, /usr/bin/goalform (a symlink: the bundle finds itself
through /proc/self/exe), the menu entry, the MIME type application/x-goalform (*.goal) and the
icons under /usr/share. The MIME, desktop and icon caches are refreshed by the dpkg triggers of
shared-mime-info, desktop-file-utils and hicolor-icon-theme, so there are no maintainer scripts.

Depends: is derived at build time. ``ldd`` on every ELF file of the bundle (with the bundle's
own folder searched first, as its launcher does) lists the libraries that come from the system
(libc, libGL/libEGL, libxcb, ...); the libraries Qt's X11 platform plugin needs (libxcb-cursor0,
libxcb-icccm4, ... which PyInstaller copied into the bundle) are listed as well, so a bundle built
on a machine that lacked one still works and the system copies get security updates. Each
library is mapped to its package with ``dpkg -S``; where that fails, by Debian's naming rule for
library packages (libfoo.so.1 -> libfoo1, libfoo-x11.so.0 -> libfoo-x11-0).
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
XCB_PLUGIN = Path("_internal/PySide6/Qt/plugins/platforms/libqxcb.so")
XCB_QPA = Path("_internal/libQt6XcbQpa.so.6")
# Fonts are data, not linked: without a CJK font the form's Chinese shows as boxes.
RECOMMENDS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"
DESCRIPTION = """\
部门整体绩效目标表 (department overall performance-target form)
 goalform fills in, checks and exports the 部门整体绩效目标表 of a
 department budget: a desktop program (Qt) and a command line
 (goalform validate, export, summarize ...). Self-contained: Python and
 Qt are in /opt/goalform."""


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def ldd(path: Path, bundle: Path) -> dict[str, str | None]:
    """soname -> resolved path (None when not found), as the bundle's launcher would load it."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
    proc = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True)
    found: dict[str, str | None] = {}
    for line in proc.stdout.splitlines():
        if m := re.match(r"\s*(\S+) => (not found|(\S+) \(0x[0-9a-f]+\))", line):
            found[m[1]] = None if m[2] == "not found" else m[3]
    return found


def system_libraries(bundle: Path) -> tuple[set[str], set[str]]:
    """(paths of system libraries the bundle loads, sonames nothing provides)."""
    internal = str((bundle / "_internal").resolve())
    system, missing = set(), set()
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        for soname, resolved in ldd(path, bundle).items():
            if resolved is None:
                if not (bundle / "_internal" / soname).exists():
                    missing.add(soname)
            elif not str(Path(resolved).resolve()).startswith(internal):
                system.add(resolved)
    return system, missing


def needed(path: Path) -> list[str]:
    """DT_NEEDED of a 64-bit little-endian ELF file: the libraries it links directly (not transitively)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads, dynamic = [], None
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if p_type == 1:  # PT_LOAD
            loads.append((vaddr, offset, filesz))
        elif p_type == 2:  # PT_DYNAMIC
            dynamic = (offset, filesz)
    if dynamic is None:
        return []
    entries, strtab = [], None
    for pos in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, pos)
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            entries.append(value)
        elif tag == 5:  # DT_STRTAB, a virtual address
            strtab = next((off + value - va for va, off, size in loads if va <= value < va + size), None)
    if strtab is None:
        return []
    return [data[strtab + e:data.index(b"\0", strtab + e)].decode() for e in entries]


def xcb_plugin_libraries(bundle: Path) -> set[str]:
    """Sonames of the non-Qt libraries Qt's xcb plugin and its QPA library link (bundled or not)."""
    names = set()
    for part in (XCB_PLUGIN, XCB_QPA):
        if (bundle / part).is_file():
            names |= {s for s in needed(bundle / part) if not s.startswith(("libQt6", "ld-linux", "libc.so",
                                                                            "libm.so", "libstdc++", "libgcc_s"))}
    return names


def package_by_rule(soname: str) -> str:
    """Debian policy 8.1: libfoo.so.1 -> libfoo1, libfoo-2.so.0 -> libfoo-2-0 (the GUI's own hint uses it too)."""
    from goalform.ui.app.display_check import debian_package

    return debian_package(soname)


def owning_package(path_or_soname: str) -> str:
    """The installed package that owns a library file (dpkg -S), '' when dpkg does not know it."""
    candidates = [path_or_soname]
    if path_or_soname.startswith("/"):
        real = os.path.realpath(path_or_soname)
        candidates += [real]
        for p in list(candidates):  # merged /usr: dpkg may know either spelling
            candidates += [p[4:]] if p.startswith("/usr/lib") else ["/usr" + p] if p.startswith("/lib") else []
    else:
        candidates = [f"*/{path_or_soname}"]
    for candidate in candidates:
        proc = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if proc.returncode == 0 and proc.stdout:
            package = proc.stdout.splitlines()[0].split(":", 1)[0].split(",")[0].strip()
            return package
    return ""


def depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends: entries, notes about libraries that could not be mapped)."""
    system, missing = system_libraries(bundle)
    packages: dict[str, str] = {}
    notes = [f"{soname}: not on this build machine, depended on as {package_by_rule(soname)}" for soname in sorted(missing)]
    for path in sorted(system):
        package = owning_package(path) or package_by_rule(Path(path).name)
        if package:
            packages.setdefault(package, path)
        else:
            notes.append(f"{path}: no package found")
    for soname in sorted(xcb_plugin_libraries(bundle) | missing):
        package = owning_package(soname) or package_by_rule(soname)
        if package:
            packages.setdefault(package, soname)
    entries = []
    for package in sorted(packages):
        if package == "libc6":  # the newest glibc symbol version any bundled file needs (else: this glibc)
            version = glibc_floor(bundle)[0] or glibc_version()
            entries.append(f"libc6 (>= {version})" if version else "libc6")
        else:
            entries.append(package)
    return entries, notes


GLIBC_LIBRARIES = ("libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1")


def version_needs(path: Path) -> set[tuple[str, str]]:
    """(library, symbol version) pairs of a 64-bit little-endian ELF file's .gnu.version_r section.

    What the dynamic linker demands of the libraries: ('libc.so.6', 'GLIBC_2.34') means the file
    does not load on a glibc older than 2.34, whatever glibc it was built on.
    """
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return set()
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    found = set()
    for _name, sh_type, _flags, _addr, offset, _size, link, count, _align, _entsize in sections:
        if sh_type != 0x6FFFFFFE:  # SHT_GNU_verneed
            continue
        strtab = sections[link][4]

        def text(at: int) -> str:
            return data[strtab + at:data.index(b"\0", strtab + at)].decode("ascii", "replace")

        pos = offset
        for _ in range(count):
            _version, aux_count, file_name, aux, next_need = struct.unpack_from("<HHIII", data, pos)
            aux_pos = pos + aux
            for _ in range(aux_count):
                _hash, _aux_flags, _other, name, next_aux = struct.unpack_from("<IHHII", data, aux_pos)
                found.add((text(file_name), text(name)))
                aux_pos += next_aux
            if not next_need:
                break
            pos += next_need
    return found


def glibc_floor(bundle: Path) -> tuple[str, str]:
    """(the oldest glibc every ELF file of the bundle loads on, e.g. '2.34'; the file that needs it)."""
    best, needer = (0,), ""
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        for library, version in version_needs(path):
            if library in GLIBC_LIBRARIES or library.startswith("ld-linux"):
                numbers = tuple(int(n) for n in re.findall(r"\d+", version)) if version.startswith("GLIBC_2") else ()
                if numbers > best:
                    best, needer = numbers, path.name
    return (".".join(map(str, best)) if needer else ""), needer


def glibc_version() -> str:
    proc = subprocess.run(["ldd", "--version"], capture_output=True, text=True)
    m = re.search(r"(\d+\.\d+)\s*$", proc.stdout.splitlines()[0] if proc.stdout else "")
    return m[1] if m else ""


def deb_arch() -> str:
    proc = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    return proc.stdout.strip() or "amd64"


def size_kib(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) // 1024 + 1


def control(version: str, arch: str, installed_kib: int, depends_on: list[str]) -> str:
    return (
        "Package: goalform\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: goalform <goalform@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends_on)}\n"
        f"Recommends: {RECOMMENDS}, shared-mime-info, desktop-file-utils, hicolor-icon-theme\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def stage_tree(bundle: Path, root: Path) -> None:
    """The files of the package under root/ (the filesystem as installed)."""
    opt = root / "opt" / "goalform"
    shutil.copytree(bundle, opt, symlinks=True, ignore=shutil.ignore_patterns("linux"))
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "goalform").symlink_to("/opt/goalform/goalform")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / "linux" / "goalform.desktop", share / "applications" / "goalform.desktop")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(HERE / "linux" / "goalform-mime.xml", share / "mime" / "packages" / "goalform.xml")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        for kind, name in (("apps", "goalform.png"), ("mimetypes", "application-x-goalform.png")):
            target = share / "icons" / "hicolor" / f"{size}x{size}" / kind
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(icons / f"goalform-{size}.png", target / name)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "goalform.svg", scalable / "goalform.svg")
    doc = share / "doc" / "goalform"
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "README.md", doc / "README.md")
    # dpkg-deb insists on sane permissions whatever the umask of the build.
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)


def build_deb(bundle: Path, version: str, out_dir: Path) -> tuple[Path, list[str], list[str]]:
    """Write out_dir/goalform_VERSION_ARCH.deb; return it, its Depends and notes."""
    depends_on, notes = depends(bundle)
    arch = deb_arch()
    with tempfile.TemporaryDirectory(prefix="goalform-deb-") as tmp:
        root = Path(tmp) / "root"
        stage_tree(bundle, root)
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(control(version, arch, size_kib(root), depends_on), encoding="utf-8")
        (root / "DEBIAN").chmod(0o755)
        deb = out_dir / f"goalform_{version}_{arch}.deb"
        # --root-owner-group: files owned by root without fakeroot. gzip: any dpkg reads it, and it takes ~10 s
        # where xz -6 takes minutes on two cores for a .deb only 30 % smaller.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(deb)],
                       check=True, capture_output=True, text=True)
    return deb, depends_on, notes
