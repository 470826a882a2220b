from typing import Literal

ListOrgsFormat = Literal["csv", "json", "parquet"]

LIST_ORGS_FORMAT_VALUES: set[ListOrgsFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_orgs_format(value: str) -> ListOrgsFormat:
    if value in LIST_ORGS_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_ORGS_FORMAT_VALUES!r}")
