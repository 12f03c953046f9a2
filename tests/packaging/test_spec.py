"""The PyInstaller spec and build script name files that exist and keep every Qt module goalform uses."""
from __future__ import annotations

import re

import pytest

from packaging_helpers import PACKAGING, ROOT, SPEC, load_script, spec_executables, spec_list, spec_namespace


def spec_text() -> str:
    return SPEC.read_text(encoding="utf-8")


def test_entry_scripts_exist_and_run_the_right_main():
    text = spec_text()
    for name, target in (("goalform_cli", "goalform.cli import main"), ("goalform_gui", "goalform.ui.app.launcher import main")):
        assert f'"{name}.py"' in text
        script = PACKAGING / "entry" / f"{name}.py"
        assert target in script.read_text(encoding="utf-8")
        assert f's[0] != "{name}"' in text  # each EXE leaves out the other's entry script


def test_executables():
    assert spec_executables() == ["goalform", "goalform-gui"]
    text = spec_text()
    assert 'name="goalform", console=True' in text and 'name="goalform-gui", console=False' in text
    assert re.search(r'ICON = ROOT / "resources" / "icons" / "goalform.ico"', text)
    assert (ROOT / "resources" / "icons" / "goalform.ico").is_file()
    assert (PACKAGING / "goalform.spec").samefile(load_script("build").HERE / "goalform.spec")


def test_no_qt_module_goalform_imports_is_excluded():
    """A GUI that starts using QtSvg (say) must not die only in the bundle: update EXCLUDES first."""
    used = set()
    for path in (ROOT / "goalform").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    excluded = {name.split(".", 1)[1] for name in spec_list("EXCLUDES") if name.startswith("PySide6.")}
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & excluded, f"goalform imports excluded Qt modules: {used & excluded}"
    assert "PySide6.QtPrintSupport" not in spec_list("EXCLUDES")  # printing needs it


def test_qt_translations_kept_are_simplified_chinese():
    pattern = re.search(r'QT_TRANSLATIONS_KEPT = re.compile\(r"(.+)"\)', spec_text())[1]
    assert re.search(pattern, "qtbase_zh_CN.qm") and re.search(pattern, "qt_zh_CN.qm")
    assert not re.search(pattern, "qtbase_de.qm") and not re.search(pattern, "qt_help_zh_CN.qm")


def test_platform_plugins_kept_cover_windows_and_linux():
    kept = re.search(r'"platforms": \{([^}]*)\}', spec_text())[1]
    for plugin in ("qwindows", "qxcb", "qwayland", "qoffscreen"):
        assert f'"{plugin}"' in kept


def test_build_script_stages_the_package_and_writes_build_info():
    build = load_script("build")
    assert build.STAGE == ROOT / "build" / "stage" and build.BUNDLE == ROOT / "dist" / "goalform"
    assert "GOALFORM_STAGE" in spec_text() and '"GOALFORM_STAGE"' in (PACKAGING / "build.py").read_text()
    assert build.arch() in ("x86_64", "aarch64") or build.arch()


def test_makefile_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^package:.*\n\t.*pip install .*\.\[package\].*\n\t.*packaging/build\.py", makefile, re.M)
    assert re.search(r"^check-package:.*\n\t.*packaging/check_bundle\.py", makefile, re.M)


def test_build_warns_only_about_libraries_the_bundle_needs(tmp_path, monkeypatch, capsys):
    build = load_script("build")
    line = ("10215 WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of "
            "'/venv/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so'.")
    found = build.UNRESOLVED.search(line)
    assert (found[1], found[2].rsplit("/", 1)[1]) == ("libxcb-icccm.so.4", "libqxcb.so")
    (tmp_path / "libqxcb.so").touch()  # bundled; the gtk3 theme plugin is dropped by the spec
    monkeypatch.setattr(build, "BUNDLE", tmp_path)
    build.warn_missing_libraries([("libxcb-icccm.so.4", "libqxcb.so"), ("libgtk-3.so.0", "libqgtk3.so")])
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err and "libqxcb.so" in err and "gtk" not in err


def test_plugin_and_library_filters_on_windows_and_linux_paths():
    spec = spec_namespace()
    keep, keep_data = spec["_keep_binary"], spec["_keep_data"]
    kept = [
        "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/plugins/imageformats/qjpeg.dll", "PySide6/Qt6Core.dll", "PySide6/Qt6PrintSupport.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "PySide6/Qt/lib/libQt6Widgets.so.6",
        "libpython3.11.so.1.0", "python311.dll",
    ]
    dropped = [
        "PySide6/plugins/tls/qschannelbackend.dll", "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/plugins/platforms/qvnc.dll", "PySide6/Qt6Network.dll", "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    ]
    assert [p for p in kept if not keep(p)] == []
    assert [p for p in dropped if keep(p)] == []
    assert keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm") and not keep_data("PySide6/translations/qtbase_ja.qm")
    assert keep_data("goalform/resources/translations/goalform_zh_CN.qm")  # ours are never filtered


def test_windows_version_resource_comes_from_the_metadata():
    """Runs where PyInstaller's Windows modules import (Windows): the spec builds the resource there."""
    try:
        import PyInstaller.utils.win32.versioninfo  # noqa: F401 - needs pywin32-ctypes and pefile
    except ImportError:
        pytest.skip("PyInstaller's Windows version-resource module only imports on Windows")
    for version, numbers in (("0.1.0", (0, 1, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)), ("2.0.1+local", (2, 0, 1, 0))):
        text = str(spec_namespace(VERSION=version)["_version_resource"]())
        assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
        assert f"StringStruct('ProductVersion', '{version}')" in text
        assert "StringStruct('OriginalFilename', 'goalform.exe')" in text


def test_pypinyin_and_its_dictionaries_are_bundled():
    """The library's pinyin keys need pypinyin's JSON dictionaries, which it reads from its folder."""
    text = spec_text()
    assert 'collect_data_files("pypinyin"' in text and "PYPINYIN_DATAS" in text.split("Analysis(")[1]
    assert "PYPINYIN_MODULES" in text.split("Analysis(")[1]
    check = (PACKAGING / "check_bundle.py").read_text(encoding="utf-8")
    assert '"library", "list", "ysz"' in check
