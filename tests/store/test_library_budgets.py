"""The indicator library under hostile conditions (issue 23, items 2, 10 and 12): pinyin and learning
with a budget, a library.sqlite that is a FIFO, a folder or a broken link, messages in Chinese, a
library too big to list, and the edges of importing a bureau's sheet."""
from __future__ import annotations

import os
import re
import sqlite3
import threading
from pathlib import Path

from helpers import hostile_files as h
import pytest

from goalform import assets, cli
from goalform.domain.form import Indicator, new_form
from goalform.domain.library import SOURCE_BUREAU, SOURCE_MINE, LibraryEntry
from goalform.domain.limits import MAX_INDICATORS, MAX_LEARNED_CHARS, MAX_LEARNED_PER_FORM, PINYIN_KEY_CHARS
from goalform.formats.content import ReadError
from goalform.formats.library_xlsx import read_library
from goalform.store import library as library_store
from goalform.store.library import Library, LibraryCorrupt, LibraryError, default_path
from goalform.store.pinyin import entry_keys

ENGLISH = re.compile(r"Is a directory|No such file|malformed|database|Errno|File exists|Not a directory", re.I)


def opened_within(path: Path, seconds: float = 10) -> BaseException | None:
    """What Library.open(path) raised, run in a thread: a FIFO must not block it."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            Library.open(path).close()
            outcome.append(None)
        except BaseException as e:  # noqa: BLE001
            outcome.append(e)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, "Library.open blocked"
    return outcome[0]


# -- item 2: pinyin and learning with a budget --------------------------------------------------------
def test_long_names_are_keyed_by_their_first_characters() -> None:
    name = "预算执行率" * 18_000  # 90,000 characters
    assert entry_keys(name, "二级") == entry_keys(name[:PINYIN_KEY_CHARS], "二级")


def test_an_import_computes_its_keys_before_taking_the_write_lock(tmp_path: Path, monkeypatch) -> None:
    library = Library.open(tmp_path / "library.sqlite")
    calls: list[bool] = []
    real = library_store.entry_keys

    def keys(name: str, level2: str) -> str:
        calls.append(library._conn.in_transaction)
        return real(name, level2)

    monkeypatch.setattr(library_store, "entry_keys", keys)
    library.import_entries([LibraryEntry("产出指标", "数量指标", f"指标{i}", source=SOURCE_BUREAU)
                            for i in range(20)], "局.xlsx")
    assert len(calls) == 20 and not any(calls)


def _form_with(leaves: list[Indicator]):
    template = assets.template("2024")
    form = new_form(template, template.first_year)
    l2s = [l2 for l1 in form.annual for l2 in l1.children]
    for i, leaf in enumerate(leaves):
        l2s[i % len(l2s)].children.append(leaf)
    return form, template


def test_learning_skips_texts_that_are_not_names_and_cuts_the_rest(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite")
    size = (tmp_path / "library.sqlite").stat().st_size
    # 600 indicators of 10,000 characters (the 18 MB form that grew the library by 42 MB).
    form, template = _form_with([Indicator(level=3, name=f"自创{i}" + "绩" * 10_000, value="≥90%",
                                           basis="依" * 10_000) for i in range(60)]
                                + [Indicator(level=3, name="自创短名", value="值" * 5_000, basis="依" * 5_000)])
    learned = library.learn(form, template, "大表.goal")
    assert [e.name for e in learned] == ["自创短名"]
    assert len(learned[0].reference) == len(learned[0].explanation) == MAX_LEARNED_CHARS
    assert (tmp_path / "library.sqlite").stat().st_size - size < 200_000


def test_learning_takes_a_bounded_number_from_one_form(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite")
    form, template = _form_with([Indicator(level=3, name=f"自创指标{i}") for i in range(MAX_LEARNED_PER_FORM + 100)])
    assert len(library.learn(form, template, "多.goal")) == MAX_LEARNED_PER_FORM


# -- item 10: a library.sqlite that is a FIFO or another special file -------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_the_library_is_refused_at_once_and_reset_sets_it_aside(_private_data_dir: Path,
                                                                         capsys) -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    error = opened_within(path)
    assert isinstance(error, LibraryCorrupt) and "不是普通文件" in str(error)
    assert cli.main(["library", "list"]) == 2
    assert "library reset" in capsys.readouterr().err
    assert cli.main(["library", "reset"]) == 0
    assert path.is_file() and opened_within(path) is None


def test_a_folder_as_the_library_is_named_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "library.sqlite").mkdir()
    error = opened_within(tmp_path / "library.sqlite")
    assert isinstance(error, LibraryCorrupt) and "是一个文件夹" in str(error) and not ENGLISH.search(str(error))


# -- item 12: messages, broken links, the data folder, a library too big, sheet edges ------------------
def test_reset_fixes_a_dangling_symlink(_private_data_dir: Path, capsys) -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(path.parent / "gone.sqlite")
    error = opened_within(path)
    assert isinstance(error, LibraryCorrupt) and "符号链接" in str(error)
    assert cli.main(["library", "reset"]) == 0
    assert path.is_file() and not path.is_symlink()
    assert cli.main(["library", "list"]) == 0


def test_a_data_folder_that_is_a_file_is_named_so(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "data").write_text("x")
    monkeypatch.setenv("GOALFORM_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["library", "list"]) == 2
    err = capsys.readouterr().err
    assert "不是文件夹" in err and "文件已存在" not in err


def test_a_malformed_library_is_told_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    with open(path, "r+b") as f:  # the first page of the entry table: the schema still reads
        f.seek(100)
        f.write(b"\x0d\xff\x00\x07" * 200)
    error = opened_within(path)
    assert isinstance(error, LibraryCorrupt) and "已损坏" in str(error)
    assert not ENGLISH.search(str(error).replace(str(path), ""))


def test_sqlite_errors_in_library_messages_are_chinese() -> None:
    from goalform.store.errors import sqlite_error_text

    for english in ("database disk image is malformed", "file is not a database", "no such table: entry"):
        assert not ENGLISH.search(sqlite_error_text(sqlite3.DatabaseError(english)))


def test_a_library_past_its_size_is_refused_to_list_but_can_be_cleaned(tmp_path: Path, monkeypatch,
                                                                      capsys) -> None:
    monkeypatch.setattr(library_store, "MAX_LIBRARY_ENTRIES", 100)
    library = Library.open(default_path())
    library.import_entries([LibraryEntry("产出指标", "数量指标", f"指标{i}", source=SOURCE_BUREAU) for i in range(40)],
                           "甲.xlsx")
    with pytest.raises(LibraryError, match="上限"):  # 48 built-in + 40 + 40 > 100
        library.import_entries([LibraryEntry("产出指标", "数量指标", f"乙{i}", source=SOURCE_BUREAU)
                                for i in range(40)], "乙.xlsx")
    library.import_entries([LibraryEntry("产出指标", "数量指标", f"指标{i}", source=SOURCE_BUREAU) for i in range(50)],
                           "甲.xlsx")  # replacing a source counts what it replaces
    conn = sqlite3.connect(default_path())  # a library grown past the limit by another program
    sid = conn.execute("SELECT id FROM source WHERE label = '甲.xlsx'").fetchone()[0]
    conn.executemany("INSERT INTO entry(source_id, position, level1, level2, name) VALUES (?, ?, '产出指标', 'x', ?)",
                     [(sid, 100 + i, f"多{i}") for i in range(10)])
    conn.commit()
    conn.close()
    library.close()
    assert cli.main(["library", "list"]) == 2
    assert "超过 100 个" in capsys.readouterr().err
    assert cli.main(["library", "list", "--sources"]) == 0
    assert cli.main(["library", "remove", "--source", "甲.xlsx"]) == 0
    assert cli.main(["library", "list"]) == 0


def test_learning_stops_at_the_library_size(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(library_store, "MAX_LIBRARY_ENTRIES", 50)
    library = Library.open(tmp_path / "library.sqlite")
    form, template = _form_with([Indicator(level=3, name=f"自创指标{i}") for i in range(20)])
    assert len(library.learn(form, template, "x.goal")) == 2
    assert sum(1 for e in library.entries() if e.source == SOURCE_MINE) == 2


def test_a_sheet_of_exactly_the_indicator_limit_is_imported(tmp_path: Path) -> None:
    rows = [["指标库（示例）"], ["一级指标", "二级指标", "三级指标", "指标解释", "参考值"]]
    rows += [["运行成本", "数量指标", f"指标{i}", "", ""] for i in range(MAX_INDICATORS)]
    sheet = read_library(h.xlsx(tmp_path / "full.xlsx", h.sheet_rows(rows)))
    assert len(sheet.entries) == MAX_INDICATORS and not sheet.problems
    rows.append(["运行成本", "数量指标", "多一个", "", ""])
    with pytest.raises(ReadError, match="10,001 个指标，超过一次导入 10,000 个的上限"):
        read_library(h.xlsx(tmp_path / "over.xlsx", h.sheet_rows(rows)))


@pytest.mark.parametrize("name", ["protected.xlsx", "old-renamed.xlsx"])
def test_a_protected_or_renamed_old_sheet_is_named_as_form_import_names_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.startswith("protected"):
        h.encrypted_office(path)
        expected = "设有打开密码"
    else:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
        expected = "旧版 Office 文件"
    with pytest.raises(ReadError, match=expected):
        read_library(path)
