"""The Linux desktop integration: .desktop entry, .goal MIME type, install.sh."""
from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from packaging_helpers import PACKAGING, ROOT

from goalform.store.schema import APPLICATION_ID

LINUX = PACKAGING / "linux"
DESKTOP = LINUX / "goalform.desktop"
MIME = LINUX / "goalform-mime.xml"
INSTALL = LINUX / "install.sh"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


@pytest.fixture(scope="module")
def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name[zh_CN]
    parser.read(DESKTOP, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


@pytest.fixture(scope="module")
def mime_type() -> ET.Element:
    root = ET.parse(MIME).getroot()
    assert root.tag == f"{{{NS['m']}}}mime-info"
    (mime_type,) = root.findall("m:mime-type", NS)
    return mime_type


def test_desktop_entry_opens_goal_files_in_goalform(entry, mime_type):
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    assert re.fullmatch(r"goalform %[fF]", entry["Exec"])  # install.sh makes the path absolute
    assert entry["MimeType"].rstrip(";").split(";") == [mime_type.get("type")]
    assert "Office" in entry["Categories"].split(";")
    assert "绩效目标表" in entry["Name[zh_CN]"] + entry["GenericName[zh_CN]"]


def test_desktop_icon_is_the_app_icon(entry):
    assert entry["Icon"] == "goalform"
    install = INSTALL.read_text(encoding="utf-8")
    assert "apps/goalform.png" in install and "apps/goalform.svg" in install
    sizes = re.search(r'^SIZES="([\d ]+)"', install, re.M)[1].split()
    for size in sizes:
        assert (ROOT / "resources" / "icons" / f"goalform-{size}.png").is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed")
def test_desktop_file_validate():
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_mime_type_matches_goal_files(mime_type):
    assert mime_type.get("type") == "application/x-goalform"
    assert [g.get("pattern") for g in mime_type.findall("m:glob", NS)] == ["*.goal"]
    assert mime_type.find("m:sub-class-of", NS).get("type") == "application/vnd.sqlite3"
    assert mime_type.find("m:icon", NS).get("name") == "application-x-goalform"
    assert any(c.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh_CN" for c in mime_type.findall("m:comment", NS))


def test_mime_magic_is_the_store_header(mime_type):
    """The magic rule says what goalform.store writes: SQLite's header and the 'GOAL' application id."""
    outer = mime_type.find("m:magic/m:match", NS)
    assert (outer.get("type"), int(outer.get("offset")), outer.get("value")) == ("string", 0, "SQLite format 3")
    inner = outer.find("m:match", NS)
    assert (inner.get("type"), int(inner.get("offset"))) == ("big32", 68)
    assert int(inner.get("value"), 16) == APPLICATION_ID


def test_mime_rule_recognises_a_real_goal_file(tmp_path):
    """Apply the magic rule to a file written by the store, and to a plain SQLite file."""
    import sqlite3
    import struct

    from goalform import assets
    from goalform.store import Document

    goal = tmp_path / "x.goal"
    with Document.new(assets.latest_template()) as doc:
        doc.save(goal)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()

    def matches(path) -> bool:
        head = path.read_bytes()[:72]
        return head.startswith(b"SQLite format 3") and struct.unpack(">I", head[68:72])[0] == APPLICATION_ID

    assert matches(goal) and not matches(other)


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info not installed")
def test_update_mime_database_accepts_it(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / "goalform.xml")
    proc = subprocess.run(["update-mime-database", str(tmp_path / "mime")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "application/x-goalform" in (tmp_path / "mime" / "types").read_text()
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert "application/x-goalform:*.goal" in globs


def test_install_script_is_valid_sh():
    assert INSTALL.stat().st_mode & 0o111, "install.sh must be executable"
    proc = subprocess.run(["sh", "-n", str(INSTALL)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    for name in ("goalform.desktop", "goalform-mime.xml", "install.sh"):
        assert f'"{name}"' in build  # build.py copies it into the bundle's linux/ folder
