"""Issue 13: crafted .goal files, SQLite's locks and journals, files that are not plain files, limits,
and the save lock. Each test names the defect it guards against."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goalform import assets
from goalform.cli import main as cli_main
from goalform.domain.errors import os_error_text
from goalform.domain.limits import MAX_CELL_CHARS, MAX_INDICATORS
from goalform.store import CorruptFile, Document, NotAGoalFile, SaveError, StoreError, read_form
from goalform.store import database, locking, saving
from goalform.store.errors import FileBusy, TooLarge
from goalform.store.workspace import remove_stale_snapshots


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.goal"
    with Document.new(assets.template("2026")) as doc:
        doc.set_field("department", "好文件")
        doc.save(path)
    return path


def crafted(good: Path, name: str, *statements: str, writable_schema: bool = False) -> Path:
    """A copy of ``good`` changed behind goalform's back (constraints and foreign keys off)."""
    path = good.with_name(name + ".goal")
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    if writable_schema:
        conn.execute("PRAGMA writable_schema = ON")
    for sql in statements:
        conn.execute(sql)
    conn.close()
    return path


LEVEL2 = "(SELECT id FROM indicator WHERE level = 2 LIMIT 1)"

# Defect 2: wrong types, bad UTF-8 and broken trees crashed the GUI (SIGSEGV) or printed a traceback.
BAD_CONTENT = {
    "parent_id text": (f"UPDATE indicator SET parent_id = 'abc' WHERE id = {LEVEL2}", "上级编号「abc」无效"),
    "position 9e999": (f"UPDATE indicator SET position = 9e999 WHERE id = {LEVEL2}", "顺序号「inf」无效"),
    "position negative": (f"UPDATE indicator SET position = -1 WHERE id = {LEVEL2}", "顺序号「-1」无效"),
    "level text": (f"UPDATE indicator SET level = 'x' WHERE id = {LEVEL2}", "级别「x」无效"),
    "level 9": (f"UPDATE indicator SET level = 9 WHERE id = {LEVEL2}", "级别「9」无效"),
    "tree unknown": (f"UPDATE indicator SET tree = 'zzz' WHERE id = {LEVEL2}", "所属的表「zzz」无效"),
    "id negative": ("UPDATE indicator SET id = -7 WHERE id = (SELECT max(id) FROM indicator)", "编号 -7 超出范围"),
    "id huge": ("UPDATE indicator SET id = 9223372036854775807 WHERE id = (SELECT max(id) FROM indicator)",
                "超出范围"),
    "invalid utf-8": (f"UPDATE indicator SET name = CAST(x'ff41' AS TEXT) WHERE id = {LEVEL2}", "UTF-8"),
    "invalid utf-8 field": ("UPDATE field SET value = CAST(x'c3' AS TEXT) WHERE key = 'department'", "UTF-8"),
    "orphan": (f"UPDATE indicator SET parent_id = 99999 WHERE id = {LEVEL2}", "上级 99999 不存在"),
    "self cycle": (f"UPDATE indicator SET parent_id = id WHERE id = {LEVEL2}", "指标层级有误"),
    "level 1 with parent": ("UPDATE indicator SET parent_id = (SELECT max(id) FROM indicator) "
                            "WHERE id = (SELECT min(id) FROM indicator)", "不应有上级"),
    "level skips": ("UPDATE indicator SET level = 3 WHERE level = 2", "指标层级有误"),
    "cross tree": ("UPDATE indicator SET tree = CASE tree WHEN 'annual' THEN 'long_term' ELSE 'annual' END "
                   f"WHERE id = {LEVEL2}", "不在同一张表中"),
    "comment id": ("INSERT INTO review_comment(id, location, text, author, created) "
                   "VALUES (-3, 'form', 't', 'a', 'x')", "审核意见编号 -3 超出范围"),
    "comment without identity": ("INSERT INTO review_comment(location, text, author, created) "
                                 "VALUES ('form', 't', 'a', 'x')", "审核意见 1 的标识无效"),
    "status identity not hex": ("INSERT INTO review_status(status, who, changed_at, uid) "
                                "VALUES ('submitted', 'a', 'x', 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ')", "标识无效"),
    "status changed_from not a fingerprint": (
        "INSERT INTO review_status(status, who, changed_at, uid, changed_from) "
        "VALUES ('approved', 'a', 'x', '0123456789abcdef0123456789abcdef', 'abc')", "指纹无效"),
}


@pytest.mark.parametrize("case", sorted(BAD_CONTENT))
def test_bad_structure_is_refused_naming_what_is_wrong(good: Path, case: str) -> None:
    sql, fragment = BAD_CONTENT[case]
    bad = crafted(good, "bad", sql)
    before = bad.read_bytes()
    with pytest.raises(CorruptFile, match=fragment):
        read_form(bad)
    with pytest.raises(CorruptFile, match=fragment):
        Document.open(bad)
    assert bad.read_bytes() == before


def test_the_cli_refuses_a_bad_file_with_one_line_and_exit_2(good: Path, capsys) -> None:
    bad = crafted(good, "bad", f"UPDATE indicator SET parent_id = 'abc' WHERE id = {LEVEL2}")
    for args in (["validate", str(bad)], ["show", str(bad)], ["review", str(bad)],
                 ["review", str(bad), "--comment", "意见", "--who", "审核人"]):
        assert cli_main(args) == 2
        err = capsys.readouterr().err
        assert "上级编号" in err and len(err.strip().splitlines()) == 1


def test_duplicate_positions_are_read_in_a_stable_order(good: Path) -> None:
    """Not an error: siblings sharing a position are ordered by id, and the next move renumbers them."""
    bad = crafted(good, "dup", "UPDATE indicator SET position = 0")
    form, _ = read_form(bad)
    assert form.department == "好文件" and form.annual


# Defect 4: code in the file's schema ran during quick_check (a hang, or 2 GB of memory).
SCHEMA_CODE = {
    "CHECK that allocates": "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (level BETWEEN 1 AND 3)', "
                            "'CHECK (length(zeroblob(2000000000)) > 0)') WHERE name = 'indicator'",
    "DEFAULT expression": "UPDATE sqlite_master SET sql = replace(sql, 'prev1     TEXT NOT NULL DEFAULT ''''', "
                          "'prev1 TEXT NOT NULL DEFAULT (hex(zeroblob(1000000)))') WHERE name = 'indicator'",
    "index expression": "UPDATE sqlite_master SET sql = 'CREATE INDEX indicator_children ON indicator "
                        "(length(zeroblob(1000000000)))' WHERE name = 'indicator_children'",
    "extra table": "INSERT INTO sqlite_master VALUES ('table', 'x', 'x', 0, 'CREATE TABLE x(a)')",
    "CHECK with a recursive query": "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (level BETWEEN 1 AND 3)', "
                                    "'CHECK (level BETWEEN 1 AND 3 AND (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL "
                                    "SELECT i + 1 FROM r) SELECT count(*) FROM r) > 0)') WHERE name = 'indicator'",
}


@pytest.mark.parametrize("case", sorted(SCHEMA_CODE))
def test_schema_code_from_the_file_never_runs(good: Path, case: str) -> None:
    bad = crafted(good, "code", SCHEMA_CODE[case], writable_schema=True)
    assert good.read_bytes() != bad.read_bytes()
    started = time.monotonic()
    with pytest.raises(CorruptFile, match="拒绝打开"):
        Document.open(bad)
    with pytest.raises(CorruptFile, match="拒绝打开"):
        read_form(bad)
    assert time.monotonic() - started < 5


def test_whitespace_and_comments_in_the_schema_do_not_matter(good: Path) -> None:
    ok = crafted(good, "spaces", "UPDATE sqlite_master SET sql = replace(replace(sql, '    ', ' '), "
                 "'-- current | prev2 | prev1', '/* columns */') WHERE name IN ('fund', 'indicator')",
                 writable_schema=True)
    assert read_form(ok)[0].department == "好文件"


def test_every_check_is_bounded_in_time(good: Path, monkeypatch) -> None:
    """The progress handler stops a statement that runs too long (defence behind the schema comparison)."""
    many = crafted(good, "many", "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3000) "
                   "INSERT INTO indicator(tree, parent_id, level, position, name) SELECT 'annual', NULL, 1, 0, 'x' FROM r")
    read_form(many)  # within the limits
    monkeypatch.setattr(database, "MAX_GOAL_CHECK_SECONDS", 0.0)
    with pytest.raises(TooLarge, match="用时超过"):
        read_form(many)


# Defect 6 (scale): a million rows or a 100 MB cell timed out or ran out of memory.
def test_too_many_indicators_are_refused_before_loading(good: Path) -> None:
    n = MAX_INDICATORS + 10
    big = crafted(good, "many", "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < "
                  f"{n}) INSERT INTO indicator(tree, parent_id, level, position, name) "
                  "SELECT 'annual', NULL, 1, 0, 'x' FROM r")
    with pytest.raises(TooLarge, match="超过 10,000 条"):
        read_form(big)
    from goalform.store import checks

    def never(*args):  # the copy's checks: the source's size was counted before anything was copied
        raise AssertionError("copied before counting")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(checks, "check_file", never)
        with pytest.raises(TooLarge):
            Document.open(big)


def test_a_long_cell_is_refused(good: Path) -> None:
    long = crafted(good, "long", f"UPDATE field SET value = printf('%.{MAX_CELL_CHARS + 1}c', 'x') "
                   "WHERE key = 'department'")
    with pytest.raises(TooLarge, match="每格 100,000 字"):
        read_form(long)
    huge = crafted(good, "huge", "UPDATE field SET value = hex(zeroblob(10000000)) WHERE key = 'department'")
    with pytest.raises(TooLarge):
        Document.open(huge)


def test_a_file_past_the_size_limit_is_refused_before_reading(good: Path, monkeypatch) -> None:
    monkeypatch.setattr(database, "MAX_GOAL_BYTES", good.stat().st_size - 1)
    with pytest.raises(TooLarge, match="上限"):
        read_form(good)


def test_saving_what_goalform_would_refuse_to_open_is_refused(good: Path, tmp_path: Path) -> None:
    with Document.open(good) as doc:
        doc.set_field("department", "长" * (MAX_CELL_CHARS + 1))
        with pytest.raises(SaveError, match="不能保存"):
            doc.save()
    assert read_form(good)[0].department == "好文件"


# Defect 5: files that are not plain files.
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once(tmp_path: Path, good: Path) -> None:
    fifo = tmp_path / "x.goal"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(NotAGoalFile, match="不是普通文件"):
        read_form(fifo)
    with Document.open(good) as doc, pytest.raises(SaveError, match="不是普通文件"):
        doc.save(fifo)
    assert time.monotonic() - started < 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused() -> None:
    with pytest.raises(NotAGoalFile, match="不是普通文件"):
        read_form("/dev/zero")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root may write read-only files")
def test_a_read_only_file_is_not_replaced(good: Path) -> None:
    os.chmod(good, 0o444)
    with Document.open(good) as doc:
        doc.set_field("department", "改")
        with pytest.raises(SaveError, match="只读"):
            doc.save()
    assert read_form(good)[0].department == "好文件"
    assert (good.stat().st_mode & 0o777) == 0o444


def test_a_read_only_file_is_not_replaced_even_for_root(good: Path) -> None:
    os.chmod(good, 0o444)
    try:
        with Document.open(good) as doc:
            doc.set_field("department", "改")
            with pytest.raises(SaveError, match="只读"):
                doc.save()
        assert read_form(good)[0].department == "好文件"
    finally:
        os.chmod(good, 0o644)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_saving_keeps_the_file_permissions(good: Path) -> None:
    os.chmod(good, 0o640)
    with Document.open(good) as doc:
        doc.set_field("department", "改")
        doc.save()
    assert (good.stat().st_mode & 0o777) == 0o640


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs symbolic links")
def test_saving_through_a_symlink_saves_its_target(tmp_path: Path, good: Path) -> None:
    link = tmp_path / "link.goal"
    link.symlink_to(good)
    with Document.open(link) as doc:
        doc.set_field("department", "经由链接")
        doc.save()
    assert link.is_symlink()
    assert read_form(good)[0].department == "经由链接"


# Defect 3: SQLite's locks and journals.
HOT_WRITER = r"""
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")
conn.execute("BEGIN")
conn.execute("UPDATE field SET value = 'TORN' WHERE key = 'department'")
conn.execute("INSERT INTO review_comment(location, text, author, created, uid) SELECT 'form', hex(randomblob(2000)),"
             " 'a', 'x', lower(hex(randomblob(16)))"
             " FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 2000) SELECT i FROM r)")
os._exit(9)  # a crash with the transaction half-written to the file
"""


def test_a_hot_journal_is_not_ignored_and_saving_over_it_is_safe(tmp_path: Path, good: Path) -> None:
    subprocess.run([sys.executable, "-c", HOT_WRITER, str(good)], check=False)
    journal = Path(str(good) + "-journal")
    assert journal.exists()
    torn = good.read_bytes()
    with pytest.raises(FileBusy, match="未完成的写入"):
        read_form(good)
    with pytest.raises(FileBusy, match="未完成的写入"):
        Document.open(good)
    assert good.read_bytes() == torn  # reading never writes the user's file
    with Document.new(assets.template("2024")) as doc:
        doc.set_field("department", "新的")
        doc.save(good)
    assert not journal.exists()
    form, template = read_form(good)  # the stale journal can no longer be applied to the new file
    assert (form.department, template.id) == ("新的", "2024")


def test_a_stale_journal_beside_a_new_file_is_removed(tmp_path: Path, good: Path) -> None:
    subprocess.run([sys.executable, "-c", HOT_WRITER, str(good)], check=False)
    target = tmp_path / "new.goal"
    shutil.copyfile(str(good) + "-journal", str(target) + "-journal")
    Path(str(target) + "-wal").write_bytes(b"stale")
    with Document.new(assets.template("2026")) as doc:
        doc.set_field("department", "新文件")
        doc.save(target)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("new")) == ["new.goal"]
    assert read_form(target)[0].department == "新文件"


def test_a_file_another_program_is_writing_is_read_clean_and_not_saved_over(good: Path, monkeypatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.2)
    writer = sqlite3.connect(good, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE field SET value = '写了一半' WHERE key = 'department'")
        assert read_form(good)[0].department == "好文件"  # the committed state, not the write in flux
        with Document.open(good) as doc:
            doc.set_field("department", "我的")
            with pytest.raises(FileBusy, match="正被其他程序使用"):
                doc.save()
            writer.execute("COMMIT")
            writer.execute("BEGIN EXCLUSIVE")
            with pytest.raises(FileBusy, match="已锁定"):  # a locked file is not called 已损坏
                read_form(good)
            writer.execute("ROLLBACK")
            doc.save(overwrite_changes=True)
    finally:
        writer.close()
    assert read_form(good)[0].department == "我的"


def test_a_wal_file_left_by_another_program_is_checkpointed_not_lost(good: Path) -> None:
    other = sqlite3.connect(good, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("UPDATE field SET value = '在 WAL 里' WHERE key = 'department'")
    try:
        assert read_form(good)[0].department == "在 WAL 里"
    finally:
        other.close()


# Defect 1: the save lock and temporary files.
def test_the_save_lock_is_exclusive_between_processes_and_dropped_when_the_holder_dies(good: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from goalform.store.locking import save_lock\n"
         "with save_lock(sys.argv[1]):\n    print('locked', flush=True); time.sleep(60)", str(good)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with Document.open(good) as doc:
            doc.set_field("department", "等锁")
            with pytest.raises(FileBusy, match="正在保存"):
                with locking.save_lock(good, timeout=0.3):
                    pass
            holder.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
            holder.wait()
            doc.save()  # the OS dropped the dead holder's lock
    finally:
        with contextlib.suppress(OSError):
            holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()
    assert read_form(good)[0].department == "等锁"
    assert not locking.lock_path(good).exists()


def test_the_lock_is_reentrant_within_a_process(good: Path) -> None:
    with locking.save_lock(good), Document.open(good) as doc:
        doc.set_field("department", "锁内保存")
        doc.save()
    assert read_form(good)[0].department == "锁内保存"


def test_a_live_saver_s_temporary_file_is_never_removed(good: Path) -> None:
    live = locking.temp_path(good)  # ours: this process is alive
    live.write_bytes(b"in flight")
    other_host = good.with_name(f".{good.name}.00000000-1-abcdef01.tmp")
    other_host.write_bytes(b"another computer's")
    dead = good.with_name(live.name.replace(f"-{os.getpid()}-", "-999999999-"))
    dead.write_bytes(b"left by a crash")
    legacy = good.with_name(f".{good.name}.abcdef01.tmp")
    legacy.write_bytes(b"old goalform")
    old = time.time() - 2 * 24 * 3600
    os.utime(legacy, (old, old))
    locking.remove_stale_temporaries(good)
    assert live.exists() and other_host.exists()
    assert not dead.exists() and not legacy.exists()


def test_changed_on_disk_is_checked_under_the_lock(good: Path) -> None:
    """The check and the rename are one step: a save that slips in between is caught."""
    from goalform.store import ChangedOnDisk

    with Document.open(good) as mine, Document.open(good) as theirs:
        mine.set_field("department", "我的")
        theirs.set_field("department", "他们的")
        calls: list[str] = []

        original_check = saving.save_lock

        @contextlib.contextmanager
        def lock_then_they_save(target, timeout=locking.LOCK_TIMEOUT):
            if not calls:
                calls.append("them")
                theirs.save()
            with original_check(target, timeout):
                yield

        saving.save_lock = lock_then_they_save  # type: ignore[assignment]
        try:
            with pytest.raises(ChangedOnDisk):
                mine.save()
        finally:
            saving.save_lock = original_check  # type: ignore[assignment]
    assert read_form(good)[0].department == "他们的"


# Defect 7: messages and leftovers.
def test_os_errors_are_told_in_chinese() -> None:
    import errno

    assert os_error_text(OSError(errno.ENOSPC, "No space left on device")) == "磁盘已满"
    assert os_error_text(OSError(errno.EACCES, "Permission denied")) == "没有权限"
    assert os_error_text(OSError(errno.EROFS, "Read-only file system")) == "磁盘或文件夹是只读的"
    assert "Errno" not in os_error_text(OSError(12345, "odd"))


def test_reading_leaves_no_temporary_file_and_old_snapshots_are_cleaned(tmp_path: Path, good: Path,
                                                                        monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    bad = crafted(good, "bad", f"UPDATE indicator SET parent_id = 'abc' WHERE id = {LEVEL2}")
    with pytest.raises(CorruptFile):
        Document.open(bad, read_only=True)
    read_form(good)
    assert not list(tmp_path.glob("goalform-*"))
    stale = tmp_path / "goalform-0123.goal"
    stale.write_bytes(b"x")
    fresh = tmp_path / "goalform-4567.goal"
    fresh.write_bytes(b"x")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    assert remove_stale_snapshots() == 1
    assert fresh.exists() and not stale.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0, reason="needs root to mount a tmpfs")
def test_a_full_disk_fails_the_save_with_a_message_and_keeps_the_file(tmp_path: Path, good: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        pytest.skip("mount not permitted")
    try:
        target = disk / "form.goal"
        with Document.new(assets.template("2026")) as doc:
            doc.save(target)
            before = target.read_bytes()
            doc.set_field("department", "很长" * 9000)
            filler = disk / "filler"
            with contextlib.suppress(OSError):
                filler.write_bytes(b"\0" * 1024 * 1024)
            with pytest.raises(SaveError, match="磁盘已满"):
                doc.save()
        assert target.read_bytes() == before
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "form.goal"]
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_folder_without_file_locks_refuses_the_save(good: Path, monkeypatch) -> None:
    """A network folder whose file system cannot lock: saving could race another saver, so it is refused."""
    import errno

    fcntl = pytest.importorskip("fcntl")

    def no_locks(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with Document.open(good) as doc:
        doc.set_field("department", "改")
        with pytest.raises(SaveError, match="不支持文件锁"):
            doc.save()
    assert read_form(good)[0].department == "好文件"


def test_a_blob_or_a_number_where_text_belongs_is_refused(good: Path) -> None:
    for sql in (f"UPDATE indicator SET name = x'ff00' WHERE id = {LEVEL2}",
                "INSERT INTO fund(line, col, value) VALUES (x'00', 'current', '1')",
                "UPDATE field SET key = x'6b' WHERE key = 'phone'"):
        bad = crafted(good, "blob", sql)
        with pytest.raises(CorruptFile, match="不是文字的内容"):
            read_form(bad)


def test_a_save_right_after_ours_is_not_taken_for_ours(good: Path, monkeypatch) -> None:
    """The stamp of what we wrote is taken under the lock: someone saving just after our rename
    (before we looked at the file again) is still noticed at our next save."""
    from goalform.store import ChangedOnDisk

    with Document.open(good) as mine, Document.open(good) as theirs:
        theirs.set_field("department", "他们的")
        mine.set_field("department", "我的")
        real = saving.remove_stale_temporaries
        done: list[bool] = []

        def then_they_save(target):  # runs after our rename, once the lock is released
            if not done:
                done.append(True)
                theirs.save(overwrite_changes=True)
            real(target)

        monkeypatch.setattr(saving, "remove_stale_temporaries", then_they_save)
        mine.save()
        assert read_form(good)[0].department == "他们的"
        mine.set_field("department", "我的，又改了")
        with pytest.raises(ChangedOnDisk):
            mine.save()
    assert read_form(good)[0].department == "他们的"


def test_saving_over_a_file_another_program_switched_to_wal(good: Path, monkeypatch) -> None:
    """Its WAL is checkpointed and the file switched back to a rollback journal under SQLite's rules;
    while that program still has it open, the save waits and then says the file is in use."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(good, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("UPDATE field SET value = '另一个程序' WHERE key = 'filler'")
    with Document.open(good) as doc:
        assert doc.field("filler") == "另一个程序"  # read from its WAL, under SQLite's rules
        doc.set_field("department", "改")
        with pytest.raises(FileBusy, match="正被其他程序使用"):
            doc.save()
        other.close()
    with Document.open(good) as doc:
        doc.set_field("department", "改好了")
        doc.save()  # our own switch back from WAL is not taken for someone else's change
    assert read_form(good)[0].department == "改好了"
    assert not Path(str(good) + "-wal").exists()


def test_sqlite_uris_of_local_and_network_paths() -> None:
    from pathlib import PurePosixPath, PureWindowsPath

    assert database.sqlite_uri(PureWindowsPath(r"\\server\share\表 1.goal")) == "file:////server/share/%E8%A1%A8%201.goal"
    assert database.sqlite_uri(PureWindowsPath(r"C:\forms\a#b.goal")) == "file:///C:/forms/a%23b.goal"
    assert database.sqlite_uri(PurePosixPath("/tmp/a?b.goal")) == "file:///tmp/a%3Fb.goal"


def test_commenting_on_a_file_in_a_missing_folder_says_the_file_is_missing(tmp_path: Path, capsys) -> None:
    assert cli_main(["review", str(tmp_path / "nowhere" / "x.goal"), "--comment", "意见", "--who", "审核人"]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()
