from typing import Literal

ReportTrendFormat = Literal["csv", "json", "parquet"]

REPORT_TREND_FORMAT_VALUES: set[ReportTrendFormat] = {
    "csv",
    "json",
    "parquet",
}


def check_report_trend_format(value: str) -> ReportTrendFormat:
    if value in REPORT_TREND_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REPORT_TREND_FORMAT_VALUES!r}")
