from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.one_roster_version import OneRosterVersion, check_one_roster_version
from ..models.provider_auth import ProviderAuth, check_provider_auth
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectionWrite")


@_attrs_define
class ConnectionWrite:
    """
    Attributes:
        base_url (str): The provider's root, before /ims/oneroster/…
        oneroster_version (OneRosterVersion):
        auth (ProviderAuth): How the provider authenticates the service: OAuth 2.0 client credentials (1.2, many
            1.1 providers), or OAuth 1.0a request signing with HMAC-SHA256 (the 1.1 standard's).
        client_id (str):
        token_url (None | str | Unset):
        scopes (list[str] | Unset): Scopes asked with a token.
        client_secret (None | str | Unset): Stored encrypted, never returned; omit it to keep the stored one.
    """

    base_url: str
    oneroster_version: OneRosterVersion
    auth: ProviderAuth
    client_id: str
    token_url: None | str | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    client_secret: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_url = self.base_url

        oneroster_version: str = self.oneroster_version

        auth: str = self.auth

        client_id = self.client_id

        token_url: None | str | Unset
        if isinstance(self.token_url, Unset):
            token_url = UNSET
        else:
            token_url = self.token_url

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        client_secret: None | str | Unset
        if isinstance(self.client_secret, Unset):
            client_secret = UNSET
        else:
            client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_url": base_url,
                "oneroster_version": oneroster_version,
                "auth": auth,
                "client_id": client_id,
            }
        )
        if token_url is not UNSET:
            field_dict["token_url"] = token_url
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        base_url = d.pop("base_url")

        oneroster_version = check_one_roster_version(d.pop("oneroster_version"))

        auth = check_provider_auth(d.pop("auth"))

        client_id = d.pop("client_id")

        def _parse_token_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token_url = _parse_token_url(d.pop("token_url", UNSET))

        scopes = cast(list[str], d.pop("scopes", UNSET))

        def _parse_client_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret = _parse_client_secret(d.pop("client_secret", UNSET))

        connection_write = cls(
            base_url=base_url,
            oneroster_version=oneroster_version,
            auth=auth,
            client_id=client_id,
            token_url=token_url,
            scopes=scopes,
            client_secret=client_secret,
        )

        connection_write.additional_properties = d
        return connection_write

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
