from typing import Literal

GetReportCardFormatType0 = Literal["html", "json"]

GET_REPORT_CARD_FORMAT_TYPE_0_VALUES: set[GetReportCardFormatType0] = {
    "html",
    "json",
}


def check_get_report_card_format_type_0(value: str) -> GetReportCardFormatType0:
    if value in GET_REPORT_CARD_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_REPORT_CARD_FORMAT_TYPE_0_VALUES!r}"
    )
