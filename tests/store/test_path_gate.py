"""The .goal opener and the library judge their path through the one gate (goalform.paths.source_stat)
and say each refusal in their own words, word for word as before the gate was shared (issue 27)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from goalform.domain.errors import os_error_text
from goalform.store.database import check_path
from goalform.store.errors import NotAGoalFile
from goalform.store.library_file import LibraryCorrupt, LibraryError, check_header

FOLDER = "是一个文件夹"
SPECIAL = "不是普通文件（是管道、设备或其他特殊文件）"


def _os_text(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as e:
        return os_error_text(e)
    raise AssertionError(f"{path} can be stat'ed")


@pytest.fixture
def odd(tmp_path: Path) -> dict[str, Path]:
    """One path of every kind the gate refuses."""
    (tmp_path / "folder.goal").mkdir()
    os.mkfifo(tmp_path / "pipe.goal")
    (tmp_path / "dangling.goal").symlink_to(tmp_path / "gone.goal")
    (tmp_path / "loop.goal").symlink_to(tmp_path / "loop.goal")
    (tmp_path / "plain").write_text("x")
    return {"missing": tmp_path / "missing.goal", "folder": tmp_path / "folder.goal",
            "fifo": tmp_path / "pipe.goal", "dangling": tmp_path / "dangling.goal",
            "loop": tmp_path / "loop.goal", "not_a_folder": tmp_path / "plain" / "x.goal"}


def _refusal(check, path: Path) -> tuple[type, str]:
    with pytest.raises(Exception) as caught:
        check(path)
    return type(caught.value), str(caught.value)


def test_opening_a_goal_says_each_refusal_as_before(odd: dict[str, Path]) -> None:
    p = odd
    assert _refusal(check_path, p["missing"]) == (NotAGoalFile, f"找不到文件：{p['missing']}")
    assert _refusal(check_path, p["dangling"]) == (NotAGoalFile, f"找不到文件：{p['dangling']}")
    assert _refusal(check_path, p["folder"]) == (NotAGoalFile, f"这{FOLDER}，不能作为 .goal 文件打开：{p['folder']}")
    assert _refusal(check_path, p["fifo"]) == (NotAGoalFile, f"这{SPECIAL}，不能作为 .goal 文件打开：{p['fifo']}")
    for kind in ("loop", "not_a_folder"):
        assert _refusal(check_path, p[kind]) == (NotAGoalFile, f"无法读取文件：{p[kind]}（{_os_text(p[kind])}）")


def test_the_library_says_each_refusal_as_before(odd: dict[str, Path]) -> None:
    p = odd
    assert _refusal(check_header, p["missing"]) == (LibraryError, f"找不到指标库 {p['missing']}")
    assert _refusal(check_header, p["dangling"]) == (
        LibraryCorrupt, f"指标库 {p['dangling']} 是一个失效的快捷方式（符号链接），指向的文件不存在")
    assert _refusal(check_header, p["loop"]) == (LibraryCorrupt, f"指标库 {p['loop']} 是一个循环的快捷方式（符号链接）")
    assert _refusal(check_header, p["folder"]) == (LibraryCorrupt, f"指标库 {p['folder']} {FOLDER}，不能作为指标库使用")
    assert _refusal(check_header, p["fifo"]) == (LibraryCorrupt, f"指标库 {p['fifo']} {SPECIAL}，不能作为指标库使用")
    not_a_folder = p["not_a_folder"]
    assert _refusal(check_header, not_a_folder) == (
        LibraryError, f"无法读取指标库 {not_a_folder}（{_os_text(not_a_folder)}）")


@pytest.fixture
def targets(odd: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """Targets a save or an export must refuse."""
    locked = tmp_path / "locked.goal"
    locked.write_text("x")
    locked.chmod(0o444)
    return {**odd, "read_only": locked, "no_folder": tmp_path / "nowhere" / "a.goal",
            "long": tmp_path / ("长" * 90 + ".goal")}


def test_saving_says_each_refusal_as_before(targets: dict[str, Path]) -> None:
    from goalform.store.errors import SaveError
    from goalform.store.saving import save_target

    p = targets
    assert _refusal(save_target, p["folder"]) == (SaveError, f"不能保存到 {p['folder']}：它{FOLDER}")
    assert _refusal(save_target, p["fifo"]) == (SaveError, f"不能保存到 {p['fifo']}：它{SPECIAL}")
    assert _refusal(save_target, p["read_only"]) == (
        SaveError, "不能保存：文件「locked.goal」是只读的（原文件未改动；可用“另存为”保存到其他文件）")
    assert _refusal(save_target, p["no_folder"]) == (SaveError, f"不能保存到 {p['no_folder']}：文件夹不存在")
    assert _refusal(save_target, p["loop"]) == (
        SaveError, f"不能保存到 {p['loop']}：快捷方式（符号链接）循环，无法找到它指向的文件")
    assert _refusal(save_target, p["long"])[1].startswith(f"不能保存到 {p['long']}：文件名太长（275 字节")


def test_exporting_says_each_refusal_as_before(targets: dict[str, Path]) -> None:
    from goalform.formats.output import ExportError, check_target

    p = targets
    assert _refusal(check_target, p["folder"]) == (ExportError, f"无法导出到「{p['folder']}」：这{FOLDER}")
    assert _refusal(check_target, p["fifo"]) == (ExportError, f"无法导出到「{p['fifo']}」：这{SPECIAL}")
    assert _refusal(check_target, p["read_only"]) == (
        ExportError, f"无法导出到「{p['read_only']}」：这是只读文件（请另选文件名，或先取消它的只读属性）")
    assert _refusal(check_target, p["no_folder"]) == (ExportError, f"无法导出到「{p['no_folder']}」：文件夹不存在")
