from typing import Literal

MasteryStatus = Literal["insufficient_evidence", "mastered", "no_evidence", "not_yet"]

MASTERY_STATUS_VALUES: set[MasteryStatus] = {
    "insufficient_evidence",
    "mastered",
    "no_evidence",
    "not_yet",
}


def check_mastery_status(value: str) -> MasteryStatus:
    if value in MASTERY_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MASTERY_STATUS_VALUES!r}")
