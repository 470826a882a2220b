from typing import Literal

RoleType = Literal["primary", "secondary"]

ROLE_TYPE_VALUES: set[RoleType] = {
    "primary",
    "secondary",
}


def check_role_type(value: str) -> RoleType:
    if value in ROLE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLE_TYPE_VALUES!r}")
