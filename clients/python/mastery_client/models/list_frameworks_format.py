from typing import Literal

ListFrameworksFormat = Literal["csv", "json", "parquet"]

LIST_FRAMEWORKS_FORMAT_VALUES: set[ListFrameworksFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_frameworks_format(value: str) -> ListFrameworksFormat:
    if value in LIST_FRAMEWORKS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_FRAMEWORKS_FORMAT_VALUES!r}"
    )
