"""A frozen dataclass made several times faster to construct, still frozen.

A frozen dataclass's generated `__init__` sets each field through `object.__setattr__(self,
name, value)`: a lookup of the name on the type for every field of every object. A page of
100 students x 200 decisions makes four such objects per decision, and that lookup was a
tenth of the page (issue #14, docs/decisions/0065-quick-frozen-values.md). With `__slots__`,
each field is a member descriptor on the class; calling its `__set__` directly skips the
lookup and sets the same slot, so the object is exactly what the dataclass's own `__init__`
makes: equal, hashed and printed alike, and still refusing assignment afterwards."""

from __future__ import annotations

import dataclasses
import inspect
import types
from typing import Any, TypeVar, cast

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a `@dataclass(frozen=True, slots=True)` class an `__init__` that sets each slot
    through its descriptor. Refused for a class that is not such a dataclass, or has a field
    the generated `__init__` would not simply take as an argument (a default factory,
    `init=False`, `InitVar`, `__post_init__`): those keep the dataclass's own."""
    params = getattr(cls, "__dataclass_params__", None)  # set by @dataclass on its class
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__")
    fields = dataclasses.fields(cast(Any, cls))
    namespace: dict[str, Any] = {}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for field in fields:
        if not field.init or field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{field.name} is not a plain argument")
        name = field.name
        # Its slot (this class's or a base's); without slots, a default or nothing.
        slot = inspect.getattr_static(cls, name, None)
        if not isinstance(slot, types.MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{name} is not a slot")
        namespace[f"_set_{name}"] = slot.__set__
        parameter = name
        if field.default is not dataclasses.MISSING:
            namespace[f"_default_{name}"] = field.default
            parameter = f"{name}=_default_{name}"
        (keyword if field.kw_only else positional).append(parameter)
        body.append(f"    _set_{name}(self, {name})\n")
    parameters = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({parameters}):\n" + ("".join(body) or "    pass\n")
    exec(source, namespace)  # the same technique as dataclasses' own generated methods
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
