"""Review data in the .goal: comments, status history with fingerprints, and the v1 -> v2 migration."""
from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from helpers.valid_forms import valid_form

from goalform.domain.cells import Cell
from goalform.domain.fingerprint import fingerprint
from goalform.domain.review import Comment, ReviewError, Status
from goalform.domain.validation import validate
from goalform.store import Document, read_form
from goalform.store import review as review_store
from goalform.store.schema import APPLICATION_ID, SCHEMA_VERSION, TABLES


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    times = iter(f"2026-01-{d:02d}T09:00:00+08:00" for d in range(1, 28))
    seen: list[str] = []

    def fake_now() -> str:
        seen.append(next(times))
        return seen[-1]

    monkeypatch.setattr(review_store, "now", fake_now)
    return seen


def saved_valid(tmp_path: Path) -> Path:
    form, _ = valid_form("2026")
    path = tmp_path / "表.goal"
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


def test_comments_are_stored_in_the_file(tmp_path: Path, clock: list[str]) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as doc:
        first_id = doc.roots("annual")[0]
        c1 = doc.add_comment(Cell.field("phone").to_text(), " 电话打不通 ", "王审核")
        c2 = doc.add_comment(Cell.indicator(first_id, "value").to_text(), "请给出数值", "王审核")
        assert c1.text == "电话打不通" and c1.created == clock[0]
        assert doc.is_dirty
        removed = doc.remove_comment(c1)
        assert removed == c1 and doc.comments() == [c2]
        doc.restore_comment(removed)
        assert doc.comments() == [c1, c2]
        doc.save()
    with Document.open(path, read_only=True) as doc:
        assert doc.comments() == [c1, c2]
        assert doc.review().comments_at(Cell.field("phone").to_text()) == [c1]
    form, _ = read_form(path)
    assert form.review is not None and form.review.comments == [c1, c2]


def test_bad_comments_are_refused(tmp_path: Path) -> None:
    with Document.open(saved_valid(tmp_path)) as doc:
        with pytest.raises(ReviewError, match="审核意见不能为空"):
            doc.add_comment("form", "  ", "王审核")
        with pytest.raises(ReviewError, match="请填写审核人"):
            doc.add_comment("form", "意见", "")
        with pytest.raises(ReviewError, match="不存在"):
            doc.remove_comment(Comment(999, "form", "意见", "王审核", "2026-01-01T09:00:00+08:00", "0" * 32))
    # A plain read-only document (batch work: validate, summarize) takes no review records.
    with Document.open(saved_valid(tmp_path), read_only=True) as doc:
        from goalform.store import ReadOnlyError

        assert not doc.takes_review
        with pytest.raises(ReadOnlyError):
            doc.add_comment("form", "意见", "王审核")
        with pytest.raises(ReadOnlyError):
            doc.submit("王审核")


def test_returning_a_form_needs_a_reason(tmp_path: Path) -> None:
    with Document.open(saved_valid(tmp_path)) as doc:
        doc.submit("李文静")
        for blank in ("", "  \n\t "):
            with pytest.raises(ReviewError, match="退回时必须写明原因"):
                doc.set_status(Status.RETURNED, "王审核", blank)
        assert doc.review_status() is Status.SUBMITTED and len(doc.review().history) == 1
        assert doc.set_status(Status.RETURNED, "王审核", " 缺依据 ").note == "缺依据"
        doc.submit("李文静")
        assert doc.set_status(Status.APPROVED, "王审核").note == ""  # 通过 needs no reason


def test_a_read_only_form_takes_review_records_and_keeps_its_content(tmp_path: Path, clock: list[str]) -> None:
    from goalform.store import ReadOnlyError

    path = saved_valid(tmp_path)
    with Document.open(path) as doc:
        doc.submit("李文静")
        doc.save()
    before_form, template = read_form(path)
    before_print = fingerprint(before_form)
    with Document.open_for_review(path) as doc:
        assert doc.read_only and doc.takes_review and not doc.is_dirty
        first = doc.roots("annual")[0]
        comment = doc.add_comment(Cell.indicator(first).to_text(), "请补充依据", "王审核")
        doc.set_status(Status.APPROVED, "王审核", "")
        assert doc.is_dirty
        # The figures never become writable.
        for write in (lambda: doc.set_field("department", "改"), lambda: doc.set_fund("fiscal", "current", "1"),
                      lambda: doc.set_indicator(first, "value", "1"), lambda: doc.set_year(2030)):
            with pytest.raises(ReadOnlyError):
                write()
        doc.save()
        assert not doc.is_dirty
    after_form, _ = read_form(path)
    assert after_form == before_form and fingerprint(after_form) == before_print
    assert after_form.review.comments == [comment]
    assert [c.status for c in after_form.review.history] == [Status.SUBMITTED, Status.APPROVED]
    assert after_form.review.history[-1].fingerprint == before_print
    assert not [f for f in validate(after_form, template) if f.rule == "review.modified"]


def test_a_read_only_save_writes_its_records_onto_the_file_changed_meanwhile(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open_for_review(path) as reviewer:
        reviewer.add_comment("form", "意见", "王审核")
        with Document.open(path) as clerk:  # the clerk saves a change while the reviewer reads
            clerk.set_field("department", "新名称")
            clerk.save()
        outcome = reviewer.save()  # no question: a read-only save writes only its records
        assert outcome.content_from_disk and reviewer.field("department") == "新名称"
    form = read_form(path)[0]
    assert form.department == "新名称" and [c.text for c in form.review.comments] == ["意见"]


def test_submit_records_who_when_and_fingerprint(tmp_path: Path, clock: list[str]) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as doc:
        assert doc.review_status() is Status.DRAFT
        change = doc.submit("李文静")
        assert change.status is Status.SUBMITTED and change.who == "李文静" and change.when == clock[-1]
        assert change.fingerprint == fingerprint(doc.load_form()) == doc.fingerprint()
        assert not doc.modified_since_status()
        with pytest.raises(ReviewError, match="不能改为「草稿」"):
            doc.set_status(Status.DRAFT, "李文静")
        returned = doc.set_status(Status.RETURNED, "王审核", "请补充年度指标")
        assert doc.review_status() is Status.RETURNED and returned.note == "请补充年度指标"
        doc.submit("李文静")
        doc.set_status(Status.APPROVED, "王审核")
        doc.save()
    with Document.open(path, read_only=True) as doc:
        history = doc.review().history
        assert [c.status for c in history] == [Status.SUBMITTED, Status.RETURNED, Status.SUBMITTED, Status.APPROVED]
        assert [c.who for c in history] == ["李文静", "王审核", "李文静", "王审核"]
        assert not doc.modified_since_status()


def test_a_change_after_submission_is_detected(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as doc:
        doc.submit("李文静")
        doc.save()
    with Document.open(path) as doc:  # someone edits the submitted file
        doc.set_field("department", "改过的局")
        assert doc.modified_since_status()
        doc.save()
    form, template = read_form(path)
    [finding] = [f for f in validate(form, template) if f.rule == "review.modified"]
    assert "文件在已提交后被修改" in finding.message
    # Undoing the edit makes the content match the fingerprint again.
    with Document.open(path) as doc:
        doc.set_field("department", "鄂州市示例局")
        assert not doc.modified_since_status()


def test_review_survives_replace_form(tmp_path: Path) -> None:
    with Document.open(saved_valid(tmp_path)) as doc:
        doc.add_comment("form", "整体意见", "王审核")
        doc.submit("李文静")
        form = doc.load_form()
        form.notes = "导入"
        doc.replace_form(form)
        assert len(doc.comments()) == 1 and doc.review_status() is Status.SUBMITTED
        assert doc.modified_since_status()


def test_new_files_have_the_review_tables(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    conn = sqlite3.connect(path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert set(TABLES) <= names
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    finally:
        conn.close()


# The version-1 format as released, written here literally so that this test keeps checking the
# migration of real version-1 files even when the schema module changes.
V1_DDL = """
CREATE TABLE field (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE fund (line TEXT NOT NULL, col TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (line, col));
CREATE TABLE indicator (
    id INTEGER PRIMARY KEY,
    tree TEXT NOT NULL CHECK (tree IN ('long_term', 'annual')),
    parent_id INTEGER REFERENCES indicator(id) ON DELETE CASCADE,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    position INTEGER NOT NULL,
    key TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', value TEXT NOT NULL DEFAULT '',
    basis TEXT NOT NULL DEFAULT '', category TEXT NOT NULL DEFAULT '',
    prev2 TEXT NOT NULL DEFAULT '', prev1 TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_children ON indicator (tree, parent_id, position);
"""


def write_v1_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL)
    conn.executemany("INSERT INTO field(key, value) VALUES (?, ?)",
                     [("template", "2026"), ("year", "2026"), ("department", "旧格式局"), ("deadline", "2028年12月")])
    conn.execute("INSERT INTO fund(line, col, value) VALUES ('fiscal', 'current', '100')")
    conn.execute("INSERT INTO indicator(id, tree, parent_id, level, position, key, name) "
                 "VALUES (1, 'annual', NULL, 1, 0, 'cost', '运行成本')")
    conn.execute("INSERT INTO indicator(id, tree, parent_id, level, position, name) VALUES (2, 'annual', 1, 2, 0, '公用经费控制')")
    conn.execute("INSERT INTO indicator(id, tree, parent_id, level, position, name, value) "
                 "VALUES (3, 'annual', 2, 3, 0, '公用经费控制率', '≥90%')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns


def test_version_1_file_is_migrated_in_the_working_copy(tmp_path: Path) -> None:
    old = tmp_path / "旧.goal"
    write_v1_file(old)
    before = _digest(old)
    with Document.open(old) as doc:
        assert doc.field("department") == "旧格式局"
        assert doc.review_status() is Status.DRAFT and doc.comments() == []
        doc.add_comment("form", "请用新模板", "王审核")
        doc.submit("李文静")
        wc = doc.working_path
        conn = sqlite3.connect(wc)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        conn.close()
        migrated = tmp_path / "新.goal"
        doc.save(migrated)
    assert _digest(old) == before  # opening, migrating and saving elsewhere never touch the original
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Document.open(migrated, read_only=True) as doc:
        assert [c.text for c in doc.comments()] == ["请用新模板"]
        assert doc.review_status() is Status.SUBMITTED


def test_version_1_file_reads_for_batch_work(tmp_path: Path) -> None:
    old = tmp_path / "旧.goal"
    write_v1_file(old)
    before = _digest(old)
    form, template = read_form(old)
    assert form.department == "旧格式局" and form.review is not None and form.review.status is Status.DRAFT
    assert _digest(old) == before
    leftovers = [p for p in tmp_path.iterdir() if p.name != "旧.goal"]
    assert leftovers == []


def test_a_version_1_working_copy_left_by_a_crash_is_recovered(tmp_path: Path) -> None:
    from goalform.store import Workspace
    from goalform.store.workspace import WorkingCopy

    ws = Workspace()
    ws.root.mkdir(parents=True, exist_ok=True)
    path = ws.root / "0123456789abcdef.goal"
    write_v1_file(path)  # as an older goalform left it
    wc = WorkingCopy(path=path, origin=tmp_path / "a.goal", pid=2**22 + 12345, dirty=True, modified=1.0,
                     template_id="2026", department="旧格式局")
    wc.write_sidecar()
    [orphan] = ws.orphans()
    with Document.recover(orphan) as doc:
        assert doc.field("department") == "旧格式局" and doc.review_status() is Status.DRAFT
        doc.submit("李文静")
        doc.save()
    with Document.open(tmp_path / "a.goal", read_only=True) as doc:
        assert doc.review_status() is Status.SUBMITTED


@pytest.mark.parametrize("version", ["2024", "2026"])
def test_fingerprint_survives_save_and_reopen(tmp_path: Path, version: str) -> None:
    from helpers.reference_forms import reference_form

    form = reference_form(version)
    expected = fingerprint(form)
    path = tmp_path / "ref.goal"
    with Document.from_form(form) as doc:
        assert doc.fingerprint() == expected
        doc.submit("李文静")
        doc.save(path)
    again, template = read_form(path)
    assert fingerprint(again) == expected
    assert [f for f in validate(again, template) if f.rule == "review.modified"] == []


def test_forged_review_tables_are_refused_not_crashed_on(tmp_path: Path) -> None:
    from goalform.store import CorruptFile

    good = saved_valid(tmp_path)
    forged = tmp_path / "forged.goal"
    forged.write_bytes(good.read_bytes())
    conn = sqlite3.connect(forged)
    conn.execute("DROP TABLE review_status")
    conn.execute("CREATE TABLE review_status (x)")
    conn.commit()
    conn.close()
    for opener in (lambda: read_form(forged), lambda: Document.open(forged)):
        with pytest.raises(CorruptFile, match="review_status 缺少列"):
            opener()
    # A "version 1" file that already has a table version 2 adds: not what goalform writes, refused.
    old = tmp_path / "old.goal"
    write_v1_file(old)
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE review_comment (x)")
    conn.commit()
    conn.close()
    with pytest.raises(CorruptFile, match="不会生成的内容（review_comment）"):
        read_form(old)
    with pytest.raises(CorruptFile, match="不会生成的内容（review_comment）"):
        Document.open(old)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".goal" and p.name.startswith("goalform-")]


def test_a_review_only_document_lives_in_a_working_copy(tmp_path: Path) -> None:
    from goalform.store import ReadOnlyError

    path = saved_valid(tmp_path)
    before = path.read_bytes()
    doc = Document.open_for_review(path)
    working = doc.working_path
    try:
        assert doc.read_only and doc.takes_review and working is not None and working.exists()
        with pytest.raises(ReadOnlyError):
            doc.set_field("department", "改")
        doc.add_comment("form", "意见", "王审核")
        assert path.read_bytes() == before  # nothing reaches the file before 保存
        doc.save()
        assert read_form(path)[0].review.comments[0].text == "意见"
    finally:
        doc.close()
    assert not working.exists()
