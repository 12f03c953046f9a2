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
        elif current == "Code":  # Pascal Script, not entries
            sections[current].append(line)
        else:
            assert current, f"line outside a section: {line}"
            sections[current].append(line)

    def expand(text: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: defines[m[1]] if m[1] in defines else m[0], text)

    setup = {}
    for line in sections["Setup"]:
        key, _, value = line.partition("=")
        setup[key.strip()] = expand(value.strip())
    entries = {name: [parse_entry(expand(line)) for line in lines] for name, lines in sections.items()
               if name not in ("Setup", "Code")}
    return {"defines": defines, "setup": setup, "entries": entries, "expand": expand,
            "code": "\n".join(sections.get("Code", []))}


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
    # InstallRoot returns it, or (Wine) the same folder built from {localappdata}.
    assert setup["DefaultDirName"] == "{code:InstallRoot}\\goalform"
    code = iss["code"]
    assert "function InstallRoot(Param: String): String;" in code
    assert code.index("ExpandConstant('{autopf}')") < code.index("except") < code.index("{localappdata}\\Programs")
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


def test_every_installed_path_the_script_uses_is_installed(iss):
    """{app}\\X in shortcuts, registry, [Run] and uninstall settings: a file the installer puts there.

    The bundle's top level comes from the spec (goalform.exe, goalform-gui.exe, _internal) and, when
    the bundle has been built here, from dist/goalform itself; other files from [Files] entries.
    """
    build = load_script("build")
    from_files = {PureWindowsPath(e["Source"]).name for e in iss["entries"]["Files"] if not e["Source"].endswith("*")}
    from_bundle = {f"{name}.exe" for name in spec_executables()} | {"_internal"}
    if build.BUNDLE.is_dir():  # built here: the bundle holds the spec's top level (Linux: goalform only)
        built = {p.name for p in build.BUNDLE.iterdir()}
        assert {"goalform", "_internal"} <= built or {"goalform.exe", "goalform-gui.exe", "_internal"} <= built
    wildcard = [e for e in iss["entries"]["Files"] if e["Source"].endswith("\\*")]
    assert len(wildcard) == 1 and {"recursesubdirs", "createallsubdirs"} <= set(wildcard[0]["Flags"].split())
    used = set()
    texts = [iss["setup"]["UninstallDisplayIcon"]]
    for section in ("Icons", "Registry", "Run", "InstallDelete"):
        for entry in iss["entries"].get(section, []):
            texts += [entry.get("Filename", ""), entry.get("ValueData", ""), entry.get("Name", "")]
    for text in texts:
        used |= set(re.findall(r"\{app\}\\([^\\\"]+)", text))
    assert used, "the script refers to no installed file?"
    assert used <= from_files | from_bundle, used - (from_files | from_bundle)


ISL = PACKAGING / "windows" / "ChineseSimplified.isl"


def isl_messages(path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8-sig")
    return dict(re.findall(r"^([A-Za-z0-9]+)=(.*)$", text, re.M))


def default_isl():
    """Inno Setup's own English Default.isl, where the npm package (check_wine.py) or ISCC is installed."""
    import os
    from pathlib import Path

    candidates = [ROOT / "build" / "innosetup" / "node_modules" / "innosetup" / "bin" / "Default.isl"]
    wine_build = load_script("wine_build")  # `make windows` unpacks the innosetup tarball into its cache
    candidates.append(wine_build.cache_dir() / wine_build.INNOSETUP.name.removesuffix(".tgz") / "bin" / "Default.isl")
    if os.environ.get("INNOSETUP_ISCC"):
        candidates.append(Path(os.environ["INNOSETUP_ISCC"]).parent / "Default.isl")
    return next((p for p in candidates if p.is_file()), None)


def test_the_wizard_speaks_the_projects_own_chinese():
    iss_text = ISS.read_text(encoding="utf-8-sig")
    assert re.search(r'^Name: "chs"; MessagesFile: "ChineseSimplified.isl"$', iss_text, re.M)
    assert "compiler:Default.isl" not in iss_text  # no fallback to English
    raw = ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a .isl without BOM in the ANSI code page"
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf"), "the .iss has Chinese text too"
    messages = isl_messages(ISL)
    assert messages["LanguageID"] == "$0804" and messages["LanguageName"] == "简体中文"
    assert messages["ButtonNext"] == "下一步(&N) >" and messages["ButtonCancel"] == "取消"
    assert len(messages) >= 280
    english_words = [k for k, v in messages.items() if re.search(r"\b(the|Setup|Click|Please)\b", v)]
    assert not english_words, f"untranslated: {english_words}"


def test_the_translation_has_every_message_of_inno_setups_default_isl():
    """Same keys as Default.isl, and each message keeps its placeholders (%1, %n, [name], ...)."""
    english_file = default_isl()
    if english_file is None:
        pytest.skip("Inno Setup's Default.isl is not here (make windows unpacks the innosetup package)")
    english, chinese = isl_messages(english_file), isl_messages(ISL)
    assert set(english) == set(chinese), (set(english) - set(chinese), set(chinese) - set(english))
    placeholder = re.compile(r"%[0-9n]|\[[a-z/]+\]")
    for key, text in english.items():
        if key in ("LanguageName", "LanguageID", "LanguageCodePage"):
            continue
        assert sorted(placeholder.findall(chinese[key])) == sorted(placeholder.findall(text)), key
        assert chinese[key].count("&") == text.count("&"), f"{key}: access keys differ"


def test_the_windows_workflow_builds_checks_installs_and_uploads():
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in workflow
    assert 'python-version: "3.11"' in workflow and "architecture: x64" in workflow
    assert "packaging\\windows\\build.ps1 -Python" in workflow  # which runs check_bundle.py (test above)
    ps1 = (PACKAGING / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "param([string]$Python" in ps1
    assert "/VERYSILENT" in workflow and "/CURRENTUSER" in workflow and "unins000.exe" in workflow
    assert "actions/upload-artifact" in workflow and "dist/goalform-*-setup.exe" in workflow
