from typing import Literal

EnrollmentRole = Literal["administrator", "aide", "proctor", "student", "teacher"]

ENROLLMENT_ROLE_VALUES: set[EnrollmentRole] = {
    "administrator",
    "aide",
    "proctor",
    "student",
    "teacher",
}


def check_enrollment_role(value: str) -> EnrollmentRole:
    if value in ENROLLMENT_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ENROLLMENT_ROLE_VALUES!r}")
