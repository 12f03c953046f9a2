"""goalform.domain.values behaves as the dataclasses it replaced: the same equality, hash, repr and
immutability, checked side by side with a dataclass of the same fields."""
from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from goalform.domain.cells import Cell
from goalform.domain.form import Form, Indicator
from goalform.domain.review import Review
from goalform.domain.validation.core import Finding, Location, RuleSpec, Severity
from goalform.domain.values import FrozenError, FrozenValue, Value


class Point(FrozenValue):
    x: int
    y: str
    tag: str

    _not_compared = ("tag",)

    def __init__(self, x: int, y: str = "", tag: str = "") -> None:
        self.__dict__.update(x=x, y=y, tag=tag)


@dataclasses.dataclass(frozen=True)
class DataPoint:
    x: int
    y: str = ""
    tag: str = dataclasses.field(default="", compare=False)


class Box(Value):
    items: list[int]
    name: str

    def __init__(self, items: list[int] | None = None, name: str = "") -> None:
        self.items = [] if items is None else items
        self.name = name


class Labelled(Point):
    label: str

    def __init__(self, x: int, y: str = "", tag: str = "", label: str = "") -> None:
        self.__dict__.update(x=x, y=y, tag=tag, label=label)


def test_fields_come_from_the_annotations_in_order() -> None:
    assert Point._fields == ("x", "y", "tag")
    assert Labelled._fields == ("x", "y", "tag", "label")  # a base class's fields first, as in a dataclass
    assert Form._fields == tuple(f.name for f in dataclasses.fields(_FormAsDataclass))


def test_equality_and_hash_as_a_frozen_dataclass() -> None:
    pairs = [((1, "a", "t"), (1, "a", "u")), ((1, "a", "t"), (2, "a", "t")), ((1, "a", "t"), (1, "b", "t"))]
    for left, right in pairs:
        assert (Point(*left) == Point(*right)) == (DataPoint(*left) == DataPoint(*right))
        assert (Point(*left) != Point(*right)) == (DataPoint(*left) != DataPoint(*right))
    assert Point(1, "a", "t") == Point(1, "a", "u")  # tag is not compared
    assert hash(Point(1, "a", "t")) == hash(Point(1, "a", "u")) == hash(DataPoint(1, "a", "t"))
    assert {Point(1), Point(1, tag="x"), Point(2)} == {Point(1), Point(2)}
    # Only the same class is equal, never a tuple or a subclass with the same values.
    assert Point(1, "a") != (1, "a") and Point(1, "a") != Labelled(1, "a")
    assert Point(1).__eq__(DataPoint(1)) is NotImplemented


def test_frozen_values_refuse_changes() -> None:
    p = Point(1, "a")
    with pytest.raises(FrozenError, match="cannot assign to field 'x'"):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):  # FrozenError is an AttributeError, as FrozenInstanceError
        p.z = 2  # type: ignore[attr-defined]
    with pytest.raises(FrozenError, match="cannot delete field 'y'"):
        del p.y
    assert (p.x, p.y) == (1, "a")


def test_mutable_values_are_unhashable_and_compare_their_fields() -> None:
    box = Box([1], "b")
    with pytest.raises(TypeError):
        hash(box)
    assert box == Box([1], "b") and box != Box([2], "b")
    box.items.append(2)
    assert box == Box([1, 2], "b") and Box().items is not Box().items


def test_repr_as_a_dataclass() -> None:
    assert repr(Point(1, "a", "t")) == repr(DataPoint(1, "a", "t")).replace("DataPoint", "Point")
    assert repr(Cell.fund("fiscal", "current")) == \
        "Cell(kind='fund', key='fiscal', column='current', indicator_id=None)"
    assert repr(Indicator(3, "x")) == ("Indicator(level=3, name='x', key='', value='', basis='', category='', "
                                       "prev2='', prev1='', children=[], id=None)")


def test_copies_and_pickles_keep_the_values() -> None:
    finding = Finding("rule.x", Severity.ERROR, Location("funds", "fiscal", "current"), "说明", missing=True)
    for again in (pickle.loads(pickle.dumps(finding)), copy.copy(finding), copy.deepcopy(finding)):
        assert again == finding and hash(again) == hash(finding)
    form = Form("2026", 2026, department="局", long_term=[Indicator(1, "运行成本", children=[Indicator(2, "a")])])
    assert pickle.loads(pickle.dumps(form)) == form == copy.deepcopy(form)


def test_the_domain_types_keep_their_dataclass_semantics() -> None:
    # Form ignores its review in ==; RuleSpec its function (both field(compare=False) before).
    assert Form("2026", 2026) == Form("2026", 2026, review=Review())
    assert Form("2026", 2026) != Form("2026", 2025)
    with pytest.raises(TypeError):
        hash(Form("2026", 2026))
    assert RuleSpec("a", Severity.ERROR, "t", lambda f, t: []) == RuleSpec("a", Severity.ERROR, "t", print)
    assert Cell.fund("a", "current") == Cell("fund", "a", "current") and len({Cell.form(), Cell.form()}) == 1
    assert Indicator(3, "x") == Indicator(3, "x") and Indicator(3, "x") != Indicator(3, "x", id=1)
    assert Indicator(3).children is not Indicator(3).children


@dataclasses.dataclass
class _FormAsDataclass:  # the field order Form had as a dataclass
    template_id: str
    year: int
    department: str = ""
    filler: str = ""
    phone: str = ""
    fill_date: str = ""
    deadline: str = ""
    texts: dict = dataclasses.field(default_factory=dict)
    funds: dict = dataclasses.field(default_factory=dict)
    stated_totals: dict = dataclasses.field(default_factory=dict)
    long_term: list = dataclasses.field(default_factory=list)
    annual: list = dataclasses.field(default_factory=list)
    notes: str = ""
    review: object = dataclasses.field(default=None, compare=False)
