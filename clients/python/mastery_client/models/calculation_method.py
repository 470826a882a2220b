from typing import Literal

CalculationMethod = Literal[
    "average",
    "best_fit",
    "decaying_average",
    "highest",
    "latest",
    "max_of_average_and_power_law",
    "median",
    "mode",
    "most_recent_average",
    "n_mastery",
    "power_law",
    "standard_decaying_average",
]

CALCULATION_METHOD_VALUES: set[CalculationMethod] = {
    "average",
    "best_fit",
    "decaying_average",
    "highest",
    "latest",
    "max_of_average_and_power_law",
    "median",
    "mode",
    "most_recent_average",
    "n_mastery",
    "power_law",
    "standard_decaying_average",
}


def check_calculation_method(value: str) -> CalculationMethod:
    if value in CALCULATION_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALCULATION_METHOD_VALUES!r}")
