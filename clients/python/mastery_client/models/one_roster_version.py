from typing import Literal

OneRosterVersion = Literal["1.1", "1.2"]

ONE_ROSTER_VERSION_VALUES: set[OneRosterVersion] = {
    "1.1",
    "1.2",
}


def check_one_roster_version(value: str) -> OneRosterVersion:
    if value in ONE_ROSTER_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ONE_ROSTER_VERSION_VALUES!r}")
