from typing import Literal

ListUsersFormat = Literal["csv", "json", "parquet"]

LIST_USERS_FORMAT_VALUES: set[ListUsersFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_users_format(value: str) -> ListUsersFormat:
    if value in LIST_USERS_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_USERS_FORMAT_VALUES!r}")
