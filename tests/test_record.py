"""``collectlint.record``: the dataclass semantics collectlint relies on, without ``dataclasses``."""

from __future__ import annotations

import pickle

import pytest

from collectlint.record import FrozenInstanceError, field, fields, record, replace


@record(frozen=True)
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


@record
class Counter:
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    total: int = field(init=False, default=0)
    label: str = field(init=False)

    def __post_init__(self) -> None:
        self.label = self.name.upper()


@record(frozen=True, eq=False)
class Handle:
    key: str


def test_init_takes_defaults_and_a_fresh_default_per_instance() -> None:
    a, b = Point(1), Point(2, 3)
    assert (a.x, a.y, b.x, b.y) == (1, 0, 2, 3)
    assert a.tags == [] and a.tags is not Point(1).tags
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, [], 4)  # type: ignore[call-arg]


def test_frozen_records_refuse_assignment_and_hash_by_value() -> None:
    p = Point(1, 2)
    with pytest.raises(FrozenInstanceError):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.y  # type: ignore[misc]
    assert Point(1, 2) == p and Point(1, 3) != p and p != (1, 2)
    assert hash(Point(1, 2, ())) == hash(Point(1, 2, ()))  # type: ignore[arg-type]
    with pytest.raises(TypeError):  # a list in a field makes it unhashable, as with dataclasses
        hash(Point(1, 2, ["a"]))
    assert {Handle("k"): 1}.get(Handle("k")) is None  # eq=False: identity, as for dataclasses
    h = Handle("k")
    assert h == h and h != Handle("k")


def test_mutable_records_compare_by_value_are_unhashable_and_run_post_init() -> None:
    c = Counter("ab")
    assert (c.label, c.total, c.counts) == ("AB", 0, {})
    c.total = 3
    assert c.total == 3 and c != Counter("ab")  # total is compared, though __init__ does not take it
    assert replace(c, counts={"x": 1}) == Counter("ab", {"x": 1})  # init=False fields are computed afresh
    with pytest.raises(TypeError):
        hash(c)
    with pytest.raises(ValueError):
        replace(c, total=1)


def test_fields_replace_repr_and_pickle() -> None:
    assert [f.name for f in fields(Point)] == ["x", "y", "tags"]
    assert [f.name for f in fields(Counter("a")) if not f.init] == ["total", "label"]
    p = Point(1, 2, ["t"])
    assert replace(p, y=5) == Point(1, 5, ["t"]) and p.y == 2
    assert repr(p) == "Point(x=1, y=2, tags=['t'])"
    assert pickle.loads(pickle.dumps(p)) == p
    c = pickle.loads(pickle.dumps(Counter("ab", {"k": 2})))
    assert (c.name, c.counts, c.label) == ("ab", {"k": 2}, "AB")
    with pytest.raises(TypeError):
        fields(object())


def test_a_required_field_after_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="follows default"):
        @record
        class Bad:
            a: int = 1
            b: int  # type: ignore[misc]
