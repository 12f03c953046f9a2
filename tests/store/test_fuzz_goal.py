"""Issue 13: a fuzz test of the .goal reader. A valid file is mutated (bytes flipped, the file cut,
rows given values of any type behind goalform's back, the schema's text altered) and fed to
Document.open and to `goalform validate/show/review` through the CLI's entry point. Whatever the
file, the answer is exit 0/1/2 (a StoreError with a Chinese message), never a traceback, and quickly.
"""
from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from helpers.reference_forms import reference_form

from goalform.cli import main as cli_main
from goalform.store import Document, StoreError

SECONDS_PER_FILE = 10.0

COLUMNS = {
    "indicator": ("id", "tree", "parent_id", "level", "position", "key", "name", "value", "basis", "category",
                  "prev2", "prev1"),
    "field": ("key", "value"),
    "fund": ("line", "col", "value"),
    "review_comment": ("id", "location", "text", "author", "created", "uid"),
    "review_status": ("id", "status", "who", "changed_at", "fingerprint", "note", "uid", "changed_from"),
}

values = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.binary(max_size=30),
    st.sampled_from(["abc", "annual", "long_term", "0", "-1", "1e999", "indicator:abc", "indicator:1:name",
                     "fund:fiscal:current", "field:phone", "submitted", "approved", "2024", "2026", "\x00"]),
)
row_edits = st.tuples(st.sampled_from(sorted(COLUMNS)), st.integers(0, 11), st.integers(0, 200), values)
byte_flips = st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=8)
schema_edits = st.tuples(
    st.sampled_from(["field", "fund", "indicator", "indicator_children", "review_comment", "review_status",
                     "review_comment_uid", "review_status_uid"]),
    st.sampled_from(["NOT NULL", "INTEGER", "TEXT", "PRIMARY KEY", "CHECK", "DEFAULT ''", "(", ",", "tree"]),
    st.sampled_from(["", "NULL", "BLOB", "CHECK (1)", "DEFAULT (1 + 1)", "UNIQUE", "((", "AS (1)", "x TEXT,",
                     "COLLATE NOCASE", "REFERENCES field(key)"]),
)
mutations = st.one_of(
    st.tuples(st.just("rows"), st.lists(row_edits, min_size=1, max_size=5)),
    st.tuples(st.just("bytes"), byte_flips),
    st.tuples(st.just("cut"), st.integers(0, 2**20)),
    st.tuples(st.just("schema"), schema_edits),
)


@pytest.fixture(scope="module")
def valid_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "valid.goal"
    doc = Document.from_form(reference_form("2026"))
    doc.add_comment("form", "请核对", "审核人")
    doc.submit("填报人")
    doc.save(path)
    doc.close()
    return path


def mutate(valid: Path, target: Path, mutation: tuple) -> None:
    shutil.copyfile(valid, target)
    kind, what = mutation
    if kind == "bytes":
        data = bytearray(target.read_bytes())
        for offset, byte in what:
            data[offset % len(data)] = byte
        target.write_bytes(bytes(data))
    elif kind == "cut":
        data = target.read_bytes()
        target.write_bytes(data[: what % len(data)])
    else:
        conn = sqlite3.connect(target, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("PRAGMA ignore_check_constraints = ON")
            if kind == "rows":
                for table, column, row, value in what:
                    col = COLUMNS[table][column % len(COLUMNS[table])]
                    with contextlib.suppress(sqlite3.Error):  # e.g. a duplicate primary key
                        conn.execute(f"UPDATE {table} SET {col} = ? WHERE rowid = "
                                     f"(SELECT rowid FROM {table} LIMIT 1 OFFSET ?)", (value, row))
            else:
                name, old, new = what
                conn.execute("PRAGMA writable_schema = ON")
                conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?", (old, new, name))
        finally:
            conn.close()


def run_cli(args: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli_main(args)
    return code, err.getvalue()


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutations)
def test_a_mutated_goal_is_read_or_refused_cleanly(valid_file: Path, tmp_path: Path, mutation: tuple) -> None:
    target = tmp_path / "mutated.goal"
    mutate(valid_file, target, mutation)
    started = time.monotonic()
    try:
        with Document.open(target) as doc:
            doc.load_form()
            doc.review()
    except StoreError as e:
        assert str(e) and "Traceback" not in str(e)
    for args in (["validate", str(target)], ["show", str(target)], ["review", str(target)]):
        code, err = run_cli(args)
        assert code in (0, 1, 2), (args, code, err)
        assert "Traceback" not in err
        if code == 2:
            assert len(err.strip().splitlines()) == 1, err
    assert time.monotonic() - started < SECONDS_PER_FILE
