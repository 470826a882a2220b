from typing import Literal

CredentialCreateKindType0 = Literal["clr", "open_badge"]

CREDENTIAL_CREATE_KIND_TYPE_0_VALUES: set[CredentialCreateKindType0] = {
    "clr",
    "open_badge",
}


def check_credential_create_kind_type_0(value: str) -> CredentialCreateKindType0:
    if value in CREDENTIAL_CREATE_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREDENTIAL_CREATE_KIND_TYPE_0_VALUES!r}"
    )
