from typing import Literal

ChangeCause = Literal[
    "evidence", "override_cleared", "override_expired", "override_set", "policy", "void"
]

CHANGE_CAUSE_VALUES: set[ChangeCause] = {
    "evidence",
    "override_cleared",
    "override_expired",
    "override_set",
    "policy",
    "void",
}


def check_change_cause(value: str) -> ChangeCause:
    if value in CHANGE_CAUSE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGE_CAUSE_VALUES!r}")
