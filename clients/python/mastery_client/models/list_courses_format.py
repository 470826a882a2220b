from typing import Literal

ListCoursesFormat = Literal["csv", "json", "parquet"]

LIST_COURSES_FORMAT_VALUES: set[ListCoursesFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_courses_format(value: str) -> ListCoursesFormat:
    if value in LIST_COURSES_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_COURSES_FORMAT_VALUES!r}")
