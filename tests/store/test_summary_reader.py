"""A province's summary in worker processes (store/summary_reader, store/worker_pool): the summary is
the one a single process writes, byte for byte, however the workers start; Ctrl+C and kill -9 leave
no traceback and no process behind, even while a worker waits for a file another program locks."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from helpers.summary_pile import build_pile

from goalform.formats.summary_xlsx import write_summary
from goalform.store import summary_reader, worker_pool

posix = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not sys.platform.startswith("linux"),
                           reason="POSIX signals and /proc")


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More files than PARALLEL_FROM: two versions, a submitted one with a comment, departments and
    amounts of every kind, a placeholder, a damaged file and a Word file among them."""
    return build_pile(tmp_path_factory.mktemp("pile"), ["=1+1局", "A & B <局>", "一\r\n二", ""], ["12.5", "abc", "", "1,000"],
                      comment=True)


def _summary(folder: Path, out: Path) -> tuple[summary_reader.SummaryRead, dict[str, bytes]]:
    result = summary_reader.summarize_paths([folder])
    write_summary(out, result.summaries, [(u.path, u.reason) for u in result.unreadable])
    with zipfile.ZipFile(out) as z:  # docProps/core.xml holds the time of writing
        return result, {name: z.read(name) for name in z.namelist() if name != "docProps/core.xml"}


def test_forked_and_spawned_workers_write_the_summary_one_process_writes(pile: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary_reader, "PARALLEL_FROM", 10**9)
    single, expected = _summary(pile, tmp_path / "single.xlsx")
    monkeypatch.undo()
    assert summary_reader._workers(summary_reader.PARALLEL_FROM + 20) > 1 or pytest.skip("one core")
    methods = ["spawn"] + (["fork"] if "fork" in __import__("multiprocessing").get_all_start_methods() else [])
    for method in methods:
        monkeypatch.setattr(worker_pool, "start_method", lambda m=method: m)
        spread, written = _summary(pile, tmp_path / f"{method}.xlsx")
        assert spread.summaries == single.summaries and spread.unreadable == single.unreadable, method
        assert [s.findings for s in spread.summaries] == [s.findings for s in single.summaries]
        assert written == expected, method  # every part of the workbook, byte for byte, rows in order
    assert len(single.summaries) == summary_reader.PARALLEL_FROM + 21 and len(single.unreadable) == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")
def test_fork_only_while_the_process_has_one_thread(tmp_path: Path) -> None:
    code = "from goalform.store.worker_pool import start_method; print(start_method())"
    alone = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert alone.stdout.strip() == "fork", alone.stderr
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worker_pool.start_method() == "spawn"  # (a GUI thread, Qt's threads: spawn)
    finally:
        stop.set()
        other.join()


def _state(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def _summarize_with_a_locked_file(pile: Path, tmp_path: Path, method: str) -> tuple[subprocess.Popen, list[str]]:
    """``goalform summarize`` in a session of its own, its workers started by ``method``, while this
    process holds a write lock on one of the first files (a reader waits BUSY_TIMEOUT for it)."""
    code = ("import sys\n"
            "from goalform.store import worker_pool\n"
            f"worker_pool.start_method = lambda: {method!r}\n"
            "from goalform.cli import main\n"
            "if __name__ == '__main__':\n"
            f"    sys.exit(main(['summarize', {str(pile)!r}, '-o', {str(tmp_path / 'out.xlsx')!r}]))\n")
    script = tmp_path / "run.py"
    script.write_text(code, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], start_new_session=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    def group() -> list[str]:
        return subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True, text=True).stdout.split()

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(group()) < 3 + (method == "spawn"):  # (spawn: a resource tracker)
        time.sleep(0.05)
    time.sleep(1.0)  # a worker is now waiting for the locked file
    assert proc.poll() is None, proc.communicate()
    return proc, [pid for pid in group() if pid != str(proc.pid)]


@pytest.fixture
def locked(pile: Path):  # noqa: ANN201
    conn = sqlite3.connect(pile / "0005.goal", isolation_level=None, timeout=0)
    conn.execute("BEGIN EXCLUSIVE")
    yield
    conn.rollback()
    conn.close()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_cancel_is_felt_at_once_while_a_worker_waits_for_a_locked_file(pile: Path, locked: None, method: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The GUI's 取消 while the next file's worker waits (up to 5 s) for a file another program locks."""
    if method not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setattr(worker_pool, "start_method", lambda: method)
    seen: list[int] = []
    began = time.monotonic()
    result = summary_reader.summarize_paths([pile], progress=lambda done, total, path: seen.append(done),
                                            cancelled=lambda: time.monotonic() - began > 1.0)
    assert result.cancelled and time.monotonic() - began < 3.0
    assert seen == [0] and not result.summaries  # (0005.goal is in the first worker's first files)


@posix
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_ctrl_c_stops_the_workers_at_once(pile: Path, tmp_path: Path, locked: None, method: str) -> None:
    proc, workers = _summarize_with_a_locked_file(pile, tmp_path, method)
    began = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C in a terminal: every process of the group
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and time.monotonic() - began < 2.0  # not after the 5 s busy wait
    assert err.startswith("goalform: 已中断") and len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and not (tmp_path / "out.xlsx").exists()
    time.sleep(0.3)
    assert all(_state(pid) in ("gone", "Z") for pid in workers), [(pid, _state(pid)) for pid in workers]


@posix
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_no_worker_outlives_a_killed_summary(pile: Path, tmp_path: Path, locked: None, method: str) -> None:
    proc, workers = _summarize_with_a_locked_file(pile, tmp_path, method)
    proc.kill()
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and not all(_state(pid) in ("gone", "Z") for pid in workers):
        time.sleep(0.05)
    left = [(pid, _state(pid)) for pid in workers if _state(pid) not in ("gone", "Z")]
    for pid, _ in left:  # (a failed test leaves nothing running either)
        os.kill(int(pid), signal.SIGKILL)
    assert not left


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")
def test_the_folder_search_finds_what_resolving_every_entry_finds(tmp_path: Path) -> None:
    """collect_paths resolves only links (summary_reader._identity): the files, their identities and
    the problems are those of resolving every entry, with links to files inside and outside, to
    folders, dangling, looping, through a linked root, and names that differ only in case."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.goal").write_bytes(b"x")
    root = tmp_path / "real"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in ("a.goal", "A.GOAL", "b.docx", "Thumbs.db", "sub/c.goal", "sub/deeper/d.goal", ".hidden/e.goal",
                 ".f.goal"):
        (root / name).write_bytes(b"x")
    (root / "link-inside.goal").symlink_to(root / "a.goal")
    (root / "link-outside.goal").symlink_to(outside / "far.goal")
    (root / "link-folder").symlink_to(outside)
    (root / "dangling.goal").symlink_to(tmp_path / "missing.goal")
    (root / "loop.goal").symlink_to(root / "loop.goal")
    (root / "sub" / "up.goal").symlink_to("../a.goal")
    (tmp_path / "linked-root").symlink_to(root)
    for folder in (root, tmp_path / "linked-root"):
        base = summary_reader.resolved(folder)
        for child in folder.rglob("*"):
            try:
                expected = (summary_reader.resolved(child), child.is_file())
            except summary_reader.PathProblem:
                with pytest.raises(summary_reader.PathProblem):
                    summary_reader._identity(child, base, child.relative_to(folder))
                continue
            assert summary_reader._identity(child, base, child.relative_to(folder)) == expected, child
        files, problems = summary_reader.collect_paths([folder, outside / "far.goal"])
        names = [str(f.relative_to(folder)) if f.is_relative_to(folder) else f.name for f in files]
        assert sorted(names) == ["A.GOAL", "a.goal", "link-outside.goal", "sub/c.goal", "sub/deeper/d.goal"], names
        assert [n.casefold() for n in names] == sorted(n.casefold() for n in names)  # (a.goal, A.GOAL: as listed)
        assert sorted(Path(u.path).name for u in problems) == ["b.docx", "loop.goal"]
