"""Issue 23 items 6, 11 and 13: shared folders and odd but valid paths.

A lock file another user left (0644, theirs) never blocks saving; a symlink planted as the lock is
never followed; names up to the file system's 255 bytes save and export (temporary names fit); what a
killed save left is cleaned the next time anything in that folder is opened or saved; reading a
WAL-mode file never creates ``-shm``/``-wal`` beside it; a full data folder leaves no ``.json.tmp``.
"""
from __future__ import annotations

import contextlib
import copy
import errno
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from helpers.reference_forms import read_reference

from goalform.formats.export import export_file
from goalform.store import Document, locking, read_form
from goalform.store.errors import SaveError
from goalform.store.workspace import WorkingCopy

posix = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions, links and flock")


def _goal(path: Path, department: str = "示例局") -> Path:
    form = copy.deepcopy(read_reference("2026").form)
    form.department = department
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


def forget() -> None:
    """Clean every folder again when next used, as a new process would (imported here so that the
    other tests of this file also run, and fail, on a goalform without store.leftovers)."""
    from goalform.store.leftovers import forget as forget_cleaned

    forget_cleaned()


@pytest.fixture(autouse=True)
def _fresh_folders() -> None:
    with contextlib.suppress(ImportError):
        forget()  # every test's folders are cleaned again when first used


# -- item 6: locks in shared folders -------------------------------------------------------------
@posix
def test_a_lock_file_we_may_not_write_does_not_block_saving(tmp_path: Path, monkeypatch) -> None:
    good = _goal(tmp_path / "共享.goal")
    lock = locking.lock_path(good)
    lock.write_bytes(b"")
    real_open = os.open

    def as_another_user(path, flags, *args):  # noqa: ANN001 - the lock is 0644 and not ours
        if Path(path) == lock and flags & (os.O_RDWR | os.O_WRONLY):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(locking.os, "open", as_another_user)
    with Document.open(good) as doc:
        doc.set_field("department", "别人的锁")
        doc.save()
    assert read_form(good)[0].department == "别人的锁"


@posix
def test_an_unreadable_strangers_lock_is_replaced_only_when_stale(tmp_path: Path, monkeypatch) -> None:
    good = _goal(tmp_path / "共享.goal")
    lock = locking.lock_path(good)
    lock.write_bytes(b"")
    real_open = os.open

    def unreadable(path, flags, *args):  # noqa: ANN001 - a 0600 lock of another user
        if Path(path) == lock and lock.exists():
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(locking.os, "open", unreadable)
    with Document.open(good) as doc:
        doc.set_field("department", "过期的锁")
        with pytest.raises(SaveError, match="另一个用户留下的锁文件"):
            doc.save()  # a recent one may be a save in progress: said, not broken
        old = time.time() - 2 * locking.STRANGER_LOCK_AGE
        os.utime(lock, (old, old))
        doc.save()
    assert read_form(good)[0].department == "过期的锁"


@posix
def test_a_symlink_planted_as_the_lock_is_never_followed(tmp_path: Path) -> None:
    good = _goal(tmp_path / "a.goal")
    victim = tmp_path / "elsewhere" / "created-by-goalform"
    victim.parent.mkdir()
    locking.lock_path(good).symlink_to(victim)  # dangling
    existing = tmp_path / "elsewhere" / "existing"
    existing.write_bytes(b"keep")
    with Document.open(good) as doc:
        doc.set_field("department", "链接")
        doc.save()
        locking.lock_path(good).symlink_to(existing)
        doc.set_field("department", "链接二")
        doc.save()
    assert not victim.exists() and existing.read_bytes() == b"keep"
    assert read_form(good)[0].department == "链接二"


def _run_as(uid: int, code: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                           sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.skipif(os.name == "nt" or not hasattr(os, "geteuid") or os.geteuid() != 0
                    or shutil.which("setpriv") is None, reason="needs root to act as two users")
def test_a_real_lock_file_of_another_user() -> None:
    """The real case: nobody's 0644 lock in a shared folder, a save by a third user."""
    folder = Path(tempfile.mkdtemp(prefix="goalform-shared-"))
    try:
        folder.chmod(0o777)
        good = _goal(folder / "共享.goal")
        good.chmod(0o666)
        lock = locking.lock_path(good)
        lock.write_bytes(b"")
        os.chown(lock, 65534, 65534)
        lock.chmod(0o644)
        data = folder / "data"
        data.mkdir(mode=0o777)
        data.chmod(0o777)
        code = ("import os, sys\nos.environ['GOALFORM_DATA_DIR'] = sys.argv[2]\n"
                "from goalform.store import Document\n"
                "with Document.open(sys.argv[1]) as d:\n"
                "    d.set_field('department', '第三个用户'); d.save()\nprint('saved')")
        done = _run_as(12345, code, str(good), str(data))
        assert done.returncode == 0 and "saved" in done.stdout, done.stderr
        assert read_form(good)[0].department == "第三个用户"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- item 11: long valid names ------------------------------------------------------------------
def test_names_up_to_255_bytes_save_and_export(tmp_path: Path) -> None:
    ref = read_reference("2026")
    for stem in ("汉" * 80, "汉" * 83, "a" * 249):
        good = _goal(tmp_path / f"{stem}.goal")  # 245, 254 and 254 bytes
        assert read_form(good)[0].department == "示例局"
        with Document.open(good) as doc:
            doc.set_field("department", "长名字")
            doc.save()
        assert read_form(good)[0].department == "长名字"
        for suffix in (".xlsx", ".docx"):
            out = tmp_path / f"{'表' * 83}{suffix}"  # 254 and 254 bytes: the temporary name must still fit
            export_file(ref.form, ref.template, out)
            assert out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_name_past_255_bytes_is_refused_saying_so(tmp_path: Path) -> None:
    ref = read_reference("2026")
    with Document.from_form(copy.deepcopy(ref.form)) as doc:
        with pytest.raises(SaveError, match="文件名太长"):
            doc.save(tmp_path / f"{'汉' * 84}.goal")  # 257 bytes
    with pytest.raises(Exception, match="文件名太长"):
        export_file(ref.form, ref.template, tmp_path / f"{'汉' * 85}.xlsx")


def test_side_names_always_fit() -> None:
    from goalform import paths

    for name in ("a.goal", "汉" * 84 + ".goal", "a" * 255, "𠀀" * 63 + ".goal"):
        temp, lock = paths.temp_name(name, "0123abcd-4294967295-0123abcd"), paths.side_name(name, ".lock")
        assert paths.name_size(temp + "-journal") <= paths.NAME_MAX and paths.name_size(lock) <= paths.NAME_MAX
        assert temp.startswith(".") and lock.startswith(".") and lock.endswith(".lock")
    assert paths.side_name("a.goal", ".lock") == ".a.goal.lock"  # short names as before
    long_a, long_b = "汉" * 84 + "甲.goal", "汉" * 84 + "乙.goal"
    assert paths.side_name(long_a, ".lock") != paths.side_name(long_b, ".lock")


# -- item 13: leftovers --------------------------------------------------------------------------
def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@posix
def test_a_killed_save_s_leftovers_go_at_the_next_open_in_that_folder(tmp_path: Path) -> None:
    killed = _goal(tmp_path / "被杀.goal")
    other = _goal(tmp_path / "另一张.goal")
    dead = locking.temp_path(killed).name.replace(f"-{os.getpid()}-", f"-{_dead_pid()}-")
    (tmp_path / dead).write_bytes(b"half a copy")
    (tmp_path / (dead + "-journal")).write_bytes(b"its journal")
    locking.lock_path(killed).write_bytes(b"")  # nobody holds it
    live = locking.temp_path(other)  # a save in flight in this (live) process
    live.write_bytes(b"in flight")
    foreign = tmp_path / f".{killed.name}.00000000-1-abcdef01.tmp"  # another computer's
    foreign.write_bytes(b"theirs")
    held = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from goalform.store.locking import save_lock\n"
         "with save_lock(sys.argv[1]):\n    print('locked', flush=True); time.sleep(60)", str(other)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert held.stdout is not None and held.stdout.readline().strip() == "locked"
        forget()  # as at the next start: this process saved there already
        read_form(other)  # opening anything in the folder, not the killed file's own next save
        names = {p.name for p in tmp_path.iterdir()}
        assert dead not in names and dead + "-journal" not in names
        assert locking.lock_path(killed).name not in names
        assert live.name in names and foreign.name in names
        assert locking.lock_path(other).name in names  # held by a running goalform
    finally:
        held.kill()
        held.wait()
        if held.stdout:
            held.stdout.close()


def test_clean_folder_runs_once_per_folder(tmp_path: Path) -> None:
    from goalform.store.leftovers import clean_folder

    good = _goal(tmp_path / "a.goal")
    forget()
    assert clean_folder(tmp_path) == 0
    locking.lock_path(good).write_bytes(b"")
    assert clean_folder(tmp_path) == 0 and locking.lock_path(good).exists()  # already cleaned


def test_reading_a_wal_mode_file_creates_nothing_beside_it(tmp_path: Path) -> None:
    received = _goal(tmp_path / "收到.goal")
    conn = sqlite3.connect(received)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # the last connection checkpoints and removes -wal and -shm
    assert sorted(p.name for p in tmp_path.iterdir()) == ["收到.goal"]
    before = received.read_bytes()
    assert read_form(received)[0].department == "示例局"
    with Document.open(received) as doc:
        assert doc.field("department") == "示例局"
    with Document.open_for_review(received):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["收到.goal"] and received.read_bytes() == before


def test_a_full_data_folder_leaves_no_sidecar_temporary(tmp_path: Path, monkeypatch) -> None:
    wc = WorkingCopy(path=tmp_path / "w.goal", origin=None, pid=os.getpid(), dirty=False, modified=0.0)

    def full(self, *args, **kwargs):  # noqa: ANN001
        self.write_bytes(b"{\"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(OSError):
        wc.write_sidecar()
    assert list(tmp_path.iterdir()) == []


def test_a_lock_that_is_a_fifo_is_removed_not_waited_on(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    good = _goal(tmp_path / "a.goal")
    os.mkfifo(locking.lock_path(good))
    with Document.open(good) as doc:
        doc.set_field("department", "管道锁")
        doc.save()
    assert read_form(good)[0].department == "管道锁"
    assert not stat.S_ISFIFO(os.lstat(locking.lock_path(good)).st_mode) if locking.lock_path(good).exists() else True


def test_a_full_data_folder_is_said_and_leaves_no_working_copy(tmp_path: Path, monkeypatch) -> None:
    """SQLite rolls back by itself after SQLITE_FULL; the explicit ROLLBACK then failed with 「cannot
    rollback - no transaction is active」, a traceback that hid the full disk."""
    from goalform.store import document_file
    from goalform.store.errors import StoreError
    from goalform.store.workspace import data_dir

    good = _goal(tmp_path / "a.goal")
    ref = read_reference("2026")

    def full(conn, form, template):  # noqa: ANN001 - the disk fills while the form is written
        conn.execute("BEGIN IMMEDIATE")
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patched:
        patched.setattr(document_file, "write_form", full)
        with pytest.raises(StoreError, match="数据文件夹.*磁盘已满"):
            Document.from_form(copy.deepcopy(ref.form))
    with Document.open(good) as doc:
        real = doc._conn

        class Full:
            in_transaction = True

            def execute(self, sql: str, *args):  # noqa: ANN001
                if sql.startswith("COMMIT"):
                    raise sqlite3.OperationalError("database or disk is full")
                return real.execute(sql, *args)

            def __getattr__(self, name: str):  # noqa: ANN204
                return getattr(real, name)

        doc._conn = Full()
        with pytest.raises(StoreError, match="工作副本.*磁盘已满"):
            doc.set_field("department", "写不进去")
        doc._conn = real
    assert [p for p in (data_dir() / "working").iterdir()] == []


def test_a_fifo_among_the_working_copies_does_not_block(tmp_path: Path) -> None:
    """The start lists the data folder's sidecars: a FIFO named like one blocked it for ever."""
    import threading

    from goalform.store.workspace import Workspace

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    ws = Workspace(tmp_path / "working")
    ws.root.mkdir()
    fifo = ws.root / "0123.json"
    os.mkfifo(fifo)
    unblock = threading.Timer(10, lambda: open(fifo, "wb").close())
    unblock.start()
    try:
        assert ws.orphans() == []
        assert unblock.is_alive(), "the FIFO was opened"
    finally:
        unblock.cancel()
