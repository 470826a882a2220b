from typing import Literal

Mark = Literal["exempt", "incomplete", "missing"]

MARK_VALUES: set[Mark] = {
    "exempt",
    "incomplete",
    "missing",
}


def check_mark(value: str) -> Mark:
    if value in MARK_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MARK_VALUES!r}")
