"""The .goal document: round trips, editing API, dirty state, read-only, recovery."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from goalform import assets
from goalform.domain.form import new_form
from goalform.store import ChangedOnDisk, Document, ReadOnlyError, StoreError, Workspace, read_form


def _filled_form(version: str = "2026"):
    t = assets.template(version)
    f = new_form(t, t.first_year)
    f.department, f.filler, f.phone, f.fill_date = "测试局", "李四", "027-86001234", "2025-12-31"
    f.deadline = "2028年12月"
    f.texts = {"functions": "1、职能一\n2、职能二", "tasks": "任务", "long_term_goal": "长期", "annual_goal": "年度"}
    f.funds = {("fiscal", "current"): "1424", ("personnel", "current"): "3", ("operation", "current"): "1421"}
    f.stated_totals = {("income", "prev2"): "100%"}
    f.notes = "备注"
    l3 = f.annual[0].children[0].children[0]
    l3.prev2, l3.prev1, l3.value, l3.basis, l3.category = "90%", "95%", "≥90%", "历史标准", "基本型"
    return f, t


def test_save_and_read_back_equal(tmp_path: Path) -> None:
    form, _ = _filled_form()
    with Document.from_form(form) as doc:
        doc.save(tmp_path / "a.goal")
    back, template = read_form(tmp_path / "a.goal")
    assert template.id == "2026"
    # Ids are assigned by the store; everything else must be identical.
    for tree in (form.long_term, form.annual, back.long_term, back.annual):
        _clear_ids(tree)
    assert back == form


def _clear_ids(nodes) -> None:
    for n in nodes:
        n.id = None
        _clear_ids(n.children)


def test_file_header_says_what_it_is(tmp_path: Path) -> None:
    with Document.new(assets.template("2024")) as doc:
        doc.save(tmp_path / "a.goal")
    header = (tmp_path / "a.goal").read_bytes()[:100]
    assert header[68:72] == b"GOAL"
    assert int.from_bytes(header[60:64], "big") >= 1
    assert header[18:20] == b"\x01\x01"  # rollback journal: the file stands alone, no -wal needed


def test_edits_go_to_the_working_copy_immediately(tmp_path: Path) -> None:
    doc = Document.new(assets.template("2024"))
    doc.set_field("department", "财政局")
    doc.set_fund("fiscal", "current", "12.5")
    # A second connection to the working copy sees the edits: nothing lives only in memory.
    again = Document.recover(_working_copy_of(doc))
    assert again.field("department") == "财政局" and again.fund("fiscal", "current") == "12.5"
    doc.close()


def _working_copy_of(doc: Document):
    return doc._working  # the test needs the private handle to simulate a second process


def test_dirty_state_follows_edits_and_saves(tmp_path: Path) -> None:
    with Document.new(assets.template("2024")) as doc:
        assert not doc.is_dirty  # a blank new form holds nothing of the clerk's yet (issue 26)
        doc.set_field("department", "某某局")
        assert doc.is_dirty  # never saved
        doc.save(tmp_path / "a.goal")
        assert not doc.is_dirty
        doc.set_field("filler", "王五")
        assert doc.is_dirty
        doc.save()
        assert not doc.is_dirty
    with Document.open(tmp_path / "a.goal") as doc:
        assert not doc.is_dirty and doc.field("filler") == "王五"


def test_an_imported_form_is_unsaved_until_saved() -> None:
    with Document.from_form(new_form(assets.template("2026"), 2026)) as doc:
        assert doc.is_dirty  # import and rollover: the clerk's data, never saved


def test_save_without_a_path_asks_for_one() -> None:
    with Document.new(assets.template("2024")) as doc, pytest.raises(StoreError, match="保存位置"):
        doc.save()


def test_indicator_editing_api() -> None:
    with Document.new(assets.template("2024")) as doc:
        cost = doc.roots("long_term")[0]
        l2 = doc.children(cost)
        first = l2[0]
        new = doc.insert_indicator(cost, 1, name="新二级")
        assert doc.children(cost) == [first, new] + l2[1:]
        leaf = doc.insert_indicator(new, 0, name="新三级", value="≥95%")
        doc.set_indicator(leaf, "basis", "说明")
        assert doc.node(leaf).basis == "说明" and doc.node(leaf).level == 3
        doc.move_indicator(new, 0)
        assert doc.children(cost)[0] == new and doc.row_of(new) == 0
        removed = doc.remove_indicator(new)
        assert new not in doc.children(cost) and len(removed.records) == 2
        with pytest.raises(KeyError):
            doc.node(leaf)
        doc.restore_indicator(removed)
        assert doc.children(cost)[0] == new and doc.children(new) == [leaf]
        assert doc.node(leaf).basis == "说明"


def test_level1_is_fixed() -> None:
    with Document.new(assets.template("2024")) as doc:
        root = doc.roots("annual")[0]
        for action in (lambda: doc.remove_indicator(root), lambda: doc.move_indicator(root, 2),
                       lambda: doc.set_indicator(root, "name", "x")):
            with pytest.raises(StoreError, match="一级指标"):
                action()
        leaf = doc.children(doc.children(root)[0])[0]
        with pytest.raises(StoreError, match="三级"):
            doc.insert_indicator(leaf, 0, name="四级")


def test_listeners_hear_every_change() -> None:
    calls = []
    with Document.new(assets.template("2024")) as doc:
        doc.add_listener(lambda: calls.append(1))
        doc.set_field("phone", "1")
        doc.insert_indicator(doc.roots("annual")[0], 0, name="x")
    assert len(calls) == 2


def test_read_only_refuses_edits(tmp_path: Path) -> None:
    with Document.new(assets.template("2024")) as doc:
        doc.save(tmp_path / "a.goal")
    before = (tmp_path / "a.goal").read_bytes()
    with Document.open(tmp_path / "a.goal", read_only=True) as doc:
        assert doc.read_only
        with pytest.raises(ReadOnlyError, match="只读"):
            doc.set_field("department", "x")
        with pytest.raises(ReadOnlyError):
            doc.insert_indicator(doc.roots("annual")[0], 0, name="x")
    assert (tmp_path / "a.goal").read_bytes() == before


def _open_files_of_this_process() -> set[Path]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc to list open files")
    found = set()
    for fd in fds.iterdir():
        try:
            found.add(Path(os.readlink(fd)))
        except OSError:
            continue
    return found


def test_a_form_open_for_reading_does_not_hold_the_file(tmp_path: Path) -> None:
    """A reviewer reading a form must not make the clerk's save fail (Windows cannot replace an open
    file), and a file rewritten in place under the reader must not change what the reader shows."""
    target, other = tmp_path / "a.goal", tmp_path / "b.goal"
    for path, department in ((target, "原来的部门"), (other, "另一个部门")):
        with Document.new(assets.template("2026")) as doc:
            doc.set_field("department", department)
            doc.save(path)
    snapshots = lambda: set(Path(tempfile.gettempdir()).glob("goalform-*.goal"))  # noqa: E731
    before = snapshots()
    doc = Document.open(target, read_only=True)
    try:
        assert target.resolve() not in _open_files_of_this_process()
        assert snapshots() - before == set()  # the private snapshot it reads instead is in memory
        target.write_bytes(other.read_bytes())  # rewritten in place, same inode
        assert doc.field("department") == "原来的部门"
        assert doc.load_form().department == "原来的部门"
    finally:
        doc.close()
    assert snapshots() - before == set()
    assert read_form(target)[0].department == "另一个部门"


def test_opening_never_changes_the_file(tmp_path: Path) -> None:
    with Document.new(assets.template("2026")) as doc:
        doc.save(tmp_path / "a.goal")
    before = (tmp_path / "a.goal").read_bytes()
    with Document.open(tmp_path / "a.goal") as doc:
        doc.set_field("department", "改了但没保存")
    assert (tmp_path / "a.goal").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.goal"]


def test_crash_leaves_a_working_copy_that_is_offered_back(tmp_path: Path) -> None:
    """A process that dies with unsaved edits: its working copy is found and recovered whole."""
    import subprocess
    import sys

    with Document.new(assets.template("2024")) as doc:
        doc.save(tmp_path / "a.goal")
    script = (
        "import os, sys\n"
        "from goalform.store import Document\n"
        f"doc = Document.open({str(tmp_path / 'a.goal')!r})\n"
        "doc.set_field('department', '未保存的修改')\n"
        "os._exit(9)\n"  # no cleanup, like a crash
    )
    subprocess.run([sys.executable, "-c", script], check=False, env=os.environ.copy())
    orphans = Workspace().orphans()
    assert len(orphans) == 1 and orphans[0].origin == tmp_path / "a.goal"
    with Document.recover(orphans[0]) as doc:
        assert doc.field("department") == "未保存的修改"
        assert doc.is_dirty and doc.path == tmp_path / "a.goal"
        doc.save()
    assert read_form(tmp_path / "a.goal")[0].department == "未保存的修改"
    assert Workspace().orphans() == []


def test_clean_working_copies_are_not_offered(tmp_path: Path) -> None:
    import subprocess
    import sys

    with Document.new(assets.template("2024")) as doc:
        doc.save(tmp_path / "a.goal")
    script = f"import os\nfrom goalform.store import Document\nDocument.open({str(tmp_path / 'a.goal')!r})\nos._exit(9)\n"
    subprocess.run([sys.executable, "-c", script], check=False, env=os.environ.copy())
    assert Workspace().orphans() == []


def test_replace_form_keeps_template_and_replaces_everything() -> None:
    form, t = _filled_form("2024")
    with Document.new(t) as doc:
        doc.replace_form(form)
        back = doc.load_form()
        assert back.department == "测试局" and back.funds == form.funds
        other, _ = _filled_form("2026")
        with pytest.raises(StoreError, match="模板"):
            doc.replace_form(other)


def test_typing_an_amount_drops_the_stated_total_of_its_column() -> None:
    form, t = _filled_form("2024")
    form.stated_totals = {("income", "prev2"): "100%", ("income", "prev1"): "100%", ("expenditure", "prev2"): "9"}
    with Document.from_form(form) as doc:
        doc.set_fund("fiscal", "prev2", "651.74")
        assert doc.stated_total("income", "prev2") == ""
        assert doc.stated_total("income", "prev1") == "100%"  # other columns keep theirs
        assert doc.stated_total("expenditure", "prev2") == "9"  # and so does the other group
        assert doc.load_form().stated_totals == {("income", "prev1"): "100%", ("expenditure", "prev2"): "9"}


def test_row_of_follows_inserts_moves_and_removals(tmp_path):
    """row_of is answered from a map kept with the tree index; it must match children() after every change."""
    from goalform import assets
    from goalform.store.document import Document

    with Document.new(assets.template("2026"), 2026) as doc:
        parent = doc.children(doc.roots("annual")[0])[0]
        ids = [doc.insert_indicator(parent, 0, name=f"n{i}") for i in range(60)]
        doc.move_indicator(ids[5], 40)
        doc.remove_indicator(ids[10])
        doc.set_indicator(ids[20], "value", "1")  # not a structural change
        for tree in ("long_term", "annual"):
            stack = list(doc.roots(tree))
            for row, root in enumerate(doc.roots(tree)):
                assert doc.row_of(root) == row
            while stack:
                node = stack.pop()
                for row, child in enumerate(doc.children(node)):
                    assert doc.row_of(child) == row
                    stack.append(child)


def _rewrite_elsewhere(path: Path, department: str) -> None:
    """Another goalform saving the same file: a whole new file renamed over it."""
    with Document.open(path) as other:
        other.set_field("department", department)
        other.save()


def test_save_refuses_to_overwrite_a_change_made_by_someone_else(tmp_path: Path) -> None:
    target = tmp_path / "a.goal"
    with Document.new(assets.template("2026")) as doc:
        doc.save(target)
    with Document.open(target) as doc:
        doc.set_field("department", "我的修改")
        _rewrite_elsewhere(target, "别人的修改")
        assert doc.changed_on_disk()
        with pytest.raises(ChangedOnDisk, match="被其他程序或另一个 goalform 窗口修改过"):
            doc.save()
        assert read_form(target)[0].department == "别人的修改"  # untouched
        assert doc.is_dirty  # and our edit is still there, unsaved
        doc.save(tmp_path / "mine.goal")  # another name is always fine
        assert read_form(tmp_path / "mine.goal")[0].department == "我的修改"
        doc.set_field("department", "我的第二次修改")
        doc.save()  # to mine.goal, which nobody else touched
        doc.save(target, overwrite_changes=True)  # the user chose to replace the other change
        assert read_form(target)[0].department == "我的第二次修改"
        assert not doc.changed_on_disk()
        doc.set_field("notes", "再改一次")
        doc.save()  # our own save is not someone else's change


def test_own_saves_and_untouched_files_save_without_question(tmp_path: Path) -> None:
    target = tmp_path / "a.goal"
    with Document.new(assets.template("2024")) as doc:
        doc.save(target)
        for i in range(3):
            doc.set_field("department", f"第{i}次")
            doc.save()
    with Document.open(target) as doc:
        assert not doc.changed_on_disk()
        doc.set_field("department", "改")
        doc.save()
    target.unlink()  # a file deleted meanwhile is simply written again
    with Document.new(assets.template("2024")) as doc:
        doc.save(target)
        target.unlink()
        doc.save()
    assert target.exists()


def test_a_recovered_copy_still_knows_how_its_file_looked(tmp_path: Path) -> None:
    """After a crash, the file may have been saved by someone else before the clerk recovers."""
    import subprocess
    import sys

    target = tmp_path / "a.goal"
    with Document.new(assets.template("2024")) as doc:
        doc.save(target)
    script = (
        "import os\nfrom goalform.store import Document\n"
        f"doc = Document.open({str(target)!r})\n"
        "doc.set_field('department', '崩溃前的修改')\nos._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False, env=os.environ.copy())
    _rewrite_elsewhere(target, "别人的修改")
    [orphan] = Workspace().orphans()
    with Document.recover(orphan) as doc:
        with pytest.raises(ChangedOnDisk):
            doc.save()
        doc.save(overwrite_changes=True)


def test_holders_lists_the_other_processes_editing_a_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "a.goal"
    with Document.new(assets.template("2026")) as doc:
        doc.save(target)
    assert Workspace().holders(target) == []
    with Document.open(target):
        assert Workspace().holders(target) == []  # this process's own copy is not another holder
    script = (
        "import sys\nfrom goalform.store import Document\n"
        f"doc = Document.open({str(target)!r})\n"
        "print('open', flush=True)\nsys.stdin.readline()\ndoc.close()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=os.environ.copy(), text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
        [holder] = Workspace().holders(tmp_path / "." / "a.goal")
        assert holder.pid == proc.pid
        assert Workspace().holders(tmp_path / "b.goal") == []
    finally:
        proc.communicate("\n", timeout=60)
    assert Workspace().holders(target) == []


def test_edits_taken_back_by_hand_count_as_saved_only_when_the_content_is_the_same(tmp_path: Path) -> None:
    from goalform.domain.review import Status

    target = tmp_path / "a.goal"
    with Document.new(assets.template("2026")) as doc:
        doc.set_field("department", "原来")
        doc.save(target)
    with Document.open(target) as doc:
        assert not doc.forget_edits_if_unchanged()  # nothing to forget
        doc.set_field("department", "改")
        assert not doc.forget_edits_if_unchanged() and doc.is_dirty  # really different
        doc.set_field("department", "原来")
        assert doc.forget_edits_if_unchanged() and not doc.is_dirty
        doc.set_status(Status.SUBMITTED, "张晓明")  # review state counts too
        assert not doc.forget_edits_if_unchanged() and doc.is_dirty
    with Document.open(target) as doc:
        doc.set_field("department", "改")
        doc.set_field("department", "原来")
        _rewrite_elsewhere(target, "原来")  # same words, but the file is someone else's save now
        assert not doc.forget_edits_if_unchanged() and doc.is_dirty


def test_a_working_copy_whose_pid_now_belongs_to_another_program_is_offered_back(tmp_path: Path) -> None:
    """After a crash (and a reboot) the dead goalform's pid can be reused by another program."""
    import json
    import subprocess
    import sys

    from goalform.store.processes import process_start

    with Document.new(assets.template("2024")) as doc:
        doc.save(tmp_path / "a.goal")
    script = (
        "import os\nfrom goalform.store import Document\n"
        f"doc = Document.open({str(tmp_path / 'a.goal')!r})\n"
        "doc.set_field('department', '崩溃前的修改')\nos._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False, env=os.environ.copy())
    [sidecar] = Workspace().root.glob("*.json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["started"] or not process_start(os.getpid())  # recorded wherever it can be told
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        if not process_start(other.pid):
            pytest.skip("this system cannot tell when a process started")
        data["pid"] = other.pid  # an unrelated, running program now has the dead goalform's pid
        sidecar.write_text(json.dumps(data), encoding="utf-8")
        [orphan] = Workspace().orphans()
        assert orphan.origin == tmp_path / "a.goal"
        data["started"] = process_start(other.pid)  # the same pid and start: still running, not an orphan
        sidecar.write_text(json.dumps(data), encoding="utf-8")
        assert Workspace().orphans() == []
    finally:
        other.communicate(b"", timeout=60)


def test_several_rows_inserted_removed_and_restored_at_once() -> None:
    """A paste adds many 三级 rows in one transaction; undo removes them and redo puts back the same ids."""
    doc = Document.new(assets.template("2026"), 2026)
    level2 = doc.children(doc.roots("annual")[0])[0]
    before = doc.children(level2)
    ids = doc.insert_indicators(level2, len(before), [{"name": "甲", "value": "≥95%"}, {"name": "乙"}])
    assert doc.children(level2) == before + ids
    assert [doc.node(i).name for i in ids] == ["甲", "乙"] and doc.node(ids[0]).value == "≥95%"
    removed = doc.remove_indicators(ids)
    assert doc.children(level2) == before
    doc.restore_indicators(removed)
    assert doc.children(level2) == before + ids and doc.node(ids[1]).name == "乙"
    assert [doc.row_of(i) for i in doc.children(level2)] == list(range(len(before) + 2))
