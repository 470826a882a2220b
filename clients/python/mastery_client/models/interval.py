from typing import Literal

Interval = Literal["month", "week"]

INTERVAL_VALUES: set[Interval] = {
    "month",
    "week",
}


def check_interval(value: str) -> Interval:
    if value in INTERVAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTERVAL_VALUES!r}")
