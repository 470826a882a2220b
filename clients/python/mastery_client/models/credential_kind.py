from typing import Literal

CredentialKind = Literal["clr", "open_badge"]

CREDENTIAL_KIND_VALUES: set[CredentialKind] = {
    "clr",
    "open_badge",
}


def check_credential_kind(value: str) -> CredentialKind:
    if value in CREDENTIAL_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CREDENTIAL_KIND_VALUES!r}")
