from typing import Literal

StudentMasteryFormat = Literal["csv", "json", "parquet"]

STUDENT_MASTERY_FORMAT_VALUES: set[StudentMasteryFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_student_mastery_format(value: str) -> StudentMasteryFormat:
    if value in STUDENT_MASTERY_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {STUDENT_MASTERY_FORMAT_VALUES!r}"
    )
