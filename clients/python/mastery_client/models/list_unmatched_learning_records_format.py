from typing import Literal

ListUnmatchedLearningRecordsFormat = Literal["csv", "json", "parquet"]

LIST_UNMATCHED_LEARNING_RECORDS_FORMAT_VALUES: set[ListUnmatchedLearningRecordsFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_unmatched_learning_records_format(value: str) -> ListUnmatchedLearningRecordsFormat:
    if value in LIST_UNMATCHED_LEARNING_RECORDS_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_UNMATCHED_LEARNING_RECORDS_FORMAT_VALUES!r}"
    )
