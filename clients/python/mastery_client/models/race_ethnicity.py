from typing import Literal

RaceEthnicity = Literal[
    "american_indian_or_alaska_native",
    "asian",
    "black_or_african_american",
    "hispanic_or_latino",
    "native_hawaiian_or_other_pacific_islander",
    "two_or_more_races",
    "unknown",
    "white",
]

RACE_ETHNICITY_VALUES: set[RaceEthnicity] = {
    "american_indian_or_alaska_native",
    "asian",
    "black_or_african_american",
    "hispanic_or_latino",
    "native_hawaiian_or_other_pacific_islander",
    "two_or_more_races",
    "unknown",
    "white",
}


def check_race_ethnicity(value: str) -> RaceEthnicity:
    if value in RACE_ETHNICITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RACE_ETHNICITY_VALUES!r}")
