from typing import Literal

ModeTie = Literal["highest", "lowest", "most_recent"]

MODE_TIE_VALUES: set[ModeTie] = {
    "highest",
    "lowest",
    "most_recent",
}


def check_mode_tie(value: str) -> ModeTie:
    if value in MODE_TIE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODE_TIE_VALUES!r}")
