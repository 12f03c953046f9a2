"""The arm64 .deb: its build and check scripts (packaging/build_arm64.py, check_arm64.py, arm64_chroot.py)
and the glibc floor read from the ELF files (packaging/deb.py).

The real build and check take minutes under qemu; they run only with GOALFORM_TEST_PACKAGE_ARM64=1
(root, qemu-user-static, debootstrap): `make package-arm64 check-package-arm64` does the same outside pytest.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_helpers import PACKAGING, ROOT, load_script


def elf_with_version_needs() -> Path:
    """A real shared library of this machine that needs versioned glibc symbols."""
    candidates = [Path(sys.executable).resolve()]
    pyside6 = sys.modules.get("PySide6") or pytest.importorskip("PySide6")
    candidates += sorted((Path(pyside6.__file__).parent / "Qt" / "lib").glob("libQt6Core.so*"))
    for path in candidates:
        if path.is_file() and load_script("deb").version_needs(path):
            return path
    pytest.skip("no ELF file with version needs here")


def test_version_needs_read_the_same_as_objdump():
    deb = load_script("deb")
    path = elf_with_version_needs()
    needs = deb.version_needs(path)
    assert any(lib == "libc.so.6" and version.startswith("GLIBC_2.") for lib, version in needs)
    if not shutil.which("objdump"):
        pytest.skip("binutils not installed")
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    section = out.split("Version References:", 1)[1].split("\n\n", 1)[0]
    listed, library = set(), ""
    for line in section.splitlines():
        if line.strip().startswith("required from"):
            library = line.split("required from", 1)[1].strip().rstrip(":")
        elif line.strip().startswith("0x"):
            listed.add((library, line.split()[-1]))
    assert needs == listed


def test_glibc_floor_is_the_newest_version_any_file_needs(tmp_path):
    deb = load_script("deb")
    path = elf_with_version_needs()
    shutil.copy2(path, tmp_path / path.name)
    (tmp_path / "not-elf.so").write_bytes(b"GLIBC_9.99\0 just text")
    floor, needer = deb.glibc_floor(tmp_path)
    newest = max((tuple(int(n) for n in v[6:].split(".")), v[6:]) for lib, v in deb.version_needs(path)
                 if lib == "libc.so.6" and v.startswith("GLIBC_2"))[1]
    assert (floor, needer) == (newest, path.name)
    assert deb.glibc_floor(tmp_path / "empty-folder-that-does-not-exist") == ("", "")


def test_without_the_tools_each_target_prints_one_skip_line(monkeypatch, capsys):
    chroot = load_script("arm64_chroot")
    monkeypatch.setattr(chroot.os, "geteuid", lambda: 1000)
    assert chroot.unavailable().startswith("not root")
    monkeypatch.setattr(chroot.os, "geteuid", lambda: 0)
    monkeypatch.setattr(chroot.shutil, "which", lambda name: None)
    monkeypatch.setattr(chroot.Path, "exists", lambda self: False)
    assert "qemu-user-static" in chroot.unavailable()
    monkeypatch.undo()

    build, check = load_script("build_arm64"), load_script("check_arm64")
    for script in (build, check):
        monkeypatch.setattr(script.chroot, "unavailable", lambda: "debootstrap is not installed")
        monkeypatch.setattr(script.chroot, "enter_private_namespace", lambda: pytest.fail("must not go on"))
    assert build.main() == 0
    assert check.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["SKIP  ***** NO arm64 .deb BUILT: debootstrap is not installed *****",
                     "SKIP  ***** arm64 .deb NOT CHECKED: debootstrap is not installed *****"]


def test_the_build_chroot_has_what_the_deb_must_depend_on():
    """deb.py maps libraries to packages with dpkg -S in the build chroot: they must be installed there."""
    build, check_deb = load_script("build_arm64"), load_script("check_deb")
    assert set(check_deb.MUST_DEPEND) <= set(build.BUILD_PACKAGES)
    assert {"python3", "libpython3.11", "binutils"} <= set(build.BUILD_PACKAGES)
    requirements = build.requirements()
    assert any(r.startswith("PySide6-Essentials") for r in requirements)
    assert any(r.startswith("pyinstaller") for r in requirements)


def test_the_build_copies_what_a_clean_clone_has():
    if not (ROOT / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git checkout")
    files = load_script("build_arm64").source_files()
    assert {"pyproject.toml", "setup.py", "packaging/build.py", "packaging/goalform.spec"} <= set(files)
    assert not [f for f in files if f.startswith((".venv/", "dist/", "build/")) or "__pycache__" in f]


def test_the_chroot_is_debian_12_with_its_security_updates():
    chroot = load_script("arm64_chroot")
    text = chroot.sources_list()
    assert chroot.SUITE == "bookworm"
    assert {line.split()[2] for line in text.splitlines()} == {"bookworm", "bookworm-updates", "bookworm-security"}


def fake_installed_root(root: Path, machine: int = 183) -> Path:
    for path in load_script("check_deb").EXPECTED_FILES:
        target = root / path[2:]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"")
    elf = bytearray(64)
    elf[:4], elf[18:20] = b"\x7fELF", machine.to_bytes(2, "little")
    (root / "opt/goalform/goalform").write_bytes(bytes(elf))
    (root / "usr/share/mime/globs2").write_text("80:application/x-goalform:*.goal\n")
    (root / "usr/share/applications/mimeinfo.cache").write_text(
        "[MIME Cache]\napplication/x-goalform=goalform.desktop;\n")
    return root


def test_desktop_check_accepts_an_arm64_install_and_refuses_an_amd64_one(tmp_path):
    check = load_script("check_arm64")
    root = fake_installed_root(tmp_path / "arm64")
    assert "application/x-goalform" in check.check_desktop(root)
    with pytest.raises(check.CheckFailed, match="not an arm64"):
        check.check_desktop(fake_installed_root(tmp_path / "amd64", machine=62))
    (root / "usr/share/mime/globs2").write_text("")
    with pytest.raises(check.CheckFailed, match="MIME database"):
        check.check_desktop(root)


def test_listing_sees_the_touched_folders_from_inside(tmp_path):
    check = load_script("check_arm64")
    fake_installed_root(tmp_path)
    found = check.listing(tmp_path)
    assert {"/opt/goalform", "/opt/goalform/goalform", "/usr/share/mime/globs2"} <= found
    assert all(p.startswith("/") and not p.startswith(str(tmp_path)) for p in found)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("GOALFORM_TEST_PACKAGE_ARM64") != "1",
                    reason="builds and checks the arm64 .deb under qemu (minutes): set GOALFORM_TEST_PACKAGE_ARM64=1")
def test_arm64_deb_builds_installs_runs_and_is_removed_cleanly():
    if reason := load_script("arm64_chroot").unavailable():
        pytest.skip(reason)
    build = subprocess.run([sys.executable, str(PACKAGING / "build_arm64.py")], capture_output=True, text=True,
                           encoding="utf-8", timeout=5400)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    check = subprocess.run([sys.executable, str(PACKAGING / "check_arm64.py")], capture_output=True, text=True,
                           encoding="utf-8", timeout=3600)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "arm64 .deb OK" in check.stdout and "FAIL" not in check.stdout
