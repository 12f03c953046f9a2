"""goalform.buildinfo: version from the metadata, build facts from goalform/_build.py when bundled."""
from __future__ import annotations

import sys
import types

import pytest

import goalform
from goalform import buildinfo


@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType("goalform._build")
    module.DATE, module.COMMIT, module.PLATFORM = "2026-11-25T20:41:07Z", "821fa5a", "linux-x86_64"
    monkeypatch.setitem(sys.modules, "goalform._build", module)
    monkeypatch.setattr(goalform, "_build", module, raising=False)
    return module


def test_source_checkout_says_it_is_not_a_build(monkeypatch):
    monkeypatch.setitem(sys.modules, "goalform._build", None)  # import fails as if the file were absent
    info = buildinfo.build_info()
    assert info.version == goalform.__version__ and not info.date and not info.frozen
    assert buildinfo.describe_build(info) == "源代码运行，未打包"
    assert buildinfo.version_line() == f"goalform {goalform.__version__}（源代码运行，未打包）"


def test_bundle_reports_date_and_commit(fake_build):
    info = buildinfo.build_info()
    assert (info.date, info.commit, info.platform) == (fake_build.DATE, "821fa5a", "linux-x86_64")
    assert buildinfo.describe_build(info) == "构建于 2026-11-25 20:41 UTC · 提交 821fa5a"


def test_build_without_git_has_no_commit_part():
    info = buildinfo.BuildInfo("1.2.3", date="2027-01-02T03:04:05Z")
    assert buildinfo.describe_build(info) == "构建于 2027-01-02 03:04 UTC"


def test_version_matches_the_package_metadata():
    from importlib import metadata

    assert goalform.__version__ == metadata.version("goalform")


def test_cli_version_prints_the_line(capsys):
    from goalform.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == buildinfo.version_line()
