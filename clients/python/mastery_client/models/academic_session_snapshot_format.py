from typing import Literal

AcademicSessionSnapshotFormat = Literal["csv", "json", "parquet"]

ACADEMIC_SESSION_SNAPSHOT_FORMAT_VALUES: set[AcademicSessionSnapshotFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_academic_session_snapshot_format(value: str) -> AcademicSessionSnapshotFormat:
    if value in ACADEMIC_SESSION_SNAPSHOT_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACADEMIC_SESSION_SNAPSHOT_FORMAT_VALUES!r}"
    )
