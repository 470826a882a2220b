from typing import Literal

ListClassesFormat = Literal["csv", "json", "parquet"]

LIST_CLASSES_FORMAT_VALUES: set[ListClassesFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_classes_format(value: str) -> ListClassesFormat:
    if value in LIST_CLASSES_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_CLASSES_FORMAT_VALUES!r}")
