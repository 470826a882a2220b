from typing import Literal

RollupKind = Literal["all", "at_least", "percent"]

ROLLUP_KIND_VALUES: set[RollupKind] = {
    "all",
    "at_least",
    "percent",
}


def check_rollup_kind(value: str) -> RollupKind:
    if value in ROLLUP_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLUP_KIND_VALUES!r}")
