from typing import Literal

ListUnmatchedLearningRecordsKind = Literal["caliper", "xapi"]

LIST_UNMATCHED_LEARNING_RECORDS_KIND_VALUES: set[ListUnmatchedLearningRecordsKind] = {
    "caliper",
    "xapi",
}


def check_list_unmatched_learning_records_kind(value: str) -> ListUnmatchedLearningRecordsKind:
    if value in LIST_UNMATCHED_LEARNING_RECORDS_KIND_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_UNMATCHED_LEARNING_RECORDS_KIND_VALUES!r}"
    )
