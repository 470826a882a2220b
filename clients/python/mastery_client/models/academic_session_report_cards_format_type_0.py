from typing import Literal

AcademicSessionReportCardsFormatType0 = Literal["csv", "json"]

ACADEMIC_SESSION_REPORT_CARDS_FORMAT_TYPE_0_VALUES: set[AcademicSessionReportCardsFormatType0] = {
    "csv",
    "json",
}


def check_academic_session_report_cards_format_type_0(
    value: str,
) -> AcademicSessionReportCardsFormatType0:
    if value in ACADEMIC_SESSION_REPORT_CARDS_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ACADEMIC_SESSION_REPORT_CARDS_FORMAT_TYPE_0_VALUES!r}"
    )
