"""The library file: created with the built-in indicators, sources kept apart, opened defensively."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from goalform import assets
from goalform.domain.form import Indicator, new_form
from goalform.domain.library import SOURCE_BUILTIN, SOURCE_BUREAU, SOURCE_MINE, LibraryEntry
from goalform.store import library as library_store
from goalform.store.library import Library, LibraryCorrupt, LibraryError, default_path


def bureau(name: str, level2: str = "预算执行") -> LibraryEntry:
    return LibraryEntry("管理效率", level2, name, "解释", "≥90%", SOURCE_BUREAU)


def test_a_new_library_holds_the_built_in_indicators_with_pinyin(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as library:
        entries = library.entries()
        assert len(entries) == len(assets.indicator_library()) and {e.source for e in entries} == {SOURCE_BUILTIN}
        found = library.index().search("ysz")
        assert "预算执行率" in [e.name for e in found]
        assert all(e.id is not None and e.pinyin for e in entries)
        assert entries[0].level1 == "运行成本"  # the JSON's template key became the 一级's name


def test_the_default_library_lives_in_the_user_data_folder(_private_data_dir):
    with Library.open() as library:
        assert library.path == default_path() == _private_data_dir / "library.sqlite"


def test_a_bureau_sheet_is_one_source_replaced_by_a_new_import(tmp_path):
    with Library.open(tmp_path / "lib.sqlite") as library:
        assert library.import_entries([bureau("甲"), bureau("乙")], "局.xlsx") == 2
        library.import_entries([bureau("丙")], "局.xlsx")
        library.import_entries([bureau("丁")], "另一局.xlsx")
        names = {e.name for e in library.entries() if e.source == SOURCE_BUREAU}
        assert names == {"丙", "丁"}
        assert [(s.kind, s.label, s.count) for s in library.sources()][1:] == [
            (SOURCE_BUREAU, "局.xlsx", 1), (SOURCE_BUREAU, "另一局.xlsx", 1)]
        assert library.remove_source(SOURCE_BUREAU, "局.xlsx") == 1
        assert {e.name for e in library.entries() if e.source == SOURCE_BUREAU} == {"丁"}


def test_learning_from_a_form_and_removing_what_was_learned(tmp_path):
    template = assets.template("2026")
    form = new_form(template)
    form.long_term[2].children.append(Indicator(level=2, name="招商", children=[Indicator(level=3, name="签约项目数", value="10个")]))
    with Library.open(tmp_path / "lib.sqlite") as library:
        learned = library.learn(form, template, "甲.goal")
        assert [e.name for e in learned] == ["签约项目数"]
        assert library.learn(form, template, "甲.goal") == []  # known now
        mine = [e for e in library.entries() if e.source == SOURCE_MINE]
        assert [(e.name, e.source_label, e.reference) for e in mine] == [("签约项目数", "甲.goal", "10个")]
        builtin = next(e for e in library.entries() if e.source == SOURCE_BUILTIN)
        assert library.remove([mine[0].id, builtin.id]) == 1  # built-in entries stay
        assert not [e for e in library.entries() if e.source == SOURCE_MINE]
        assert [s.kind for s in library.sources()] == [SOURCE_BUILTIN]
        with pytest.raises(LibraryError):
            library.remove_source(SOURCE_BUILTIN)


def test_a_new_built_in_list_replaces_the_old_one_and_keeps_the_rest(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        library.import_entries([bureau("甲")], "局.xlsx")
    monkeypatch.setattr(library_store, "builtin_entries", lambda: [LibraryEntry("运行成本", "x", "新内置")])
    monkeypatch.setattr(library_store, "_builtin_stamp", lambda: "another")
    with Library.open(path) as library:
        assert sorted(e.name for e in library.entries()) == ["新内置", "甲"]


@pytest.mark.parametrize("damage", ["empty", "random", "truncated", "other_app", "trigger", "no_table"])
def test_a_damaged_library_is_reported_and_rebuilt_keeping_the_old_file(tmp_path, damage):
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "random":
        path.write_bytes(b"\x13" * 4096)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:1500])
    else:
        conn = sqlite3.connect(path)
        if damage == "other_app":
            conn.execute("PRAGMA application_id = 1")
        elif damage == "trigger":
            conn.execute("CREATE TRIGGER t AFTER INSERT ON entry BEGIN DELETE FROM entry; END")
        else:
            conn.execute("DROP TABLE meta")
        conn.commit()
        conn.close()
    bad = path.read_bytes()
    with pytest.raises(LibraryCorrupt) as e:
        Library.open(path)
    assert "指标库" in str(e.value)
    library, kept = Library.rebuild(path)
    with library:
        assert len(library.entries()) == len(assets.indicator_library())
    assert kept is not None and kept.read_bytes() == bad


def test_a_library_from_a_newer_goalform_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="更新版本"):
        Library.open(path)


def test_two_openers_share_one_library(tmp_path):
    path = tmp_path / "lib.sqlite"
    first, second = Library.open(path), Library.open(path)
    with first, second:
        first.import_entries([bureau("甲")], "局.xlsx")
        assert "甲" in [e.name for e in second.entries()]
    assert not [p for p in Path(tmp_path).iterdir() if p.name.endswith(".tmp")]


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MB file system (needs root's mount; skipped where it is not permitted)."""
    import os
    import subprocess

    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.name != "posix" or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                                            capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield folder
    subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_full_disk_is_said_as_such_and_the_library_keeps_what_it_had(tiny_disk):
    path = tiny_disk / "lib.sqlite"
    with Library.open(path) as library:
        before = library.entries()
        (tiny_disk / "filler").write_bytes(b"\0" * (1024 * 1024 - 8192 - path.stat().st_size))
        many = [bureau(f"指标{i}", f"二级{i % 50}") for i in range(3000)]
        with pytest.raises(LibraryError, match="磁盘已满"):
            library.import_entries(many, "局.xlsx")
        assert library.entries() == before


def test_a_write_by_another_process_is_noticed(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as mine, Library.open(path) as theirs:
        assert not mine.changed_elsewhere()
        theirs.import_entries([bureau("甲")], "局.xlsx")
        assert mine.changed_elsewhere() and not mine.changed_elsewhere()
        mine.import_entries([bureau("乙")], "乙.xlsx")  # its own writes do not count
        assert not mine.changed_elsewhere()
