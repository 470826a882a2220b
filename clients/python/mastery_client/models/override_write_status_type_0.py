from typing import Literal

OverrideWriteStatusType0 = Literal["mastered", "not_yet"]

OVERRIDE_WRITE_STATUS_TYPE_0_VALUES: set[OverrideWriteStatusType0] = {
    "mastered",
    "not_yet",
}


def check_override_write_status_type_0(value: str) -> OverrideWriteStatusType0:
    if value in OVERRIDE_WRITE_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OVERRIDE_WRITE_STATUS_TYPE_0_VALUES!r}"
    )
