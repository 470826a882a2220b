from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.one_roster_version import OneRosterVersion, check_one_roster_version
from ..models.provider_auth import ProviderAuth, check_provider_auth
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectionRead")


@_attrs_define
class ConnectionRead:
    """
    Attributes:
        base_url (str): The provider's root, before /ims/oneroster/…
        oneroster_version (OneRosterVersion):
        auth (ProviderAuth): How the provider authenticates the service: OAuth 2.0 client credentials (1.2, many
            1.1 providers), or OAuth 1.0a request signing with HMAC-SHA256 (the 1.1 standard's).
        client_id (str):
        synced_through (datetime.datetime | None): The newest change a sync has read; the next asks only for later ones.
        updated_at (datetime.datetime | None):
        token_url (None | str | Unset):
        scopes (list[str] | Unset): Scopes asked with a token.
        has_client_secret (bool | Unset):  Default: True.
    """

    base_url: str
    oneroster_version: OneRosterVersion
    auth: ProviderAuth
    client_id: str
    synced_through: datetime.datetime | None
    updated_at: datetime.datetime | None
    token_url: None | str | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    has_client_secret: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_url = self.base_url

        oneroster_version: str = self.oneroster_version

        auth: str = self.auth

        client_id = self.client_id

        synced_through: None | str
        if isinstance(self.synced_through, datetime.datetime):
            synced_through = self.synced_through.isoformat()
        else:
            synced_through = self.synced_through

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        token_url: None | str | Unset
        if isinstance(self.token_url, Unset):
            token_url = UNSET
        else:
            token_url = self.token_url

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        has_client_secret = self.has_client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_url": base_url,
                "oneroster_version": oneroster_version,
                "auth": auth,
                "client_id": client_id,
                "synced_through": synced_through,
                "updated_at": updated_at,
            }
        )
        if token_url is not UNSET:
            field_dict["token_url"] = token_url
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if has_client_secret is not UNSET:
            field_dict["has_client_secret"] = has_client_secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        base_url = d.pop("base_url")

        oneroster_version = check_one_roster_version(d.pop("oneroster_version"))

        auth = check_provider_auth(d.pop("auth"))

        client_id = d.pop("client_id")

        def _parse_synced_through(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                synced_through_type_0 = datetime.datetime.fromisoformat(data)

                return synced_through_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        synced_through = _parse_synced_through(d.pop("synced_through"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_token_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token_url = _parse_token_url(d.pop("token_url", UNSET))

        scopes = cast(list[str], d.pop("scopes", UNSET))

        has_client_secret = d.pop("has_client_secret", UNSET)

        connection_read = cls(
            base_url=base_url,
            oneroster_version=oneroster_version,
            auth=auth,
            client_id=client_id,
            synced_through=synced_through,
            updated_at=updated_at,
            token_url=token_url,
            scopes=scopes,
            has_client_secret=has_client_secret,
        )

        connection_read.additional_properties = d
        return connection_read

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
