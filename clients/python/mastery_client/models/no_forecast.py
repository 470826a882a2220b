from typing import Literal

NoForecast = Literal[
    "all_results_on_one_day",
    "beyond_horizon",
    "not_enough_results",
    "overridden",
    "rolled_up",
    "trend_not_rising",
]

NO_FORECAST_VALUES: set[NoForecast] = {
    "all_results_on_one_day",
    "beyond_horizon",
    "not_enough_results",
    "overridden",
    "rolled_up",
    "trend_not_rising",
}


def check_no_forecast(value: str) -> NoForecast:
    if value in NO_FORECAST_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NO_FORECAST_VALUES!r}")
