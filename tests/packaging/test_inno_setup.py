"""The Inno Setup script (packaging/windows/goalform.iss) against the project it installs.

The installer can only be built on Windows; these tests parse the script and check that every
path, executable name and setting it relies on matches what the spec and build.py produce.
"""
from __future__ import annotations

import re
from pathlib import PureWindowsPath

import pytest
from packaging_helpers import PACKAGING, ROOT, load_script, spec_executables

ISS = PACKAGING / "windows" / "goalform.iss"


@pytest.fixture(scope="module")
def iss() -> dict:
    """Defines, [Setup] directives and the entry lines of every section."""
    defines: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current = None
    for raw in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if m := re.match(r'#define\s+(\w+)\s+"(.*)"$', line):
            defines[m[1]] = m[2]
        elif line.startswith("#"):
            continue
        elif m := re.match(r"\[(\w+)\]$", line):
            current = m[1]
            sections.setdefault(current, [])
        else:
            assert current, f"line outside a section: {line}"
            sections[current].append(line)

    def expand(text: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: defines[m[1]] if m[1] in defines else m[0], text)

    setup = {}
    for line in sections["Setup"]:
        key, _, value = line.partition("=")
        setup[key.strip()] = expand(value.strip())
    entries = {name: [parse_entry(expand(line)) for line in lines] for name, lines in sections.items() if name != "Setup"}
    return {"defines": defines, "setup": setup, "entries": entries, "expand": expand}


def parse_entry(line: str) -> dict[str, str]:
    """`Name: "x"; Flags: a b` -> {'Name': 'x', 'Flags': 'a b'} (quotes removed, "" unescaped)."""
    fields = {}
    for m in re.finditer(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        value = m[2].strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        fields[m[1]] = value
    return fields


def script_path(relative: str):
    """A path in the script (relative to the script's folder, Windows separators) on this machine."""
    return (ISS.parent / PureWindowsPath(relative).as_posix()).resolve()


def test_per_user_install_without_admin_rights(iss):
    setup = iss["setup"]
    assert setup["PrivilegesRequired"] == "lowest"
    # {autopf} is the user's Programs folder in a per-user install; {pf} would need admin rights.
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    # Registry entries under HKA go to HKCU for a per-user install; HKLM/HKCR would need admin.
    assert all(entry["Root"] == "HKA" for entry in iss["entries"]["Registry"])
    assert setup["ChangesAssociations"] == "yes"


def test_version_comes_from_the_build_not_the_script(iss):
    text = ISS.read_text(encoding="utf-8")
    assert "#ifndef AppVersion" in text and "#error" in text
    assert "AppVersion" not in iss["defines"], "the version must not be hard-coded in the script"
    assert iss["setup"]["AppVersion"] == "{#AppVersion}"
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert 'f"/DAppVersion={version}"' in build  # build.py passes the staged package's version


def test_app_and_executable_names_match_the_spec(iss):
    defines = iss["defines"]
    assert defines["AppName"] == "goalform"
    windows_exes = {f"{name}.exe" for name in spec_executables()}
    assert {defines["AppExe"], defines["AppGuiExe"]} == windows_exes == {"goalform.exe", "goalform-gui.exe"}
    # Shortcuts start the console-less executable.
    for icon in iss["entries"]["Icons"]:
        assert icon["Filename"] == "{app}\\goalform-gui.exe"
    assert any(icon["Name"].startswith("{autoprograms}\\") for icon in iss["entries"]["Icons"])


def test_paths_exist_in_the_project(iss):
    defines = iss["defines"]
    icon = script_path(defines["IconFile"])
    assert icon == ROOT / "resources" / "icons" / "goalform.ico" and icon.is_file()
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert script_path(iss["setup"]["SetupIconFile"]) == icon
    # The bundle the installer packs is the one build.py writes, and the installer lands beside it.
    build = load_script("build")
    assert script_path(defines["BundleDir"]) == build.BUNDLE
    assert script_path(defines["OutputDir"]) == build.DIST
    sources = [script_path(entry["Source"].removesuffix("\\*")) for entry in iss["entries"]["Files"]]
    assert build.BUNDLE in sources and icon in sources


def test_goal_files_open_in_goalform_with_their_icon(iss):
    registry = {(e["Subkey"], e["ValueName"]): e for e in iss["entries"]["Registry"]}
    prog_id = iss["defines"]["ProgId"]
    assert iss["defines"]["FileExt"] == ".goal"
    assert registry[("Software\\Classes\\.goal", "")]["ValueData"] == prog_id
    command = registry[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")]["ValueData"]
    assert command == '"{app}\\goalform-gui.exe" "%1"'
    icon = registry[(f"Software\\Classes\\{prog_id}\\DefaultIcon", "")]["ValueData"]
    installed = {
        f"{{app}}\\{PureWindowsPath(entry['Source']).name}" for entry in iss["entries"]["Files"]
        if not entry["Source"].endswith("*")
    }
    assert icon in installed  # the document icon is a file the installer puts there
    assert "uninsdeletekey" in registry[(f"Software\\Classes\\{prog_id}", "")]["Flags"]


def test_uninstall_keeps_the_users_files(iss):
    """Nothing but the installed program goes: no [UninstallDelete] of user folders or documents."""
    for entry in iss["entries"].get("UninstallDelete", []):
        assert entry["Name"].startswith("{app}"), entry
    for entry in iss["entries"].get("InstallDelete", []):
        assert entry["Name"].startswith("{app}\\"), entry
    user_areas = ("{localappdata}", "{userappdata}", "{userdocs}", "{%USERPROFILE")
    for section in ("Files", "Dirs"):
        for entry in iss["entries"].get(section, []):
            assert not entry.get("DestDir", "").startswith(user_areas)


def test_build_script_runs_the_spec_and_the_checks():
    ps1 = (PACKAGING / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "packaging\\build.py --installer" in ps1
    assert "packaging\\check_bundle.py" in ps1
    assert '".[package]"' in ps1
