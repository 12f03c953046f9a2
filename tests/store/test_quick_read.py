"""The one-pass reader (store/quick_read) gives every file exactly the answer the full checks give:
the same form for a good file, the same refusal for a bad one (which it leaves to the full path)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from helpers.valid_forms import valid_form

from goalform.domain.form import walk
from goalform.domain.review import Status
from goalform.store import Document, StoreError, read_form
from goalform.store.quick_read import read_quickly


def _full(path: Path):  # noqa: ANN202 - (form, template) or the error, as before the snapshot reader
    try:
        with Document.open(path, read_only=True) as doc:
            return doc.load_form(), doc.template
    except StoreError as e:
        return type(e), str(e)


def _quick(path: Path):  # noqa: ANN202
    try:
        return read_form(path)
    except StoreError as e:
        return type(e), str(e)


def _same(a, b) -> None:  # noqa: ANN001
    if isinstance(a[0], type):
        assert a == b
        return
    assert a[0] == b[0] and a[1] is b[1] and a[0].review == b[0].review
    for tree in ("long_term", "annual"):
        assert [n.id for _, n in walk(a[0].tree(tree))] == [n.id for _, n in walk(b[0].tree(tree))]
    assert list(a[0].funds) == list(b[0].funds)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    form, _ = valid_form("2026")
    path = tmp_path / "good.goal"
    with Document.from_form(form) as doc:
        doc.add_comment("form", "请核实", "审核员甲")
        doc.set_fund("fiscal", "prev1", "12.5")
        doc.submit("张三")
        doc.set_status(Status.RETURNED, "审核员甲", "请补充")
        doc.save(path)
    return path


def test_a_good_file_is_read_in_one_pass_as_the_full_path_reads_it(good: Path) -> None:
    quick = read_quickly(good)
    assert quick is not None
    _same(quick, _full(good))
    assert quick[0].review.last_change.status is Status.RETURNED


# Each edit makes a file that is not the common case; the statements run on a copy of the good file.
EDITS = {
    "indicator name as a blob": ["UPDATE indicator SET name = CAST('x' AS BLOB) WHERE id = 5"],
    "amount as a number": ["UPDATE fund SET value = 12 WHERE line = 'fiscal' AND col = 'prev1'"],
    "comment text as a number": ["UPDATE review_comment SET text = 3"],
    "level out of range": ["UPDATE indicator SET level = 4 WHERE id = 7"],
    "orphan": ["UPDATE indicator SET parent_id = 99999 WHERE level = 3 AND id = (SELECT max(id) FROM indicator)"],
    "level-1 with a parent": ["UPDATE indicator SET parent_id = 2 WHERE id = 1"],
    "parent in the other tree": ["UPDATE indicator SET tree = CASE tree WHEN 'annual' THEN 'long_term' ELSE 'annual' END"
                                 " WHERE id = (SELECT max(id) FROM indicator)"],
    "position as text": ["UPDATE indicator SET position = 'a' WHERE id = 3"],
    "negative position": ["UPDATE indicator SET position = -1 WHERE id = 3"],
    "unknown template": ["UPDATE field SET value = '2099' WHERE key = 'template'"],
    "year out of range": ["UPDATE field SET value = '1800' WHERE key = 'year'"],
    "year not a number": ["UPDATE field SET value = '二〇二六' WHERE key = 'year'"],
    "year with blanks": ["UPDATE field SET value = ' 2026 ' WHERE key = 'year'"],
    "year with a sign": ["UPDATE field SET value = '+2026' WHERE key = 'year'"],
    "unknown status": ["UPDATE review_status SET status = 'lost' WHERE id = 1"],
    "bad UTF-8": ["UPDATE field SET value = CAST(X'E4B8' AS TEXT) WHERE key = 'filler'"],
    "a cell past the limit": ["UPDATE field SET value = printf('%.*c', 100001, 'x') WHERE key = 'notes'"],
    "an extra index": ["CREATE INDEX extra ON field(value)"],
    "a trigger": ["CREATE TRIGGER t AFTER INSERT ON field BEGIN SELECT 1; END"],
    "schema with other whitespace": ["PRAGMA writable_schema = ON",
                                     "UPDATE sqlite_master SET sql = replace(sql, '    ', ' ') WHERE name = 'field'"],
    "a review id out of range": ["UPDATE review_comment SET id = 3000000000"],
    "a review uid not hex": ["UPDATE review_comment SET uid = 'XYZ' || substr(uid, 4)"],
    "a review uid too short": ["UPDATE review_status SET uid = substr(uid, 2) WHERE id = 1"],
    "changed_from not a SHA-256": ["UPDATE review_status SET changed_from = 'abc' WHERE id = 1"],
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_unusual_file_gets_the_answer_of_the_full_checks(good: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / "edited.goal"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for sql in EDITS[name]:
        conn.execute(sql)
    conn.close()
    _same(_quick(path), _full(path))


def test_an_older_file_is_migrated_by_the_full_path(good: Path, tmp_path: Path) -> None:
    path = tmp_path / "v1.goal"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE review_comment")
    conn.execute("DROP TABLE review_status")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("VACUUM")
    conn.close()
    assert read_quickly(path) is None
    _same(_quick(path), _full(path))


def test_too_many_characters_in_all_are_refused_by_the_full_path(good: Path, monkeypatch) -> None:
    from goalform.store import checks, quick_read

    monkeypatch.setattr(quick_read, "MAX_FORM_CHARS", 100)
    monkeypatch.setattr(checks, "MAX_FORM_CHARS", 100)
    assert read_quickly(good) is None
    _same(_quick(good), _full(good))
    assert isinstance(_quick(good)[0], type)  # refused


def test_the_characters_are_counted_as_the_full_checks_count_them(good: Path, monkeypatch) -> None:
    from goalform.store import checks, quick_read

    conn = sqlite3.connect(good)
    total = 0
    for table, columns in checks.TEXT_COLUMNS.items():
        where = " WHERE key IS NOT 'notes'" if table == "field" else ""
        total += conn.execute(f"SELECT sum({' + '.join(f'ifnull(length({c}), 0)' for c in columns)}) FROM {table}"
                              + where).fetchone()[0] or 0
    conn.close()
    for limit, read in ((total, True), (total - 1, False)):
        monkeypatch.setattr(quick_read, "MAX_FORM_CHARS", limit)
        monkeypatch.setattr(checks, "MAX_FORM_CHARS", limit)
        assert (read_quickly(good) is not None) is read
        _same(_quick(good), _full(good))


def test_too_many_rows_are_refused_by_the_full_path(good: Path, tmp_path: Path, monkeypatch) -> None:
    from goalform.store import checks, quick_read

    monkeypatch.setattr(quick_read, "MAX_GOAL_OTHER_ROWS", 3)
    monkeypatch.setattr(checks, "MAX_GOAL_OTHER_ROWS", 3)
    assert read_quickly(good) is None
    _same(_quick(good), _full(good))
