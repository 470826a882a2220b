from typing import Literal

ListClassTeachersFormat = Literal["csv", "json", "parquet"]

LIST_CLASS_TEACHERS_FORMAT_VALUES: set[ListClassTeachersFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_class_teachers_format(value: str) -> ListClassTeachersFormat:
    if value in LIST_CLASS_TEACHERS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_CLASS_TEACHERS_FORMAT_VALUES!r}"
    )
