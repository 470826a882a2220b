"""`quick_init`: the same object as the dataclass's own `__init__` makes, only sooner."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any

import pytest

from app.domain.mastery.decision import ComputedDecision
from app.domain.mastery.override import ShownDecision
from app.domain.mastery.record import DecisionRecord
from app.domain.mastery.view import DecisionView
from app.domain.quick_init import quick_init


@dataclass(frozen=True, slots=True)
class Plain:
    name: str
    count: int = 3
    label: str | None = None
    seen: bool = field(default=False, kw_only=True)


@quick_init
@dataclass(frozen=True, slots=True)
class Quick:
    name: str
    count: int = 3
    label: str | None = None
    seen: bool = field(default=False, kw_only=True)


def _fields(value: object) -> tuple[object, ...]:
    return tuple(getattr(value, f.name) for f in dataclasses.fields(value))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        (("a",), {}, ("a", 3, None, False)),
        (("a", 5), {}, ("a", 5, None, False)),
        (("a", 5, "x"), {"seen": True}, ("a", 5, "x", True)),
        ((), {"name": "b", "label": "y"}, ("b", 3, "y", False)),
    ],
)
def test_the_fields_are_the_arguments_and_the_defaults(
    args: tuple[Any, ...], kwargs: dict[str, Any], expected: tuple[object, ...]
) -> None:
    made = Quick(*args, **kwargs)
    assert _fields(made) == expected
    assert _fields(Plain(*args, **kwargs)) == expected


def test_equal_hashed_printed_and_replaced_as_the_dataclass_makes_them() -> None:
    one, two = Quick("a", 5, "x", seen=True), Quick("a", 5, "x", seen=True)
    assert one == two
    assert hash(one) == hash(two)
    assert one != Quick("a", 6, "x", seen=True)
    assert repr(one) == "Quick(name='a', count=5, label='x', seen=True)"
    assert _fields(dataclasses.replace(one, count=9)) == ("a", 9, "x", True)
    assert pickle.loads(pickle.dumps(one)) == one


@quick_init
@dataclass(frozen=True, slots=True)
class Slotted:
    name: str


@quick_init
@dataclass(frozen=True, slots=True)
class Extended(Slotted):
    count: int = 1


def test_a_field_of_a_slotted_base_is_set_through_the_base_slot() -> None:
    made = Extended("a", 2)
    assert _fields(made) == ("a", 2)
    assert made == Extended(name="a", count=2)
    assert made != Slotted("a")


def test_still_frozen() -> None:
    made = Quick("a")
    with pytest.raises(FrozenInstanceError):
        made.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del made.name


def test_a_missing_or_unknown_argument_is_refused_as_by_the_dataclass() -> None:
    with pytest.raises(TypeError):
        Quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("a", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("a", 5, "x", True)  # type: ignore[call-arg]  # `seen` is keyword-only


def test_refused_where_the_generated_init_does_more_than_set_fields() -> None:
    @dataclass(frozen=True)
    class NoSlots:
        name: str

    @dataclass(slots=True)
    class NotFrozen:
        name: str

    @dataclass(frozen=True, slots=True)
    class Factory:
        names: list[str] = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class Checked:
        name: str

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class Derived:
        name: str
        size: int = field(init=False, default=0)

    for cls in (NoSlots, NotFrozen, Factory, Checked, Derived, int):
        with pytest.raises(TypeError):
            quick_init(cls)


@pytest.mark.parametrize("cls", [ComputedDecision, DecisionRecord, ShownDecision, DecisionView])
def test_the_decisions_as_read_use_it(cls: type) -> None:
    # The hot path of a page's decisions (docs/decisions/0065-quick-frozen-values.md).
    init = vars(cls)["__init__"]
    assert init.__code__.co_filename == "<string>"
    assert any(name.startswith("_set_") for name in init.__globals__)
