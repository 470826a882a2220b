from typing import Literal

UnmatchedReadKind = Literal["caliper", "xapi"]

UNMATCHED_READ_KIND_VALUES: set[UnmatchedReadKind] = {
    "caliper",
    "xapi",
}


def check_unmatched_read_kind(value: str) -> UnmatchedReadKind:
    if value in UNMATCHED_READ_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UNMATCHED_READ_KIND_VALUES!r}")
