"""The .deb's Depends (packaging/deb.py) and the registry parser of the Wine check (check_wine.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from packaging_helpers import load_script


def test_library_package_names_follow_debian_policy():
    deb = load_script("deb")
    assert deb.package_by_rule("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert deb.package_by_rule("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert deb.package_by_rule("libX11-xcb.so.1") == "libx11-xcb1"
    assert deb.package_by_rule("libdbus-1.so.3") == "libdbus-1-3"
    assert deb.package_by_rule("libwayland-egl.so.1") == "libwayland-egl1"
    assert deb.package_by_rule("notalib") == ""


def qt_plugin(name: str) -> Path:
    pyside6 = pytest.importorskip("PySide6")
    path = Path(pyside6.__file__).parent / "Qt" / "plugins" / "platforms" / name
    if not path.is_file():
        pytest.skip(f"no {name} in this PySide6")
    return path


def test_depends_covers_what_the_x11_plugin_links():
    """DT_NEEDED of Qt's xcb plugin, read from the ELF file, maps to the packages check_deb.py requires."""
    deb = load_script("deb")
    check = load_script("check_deb")
    plugin = qt_plugin("libqxcb.so")
    needed = deb.needed(plugin)
    assert "libQt6XcbQpa.so.6" in needed and "libc.so.6" in needed
    qpa = plugin.parents[2] / "lib" / "libQt6XcbQpa.so.6"
    linked = set(deb.needed(qpa)) if qpa.is_file() else set()
    assert "libxcb-cursor.so.0" in linked or not qpa.is_file()
    packages = {deb.package_by_rule(s) for s in linked}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"} <= packages
    assert set(check.MUST_DEPEND[:4]) <= packages


def test_control_file():
    deb = load_script("deb")
    text = deb.control("1.2.3", "amd64", 1000, ["libc6 (>= 2.36)", "libxcb-cursor0"])
    fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line and not line.startswith(" "))
    assert fields["Package"] == "goalform" and fields["Version"] == "1.2.3"
    assert fields["Depends"] == "libc6 (>= 2.36), libxcb-cursor0"
    assert "fonts-noto-cjk" in fields["Recommends"]
    assert all(line.startswith(" ") for line in text.split("Description: ", 1)[1].splitlines()[1:])


def test_wine_registry_files_are_read_with_their_escapes():
    wine = load_script("check_wine")
    text = (
        'WINE REGISTRY Version 2\n\n'
        '[Software\\\\Classes\\\\goalform.Document] 1796109124\n#time=1dd8\n'
        '@="\\x90e8\\x95e8\\x6574\\x4f53\\x7ee9\\x6548\\x76ee\\x6807\\x8868"\n\n'
        '[Software\\\\Classes\\\\goalform.Document\\\\shell\\\\open\\\\command] 1796109124\n'
        '@="\\"C:\\\\users\\\\a\\\\goalform-gui.exe\\" \\"%1\\""\n'
        '"Other"=str(2):"x"\n'
    )
    keys = wine.parse_reg(text)
    assert keys[r"Software\Classes\goalform.Document"][""] == "部门整体绩效目标表"
    command = keys[r"Software\Classes\goalform.Document\shell\open\command"]
    assert command[""] == '"C:\\users\\a\\goalform-gui.exe" "%1"'
    assert command["Other"] == "x"
