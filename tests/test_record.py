"""@record behaves as the @dataclass it replaces (util/record.py), feature by feature."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from e4cli.util.record import is_frozen, record


@record
class Frozen:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


@dataclass(frozen=True)
class FrozenReference:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, repr=False)


@record(frozen=False)
class Mutable:
    name: str
    total: int = field(init=False, default=0)
    seen: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.total = len(self.name)


@dataclass
class MutableReference:
    name: str
    total: int = field(init=False, default=0)
    seen: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.total = len(self.name)


@record
class Child(Frozen):
    extra: str = "x"


CALLS = [
    ((), {"name": "a"}),
    (("a",), {}),
    (("a", 2), {}),
    (("a", 2, ("t",)), {}),
    (("a",), {"tags": ("u",), "count": 3}),
    (("a", 1, (), ["n"]), {}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_frozen_record_matches_a_frozen_dataclass(args: tuple, kwargs: dict) -> None:
    mine, theirs = Frozen(*args, **kwargs), FrozenReference(*args, **kwargs)
    assert dataclasses.asdict(mine) == dataclasses.asdict(theirs)
    assert repr(mine).replace("Frozen", "X", 1) == repr(theirs).replace("FrozenReference", "X", 1)
    assert hash(mine) == hash(Frozen(*args, **kwargs))
    assert mine == Frozen(*args, **kwargs)
    assert mine != theirs  # another class, as between two dataclasses
    assert (mine == Frozen("other")) is (theirs == FrozenReference("other"))


def test_fields_left_out_of_comparison_are_left_out_of_eq_and_hash() -> None:
    one, two = Frozen("a", notes=["x"]), Frozen("a", notes=["y"])
    assert one == two and hash(one) == hash(two)
    assert "notes" not in repr(one)


def test_a_frozen_record_refuses_assignment_and_deletion() -> None:
    item = Frozen("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del item.name  # type: ignore[misc]
    assert is_frozen(Frozen) and is_frozen(FrozenReference)
    assert not is_frozen(Mutable) and not is_frozen(MutableReference)


def test_a_mutable_record_matches_a_dataclass() -> None:
    mine, theirs = Mutable("abc"), MutableReference("abc")
    assert (mine.total, mine.seen) == (theirs.total, theirs.seen) == (3, {})
    mine.name = "z"
    assert mine.name == "z"
    assert Mutable("q") == Mutable("q") and Mutable("q") != Mutable("r")
    assert type(mine).__hash__ is None and MutableReference.__hash__ is None
    assert Mutable("q").seen is not Mutable("q").seen  # a fresh default each time


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), (("a", 1, (), [], 9), {}), (("a",), {"name": "b"}), (("a",), {"colour": 1})],
)
def test_wrong_calls_raise_type_error_as_dataclasses_do(args: tuple, kwargs: dict) -> None:
    with pytest.raises(TypeError):
        FrozenReference(*args, **kwargs)
    with pytest.raises(TypeError):
        Frozen(*args, **kwargs)


def test_the_dataclass_helpers_work_on_records() -> None:
    item = Child("a", 1, extra="y")
    assert dataclasses.is_dataclass(item)
    assert [f.name for f in dataclasses.fields(item)] == ["name", "count", "tags", "notes", "extra"]
    changed = dataclasses.replace(item, count=5)
    assert (changed.count, changed.extra, item.count) == (5, "y", 1)
    assert dataclasses.astuple(Frozen("a")) == ("a", 0, (), [])
    assert Child.__match_args__ == ("name", "count", "tags", "notes", "extra")


def test_records_survive_pickle_and_copy() -> None:
    for item in (Frozen("a", 2, ("t",), ["n"]), Mutable("abc"), Child("a", extra="z")):
        for clone in (pickle.loads(pickle.dumps(item)), copy.copy(item), copy.deepcopy(item)):
            assert clone == item and type(clone) is type(item)


def test_unsupported_fields_are_refused_at_definition() -> None:
    with pytest.raises(TypeError):

        @record
        class KeywordOnly:
            name: str = field(kw_only=True)

    with pytest.raises(TypeError):

        @record
        class Derived(Mutable):
            other: int = 0


def test_a_record_built_often_gets_its_own_init_with_the_same_behaviour() -> None:
    from e4cli.util import record as module

    @record(frozen=False)
    class Often:
        name: str
        count: int = 1
        seen: list[str] = field(default_factory=list)
        total: int = field(init=False, default=0)

        def __post_init__(self) -> None:
            self.total = self.count * 2

    generic = Often.__init__
    early = [Often("a"), Often("b", 3), Often("c", seen=["x"])]
    for _ in range(module.COMPILE_AFTER):
        Often("z")
    assert Often.__init__ is not generic  # compiled now
    late = [Often("a"), Often("b", 3), Often("c", seen=["x"])]
    assert early == late
    assert [item.total for item in late] == [2, 6, 2]
    assert late[0].seen is not Often("a").seen
    for args, kwargs in [((), {}), (("a", 1, [], 4), {}), (("a",), {"name": "b"}), ((), {"x": 1})]:
        with pytest.raises(TypeError):
            Often(*args, **kwargs)


def test_a_hash_is_decided_as_dataclass_decides() -> None:
    @record
    class OwnEq:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, OwnEq) and other.name.lower() == self.name.lower()

    @dataclass(frozen=True)
    class OwnEqReference:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, OwnEqReference) and other.name.lower() == self.name.lower()

    @record
    class OwnHash:
        name: str

        def __hash__(self) -> int:
            return 7

    assert OwnEq("A") == OwnEq("a") and OwnEqReference("A") == OwnEqReference("a")
    assert hash(OwnEq("a")) == hash(OwnEq("a"))
    assert (OwnEq.__hash__ is None) == (OwnEqReference.__hash__ is None)
    assert hash(OwnHash("x")) == 7
