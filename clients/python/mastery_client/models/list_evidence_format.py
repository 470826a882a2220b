from typing import Literal

ListEvidenceFormat = Literal["csv", "json", "parquet"]

LIST_EVIDENCE_FORMAT_VALUES: set[ListEvidenceFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_evidence_format(value: str) -> ListEvidenceFormat:
    if value in LIST_EVIDENCE_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_EVIDENCE_FORMAT_VALUES!r}")
