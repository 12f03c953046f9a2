"""Issue 21 in the store: review records are append-only data with an identity, and every save writes the
union of the records on disk and its own; the form's content is taken from the file or asked about."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from helpers.valid_forms import valid_form

from goalform.cli import main as cli_main
from goalform.domain.fingerprint import fingerprint
from goalform.domain.review import ChangedSinceSubmission, ReviewError, Status
from goalform.store import ChangedOnDisk, Document, read_form
from goalform.store.schema import legacy_uid


def saved_valid(folder: Path, name: str = "表.goal") -> Path:
    form, _ = valid_form("2026")
    path = folder / name
    with Document.from_form(form) as doc:
        doc.save(path)
    return path


def test_records_have_an_identity_that_survives_saves(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as doc:
        comment = doc.add_comment("form", "意见", "王审核")
        change = doc.submit("李文静")
        assert len(comment.uid) == 32 and len(change.uid) == 32 and comment.uid != change.uid
        doc.save()
    with Document.open(path, read_only=True) as doc:
        assert doc.comments()[0].uid == comment.uid and doc.review().history[0].uid == change.uid


def test_two_editors_each_keep_their_comments_and_statuses(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as clerk, Document.open_for_review(path) as reviewer:
        clerk.add_comment("form", "填报说明", "李文静")
        clerk.submit("李文静")
        reviewer.add_comment("field:phone", "电话打不通", "王审核")
        reviewer.save()
        outcome = clerk.save()  # only records changed on disk: no question
        assert outcome.comments_from_disk == 1 and not outcome.content_from_disk
        assert [c.text for c in clerk.comments()] == ["电话打不通", "填报说明"]  # the file's first, then ours
        reviewer.add_comment("form", "第二条", "王审核")
        outcome = reviewer.save()  # the clerk's records come in, the reviewer's go out
        assert outcome.comments_from_disk == 1 and [s.who for s in outcome.statuses_from_disk] == ["李文静"]
    with Document.open(path, read_only=True) as doc:
        assert [c.text for c in doc.comments()] == ["电话打不通", "填报说明", "第二条"]
        assert doc.review_status() is Status.SUBMITTED


def test_a_clerks_save_takes_the_files_content_when_only_the_file_changed_it(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as clerk:
        clerk.add_comment("form", "只有记录", "李文静")
        with Document.open(path) as other:
            other.set_field("phone", "13900000003")
            other.save()
        outcome = clerk.save()
        assert outcome.content_from_disk and clerk.field("phone") == "13900000003"
    assert read_form(path)[0].phone == "13900000003"


def test_both_changed_the_content_names_what_changed_on_disk(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as clerk:
        clerk.set_field("department", "我的")
        with Document.open(path) as other:
            other.set_field("phone", "13900000004")
            other.add_comment("form", "a", "王")
            other.add_comment("form", "b", "王")
            other.submit("李文静")
            other.save()
        with pytest.raises(ChangedOnDisk) as caught:
            clerk.save()
        message = str(caught.value)
        assert "联系电话" in message and "2 条审核意见" in message and "已提交" in message
        assert caught.value.comments == 2 and caught.value.disk_changes == "联系电话"
        assert read_form(path)[0].phone == "13900000004"  # nothing written
        clerk.save(overwrite_changes=True)
    form, _ = read_form(path)
    assert form.department == "我的" and len(form.review.comments) == 2 and form.review.status is Status.SUBMITTED


def test_saving_onto_an_existing_file_keeps_its_records(tmp_path: Path) -> None:
    """Rollover and import with -o onto an existing .goal, and 另存为 over one: its records stay."""
    path = saved_valid(tmp_path)
    assert cli_main(["review", str(path), "--comment", "旧文件上的意见", "--who", "王审核"]) == 0
    rolled = tmp_path / "下一年.goal"
    assert cli_main(["rollover", str(path), "-o", str(rolled)]) == 0
    assert cli_main(["review", str(rolled), "--comment", "新表的意见", "--who", "王审核"]) == 0
    assert cli_main(["rollover", str(path), "-o", str(rolled)]) == 0  # again, onto the commented file
    assert [c.text for c in read_form(rolled)[0].review.comments] == ["新表的意见"]


def test_deleting_a_saved_comment_is_refused(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as doc:
        saved = doc.add_comment("form", "证据", "王审核")
        doc.save()
        fresh = doc.add_comment("form", "草稿意见", "王审核")
        with pytest.raises(ReviewError, match="不能删除"):
            doc.remove_comment(saved)
        doc.remove_comment(fresh)
        assert [c.text for c in doc.comments()] == ["证据"]


def test_approval_of_a_changed_form_is_refused_unless_accepted(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    with Document.open(path) as doc:
        submitted = doc.submit("李文静")
        doc.set_field("phone", "13900000005")
        with pytest.raises(ChangedSinceSubmission, match="提交后被修改过"):
            doc.set_status(Status.APPROVED, "王审核")
        change = doc.set_status(Status.APPROVED, "王审核", accept_changes=True)
        assert change.changed_from == submitted.fingerprint != change.fingerprint
        assert doc.review().approved_over_changes == (submitted, change)


def test_files_of_schema_2_get_the_same_uids_in_every_copy(tmp_path: Path) -> None:
    """Two goalforms migrating one old file must name its records alike, or merging would double them."""
    row = (1, "form", "意见", "王审核", "2026-01-01T09:00:00+08:00")
    assert legacy_uid("review_comment", row) == legacy_uid("review_comment", row)
    assert legacy_uid("review_comment", row) != legacy_uid("review_status", row)


# -- the property -------------------------------------------------------------------------------------
ACTIONS = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.just("clerk")),
    st.tuples(st.just("comment"), st.sampled_from(["clerk", "reviewer"])),
    st.tuples(st.just("status"), st.sampled_from(["clerk", "reviewer"]), st.sampled_from(list(Status)),
              st.booleans()),
    st.tuples(st.just("save"), st.sampled_from(["clerk", "reviewer"])),
    st.tuples(st.just("reopen"), st.sampled_from(["clerk", "reviewer"])),
    st.tuples(st.just("cli_comment"),),
    st.tuples(st.just("cli_status"), st.sampled_from(list(Status)), st.booleans()),
    st.tuples(st.just("tamper"),),
), min_size=1, max_size=14)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_any_interleaving_keeps_every_record_and_the_last_content_save(tmp_path_factory, actions) -> None:
    """A clerk's window (editable), a reviewer's window (read-only) and the command line work on one
    file in any order; every comment and status any of them wrote is in the file at the end, and the
    content is the content of the last save that wrote its own (the clerk's, after 覆盖保存)."""
    path = saved_valid(tmp_path_factory.mktemp("merge"))
    docs = {"clerk": Document.open(path), "reviewer": Document.open_for_review(path)}
    written_comments: set[str] = set()
    written_statuses: set[str] = set()  # by who, each name used once
    expected = fingerprint(read_form(path)[0])  # the content of the last content save
    pending = False  # the clerk has content edits not saved yet
    counter = iter(range(10_000))

    def save(actor: str) -> None:
        nonlocal expected, pending
        doc = docs[actor]
        try:
            doc.save()
        except ChangedOnDisk as asked:
            # Asked only when both sides changed the content, or an approval made here is of content the
            # file no longer has.
            assert (actor == "clerk" and pending) or "「通过」是对打开时的内容作出的" in str(asked)
            doc.save(overwrite_changes=True)  # the user clicks 覆盖保存
        if actor == "clerk" and pending:
            expected, pending = doc.fingerprint(), False

    try:
        for action in actions:
            kind, n = action[0], next(counter)
            if kind == "edit":
                docs["clerk"].set_field("department", f"改{n}")
                pending = True
            elif kind == "comment":
                docs[action[1]].add_comment("form", f"意见{n}", "人")
                written_comments.add(f"意见{n}")
            elif kind == "status":
                _, actor, status, accept = action
                try:
                    docs[actor].set_status(status, f"人{n}", "原因", accept_changes=accept)
                    written_statuses.add(f"人{n}")
                except ReviewError:
                    pass
            elif kind == "save":
                save(action[1])
            elif kind == "reopen":
                save(action[1])
                docs[action[1]].close()
                docs[action[1]] = Document.open(path) if action[1] == "clerk" else Document.open_for_review(path)
            elif kind == "cli_comment":
                assert cli_main(["review", str(path), "--comment", f"意见{n}", "--who", "命令行"]) == 0
                written_comments.add(f"意见{n}")
            elif kind == "cli_status":
                _, status, accept = action
                args = ["review", str(path), "--status", status.label, "--who", f"人{n}", "--note", "原因"]
                if status in (Status.SUBMITTED, Status.APPROVED):
                    args.append("--force")
                if accept and status is Status.APPROVED:
                    args.append("--accept-changes")
                if cli_main(args) == 0:
                    written_statuses.add(f"人{n}")
            elif kind == "tamper":  # someone edits a figure with sqlite3: a content save of another kind
                time.sleep(0.02)  # a person at sqlite3's prompt, not within the file clock's tick of a save
                conn = sqlite3.connect(path)
                with conn:
                    conn.execute("UPDATE fund SET value = ? WHERE line = 'fiscal' AND col = 'current'", (str(n + 1),))
                conn.close()
                expected = fingerprint(read_form(path)[0])
        for actor in ("clerk", "reviewer"):
            save(actor)
    finally:
        for doc in docs.values():
            doc.close()
    form, _ = read_form(path)
    assert {c.text for c in form.review.comments} == written_comments
    assert {c.who for c in form.review.history} == written_statuses
    assert len({c.uid for c in form.review.comments}) == len(form.review.comments)
    assert fingerprint(form) == expected


def test_an_approval_of_content_the_file_no_longer_has_asks_before_it_is_written(tmp_path: Path) -> None:
    path = saved_valid(tmp_path)
    assert cli_main(["review", str(path), "--submit", "--who", "李文静"]) == 0
    with Document.open_for_review(path) as reviewer:
        with Document.open(path) as clerk:  # the clerk changes the submitted form meanwhile
            clerk.set_field("phone", "13900000006")
            clerk.save()
        reviewer.set_status(Status.APPROVED, "王审核")  # on what the reviewer sees: the submitted content
        with pytest.raises(ChangedOnDisk, match="通过」是对打开时的内容作出的") as caught:
            reviewer.save()
        assert "联系电话" in str(caught.value)
        assert read_form(path)[0].review.status is Status.SUBMITTED
        reviewer.save(overwrite_changes=True)  # 覆盖保存: the record goes in, and the file says what happened
    form, _ = read_form(path)
    assert form.review.status is Status.APPROVED and form.phone == "13900000006"
    from goalform.domain.review_view import review_alerts

    assert any("已通过后被修改" in a for a in review_alerts(form.review, fingerprint(form)))


def test_a_version_2_file_opens_and_two_copies_of_it_merge_without_doubles(tmp_path: Path) -> None:
    """A file from the goalform before uids: every copy names its old records alike (legacy_uid), so a
    clerk and a reviewer who opened it both keep one of each record after their saves."""
    from goalform import assets
    from goalform.store.form_rows import write_form
    from goalform.store.schema import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "v2.goal"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    MIGRATIONS[0](conn)
    MIGRATIONS[1](conn)
    conn.execute("COMMIT")
    form, _ = valid_form("2026")
    write_form(conn, form, assets.template("2026"))
    conn.execute("INSERT INTO review_comment(location, text, author, created) VALUES ('form', '旧意见', '王', 't')")
    conn.execute("INSERT INTO review_status(status, who, changed_at, fingerprint) VALUES ('submitted', '李', 't', '')")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with Document.open(path) as clerk, Document.open_for_review(path) as reviewer:
        assert clerk.comments()[0].uid == reviewer.comments()[0].uid
        reviewer.add_comment("form", "新意见", "王")
        reviewer.save()
        clerk.add_comment("form", "说明", "李")
        clerk.save()
    form, _ = read_form(path)
    assert [c.text for c in form.review.comments] == ["旧意见", "新意见", "说明"]
    assert [c.who for c in form.review.history] == ["李"]
