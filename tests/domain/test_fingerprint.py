from __future__ import annotations

import copy
import json

from helpers.valid_forms import find, valid_form

from goalform.domain.fingerprint import canonical_form, changed_since, fingerprint, short
from goalform.domain.review import Review, Status, StatusChange


def test_fingerprint_is_sha256_hex_and_stable() -> None:
    form, _ = valid_form("2026")
    fp = fingerprint(form)
    assert len(fp) == 64 and int(fp, 16) >= 0
    assert fingerprint(copy.deepcopy(form)) == fp
    assert short(fp) == f"{fp[:4]}·{fp[4:8]}·{fp[8:12]}"


def test_every_kind_of_edit_changes_the_fingerprint() -> None:
    form, _ = valid_form("2026")
    before = fingerprint(form)
    edits = [
        lambda f: setattr(f, "department", f.department + "。"),
        lambda f: setattr(f, "deadline", "2029年12月"),
        lambda f: f.texts.__setitem__("tasks", "新的任务"),
        lambda f: f.funds.__setitem__(("fiscal", "prev1"), "96"),
        lambda f: f.stated_totals.__setitem__(("income", "current"), "100"),
        lambda f: setattr(find(f, "annual", "会议费控制率"), "prev2", "87%"),
        lambda f: f.annual[0].children.reverse(),
        lambda f: setattr(f, "year", 2027),
    ]
    for edit in edits:
        changed = copy.deepcopy(form)
        edit(changed)
        assert fingerprint(changed) != before
        assert changed_since(changed, before)


def test_what_is_not_content_does_not_change_it() -> None:
    form, _ = valid_form("2026")
    before = fingerprint(form)
    same = copy.deepcopy(form)
    for _, node in _all_nodes(same):
        node.id = 1000 + (node.id or 0)  # store ids
    same.review = Review(history=[StatusChange(Status.SUBMITTED, "x", "2026-01-01T00:00:00+08:00", before)])
    same.funds[("unit_funds", "current")] = ""  # an empty cell is no cell
    same.texts["functions"] = same.texts["functions"].replace("\n", "\r\n")
    assert fingerprint(same) == before
    assert not changed_since(same, before) and not changed_since(same, "")


def test_canonical_form_is_sorted_compact_utf8_json() -> None:
    form, _ = valid_form("2024")
    raw = canonical_form(form)
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == 1 and data["template"] == "2024" and data["year"] == 2024
    assert list(data) == sorted(data) and b": " not in raw and "鄂州市示例局".encode() in raw
    assert data["funds"] == sorted(data["funds"])
    assert data["annual"][0][:3] == [1, "cost", "运行成本"]


def _all_nodes(form):
    from goalform.domain.form import walk

    for tree in ("long_term", "annual"):
        yield from walk(form.tree(tree))
