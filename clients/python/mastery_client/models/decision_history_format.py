from typing import Literal

DecisionHistoryFormat = Literal["csv", "json", "parquet"]

DECISION_HISTORY_FORMAT_VALUES: set[DecisionHistoryFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_decision_history_format(value: str) -> DecisionHistoryFormat:
    if value in DECISION_HISTORY_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DECISION_HISTORY_FORMAT_VALUES!r}"
    )
