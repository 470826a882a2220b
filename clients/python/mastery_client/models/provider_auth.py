from typing import Literal

ProviderAuth = Literal["oauth1", "oauth2"]

PROVIDER_AUTH_VALUES: set[ProviderAuth] = {
    "oauth1",
    "oauth2",
}


def check_provider_auth(value: str) -> ProviderAuth:
    if value in PROVIDER_AUTH_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROVIDER_AUTH_VALUES!r}")
