from typing import Literal

CaseStatusInfoImsxSeverity = Literal["error", "status", "warning"]

CASE_STATUS_INFO_IMSX_SEVERITY_VALUES: set[CaseStatusInfoImsxSeverity] = {
    "error",
    "status",
    "warning",
}


def check_case_status_info_imsx_severity(value: str) -> CaseStatusInfoImsxSeverity:
    if value in CASE_STATUS_INFO_IMSX_SEVERITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CASE_STATUS_INFO_IMSX_SEVERITY_VALUES!r}"
    )
