from typing import Literal

ListEnrollmentsFormat = Literal["csv", "json", "parquet"]

LIST_ENROLLMENTS_FORMAT_VALUES: set[ListEnrollmentsFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_enrollments_format(value: str) -> ListEnrollmentsFormat:
    if value in LIST_ENROLLMENTS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ENROLLMENTS_FORMAT_VALUES!r}"
    )
