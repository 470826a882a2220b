from typing import Literal

NotCounted = Literal[
    "academic",
    "after_as_of",
    "category_not_counted",
    "exempt",
    "formative",
    "habits_of_work",
    "incomplete",
    "uncategorised",
    "voided",
]

NOT_COUNTED_VALUES: set[NotCounted] = {
    "academic",
    "after_as_of",
    "category_not_counted",
    "exempt",
    "formative",
    "habits_of_work",
    "incomplete",
    "uncategorised",
    "voided",
}


def check_not_counted(value: str) -> NotCounted:
    if value in NOT_COUNTED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NOT_COUNTED_VALUES!r}")
