from typing import Literal

OverrideState = Literal["current", "expired", "removed"]

OVERRIDE_STATE_VALUES: set[OverrideState] = {
    "current",
    "expired",
    "removed",
}


def check_override_state(value: str) -> OverrideState:
    if value in OVERRIDE_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OVERRIDE_STATE_VALUES!r}")
