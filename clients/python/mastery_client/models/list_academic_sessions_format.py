from typing import Literal

ListAcademicSessionsFormat = Literal["csv", "json", "parquet"]

LIST_ACADEMIC_SESSIONS_FORMAT_VALUES: set[ListAcademicSessionsFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_academic_sessions_format(value: str) -> ListAcademicSessionsFormat:
    if value in LIST_ACADEMIC_SESSIONS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ACADEMIC_SESSIONS_FORMAT_VALUES!r}"
    )
