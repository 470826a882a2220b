from typing import Literal

ListJobsFormat = Literal["csv", "json", "parquet"]

LIST_JOBS_FORMAT_VALUES: set[ListJobsFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_jobs_format(value: str) -> ListJobsFormat:
    if value in LIST_JOBS_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_FORMAT_VALUES!r}")
