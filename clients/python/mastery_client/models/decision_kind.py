from typing import Literal

DecisionKind = Literal["academic", "habits_of_work"]

DECISION_KIND_VALUES: set[DecisionKind] = {
    "academic",
    "habits_of_work",
}


def check_decision_kind(value: str) -> DecisionKind:
    if value in DECISION_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_KIND_VALUES!r}")
