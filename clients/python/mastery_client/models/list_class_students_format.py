from typing import Literal

ListClassStudentsFormat = Literal["csv", "json", "parquet"]

LIST_CLASS_STUDENTS_FORMAT_VALUES: set[ListClassStudentsFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_class_students_format(value: str) -> ListClassStudentsFormat:
    if value in LIST_CLASS_STUDENTS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_CLASS_STUDENTS_FORMAT_VALUES!r}"
    )
