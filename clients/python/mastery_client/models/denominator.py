from typing import Literal

Denominator = Literal["all", "class_aligned", "grade_level"]

DENOMINATOR_VALUES: set[Denominator] = {
    "all",
    "class_aligned",
    "grade_level",
}


def check_denominator(value: str) -> Denominator:
    if value in DENOMINATOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DENOMINATOR_VALUES!r}")
