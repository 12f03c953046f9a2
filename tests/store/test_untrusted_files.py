"""Every .goal is untrusted: bad files get a clear message, nothing is changed, nothing is run."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from goalform import assets
from goalform.store import CorruptFile, Document, NewerSchema, NotAGoalFile, StoreError, read_form
from goalform.store.schema import APPLICATION_ID, SCHEMA_VERSION


@pytest.fixture
def good(tmp_path: Path) -> Path:
    with Document.new(assets.template("2024")) as doc:
        doc.set_field("department", "好文件")
        doc.save(tmp_path / "good.goal")
    return tmp_path / "good.goal"


def _bad_files(tmp_path: Path, good: Path) -> dict[str, tuple[Path, type[StoreError], str]]:
    files: dict[str, tuple[Path, type[StoreError], str]] = {}
    random_bytes = tmp_path / "random.goal"
    random_bytes.write_bytes(os.urandom(4096))
    files["random"] = (random_bytes, NotAGoalFile, "不是 goalform 文件")
    empty = tmp_path / "empty.goal"
    empty.write_bytes(b"")
    files["empty"] = (empty, NotAGoalFile, "空的")
    other = tmp_path / "other.goal"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    files["other sqlite"] = (other, NotAGoalFile, "其他程序")
    newer = tmp_path / "newer.goal"
    newer.write_bytes(good.read_bytes())
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    files["newer schema"] = (newer, NewerSchema, "更新版本")
    truncated = tmp_path / "truncated.goal"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 2 + 100])
    files["truncated"] = (truncated, CorruptFile, "不完整")
    return files


def test_bad_files_are_refused_with_a_clear_message(tmp_path: Path, good: Path) -> None:
    for name, (path, error, fragment) in _bad_files(tmp_path, good).items():
        before = path.read_bytes()
        with pytest.raises(error, match=fragment):
            Document.open(path)
        with pytest.raises(error, match=fragment):
            read_form(path)
        assert path.read_bytes() == before, name
        assert not list(tmp_path.glob(path.name + "-*")), name  # no journal left beside it


def test_validate_cli_exits_2_with_one_line(tmp_path: Path, good: Path) -> None:
    for name, (path, _, fragment) in _bad_files(tmp_path, good).items():
        r = subprocess.run([sys.executable, "-m", "goalform", "validate", str(path)], capture_output=True,
                           text=True, env=os.environ.copy())
        assert r.returncode == 2, name
        assert fragment in r.stderr and "Traceback" not in r.stderr, name
        assert len(r.stderr.strip().splitlines()) == 1, name


def test_a_view_or_trigger_in_a_file_is_never_run(tmp_path: Path, good: Path) -> None:
    """A file whose 'field' is a view (or that carries a trigger) is refused before we query it."""
    evil = tmp_path / "evil.goal"
    evil.write_bytes(good.read_bytes())
    con = sqlite3.connect(evil)
    con.execute("ALTER TABLE field RENAME TO field_real")
    con.execute("CREATE VIEW field AS SELECT key, value FROM field_real")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.commit()
    con.close()
    with pytest.raises(CorruptFile, match="视图或触发器"):
        Document.open(evil)
    trig = tmp_path / "trigger.goal"
    trig.write_bytes(good.read_bytes())
    con = sqlite3.connect(trig)
    con.execute("CREATE TRIGGER t AFTER UPDATE ON field BEGIN DELETE FROM indicator; END")
    con.commit()
    con.close()
    with pytest.raises(CorruptFile, match="视图或触发器"):
        read_form(trig)


def test_impossible_content_is_refused(tmp_path: Path, good: Path) -> None:
    for key, value, fragment in (("template", "1999", "未知的模板版本"), ("year", "abc", "年度")):
        bad = tmp_path / f"{key}.goal"
        bad.write_bytes(good.read_bytes())
        con = sqlite3.connect(bad)
        con.execute("UPDATE field SET value = ? WHERE key = ?", (value, key))
        con.commit()
        con.close()
        with pytest.raises(CorruptFile, match=fragment):
            read_form(bad)


def test_malformed_tree_links_cannot_hang_the_reader(tmp_path: Path, good: Path) -> None:
    bad = tmp_path / "cycle.goal"
    bad.write_bytes(good.read_bytes())
    con = sqlite3.connect(bad)
    ids = [r[0] for r in con.execute("SELECT id FROM indicator WHERE level = 2 LIMIT 2")]
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("UPDATE indicator SET parent_id = ? WHERE id = ?", (ids[1], ids[0]))
    con.execute("UPDATE indicator SET parent_id = ? WHERE id = ?", (ids[0], ids[1]))
    con.execute("UPDATE indicator SET name = x'ff00' WHERE level = 3 AND id = (SELECT max(id) FROM indicator)")
    con.commit()
    con.close()
    # Refused at once, naming what is wrong, before any tree is walked.
    with pytest.raises(CorruptFile, match="指标层级有误"):
        read_form(bad)


def test_missing_and_directory_paths(tmp_path: Path) -> None:
    with pytest.raises(NotAGoalFile, match="找不到文件"):
        read_form(tmp_path / "nope.goal")
    with pytest.raises(NotAGoalFile, match="文件夹"):
        read_form(tmp_path)
