from typing import Literal

ListAuditEntriesFormat = Literal["csv", "json", "parquet"]

LIST_AUDIT_ENTRIES_FORMAT_VALUES: set[ListAuditEntriesFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_list_audit_entries_format(value: str) -> ListAuditEntriesFormat:
    if value in LIST_AUDIT_ENTRIES_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_AUDIT_ENTRIES_FORMAT_VALUES!r}"
    )
