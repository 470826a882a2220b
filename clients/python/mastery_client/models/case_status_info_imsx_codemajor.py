from typing import Literal

CaseStatusInfoImsxCodemajor = Literal["failure", "processing", "success", "unsupported"]

CASE_STATUS_INFO_IMSX_CODEMAJOR_VALUES: set[CaseStatusInfoImsxCodemajor] = {
    "failure",
    "processing",
    "success",
    "unsupported",
}


def check_case_status_info_imsx_codemajor(value: str) -> CaseStatusInfoImsxCodemajor:
    if value in CASE_STATUS_INFO_IMSX_CODEMAJOR_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CASE_STATUS_INFO_IMSX_CODEMAJOR_VALUES!r}"
    )
