from typing import Literal

ListAllOverridesFormat = Literal["csv", "json", "parquet"]

LIST_ALL_OVERRIDES_FORMAT_VALUES: set[ListAllOverridesFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_all_overrides_format(value: str) -> ListAllOverridesFormat:
    if value in LIST_ALL_OVERRIDES_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ALL_OVERRIDES_FORMAT_VALUES!r}"
    )
