from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlatformCreate")


@_attrs_define
class PlatformCreate:
    """
    Attributes:
        issuer (str): The platform's `iss`, exactly as its id_tokens carry it.
        client_id (str): The client id the platform gave the tool.
        auth_login_url (str): The platform's OIDC authorization endpoint.
        token_url (str): The platform's OAuth 2 token endpoint (services).
        jwks_url (str): Where the platform publishes its public keys.
        deployment_ids (list[str]): The deployments whose launches it accepts.
        token_audience (None | str | Unset): The `aud` of our client assertions, when not the token URL (Brightspace).
    """

    issuer: str
    client_id: str
    auth_login_url: str
    token_url: str
    jwks_url: str
    deployment_ids: list[str]
    token_audience: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        client_id = self.client_id

        auth_login_url = self.auth_login_url

        token_url = self.token_url

        jwks_url = self.jwks_url

        deployment_ids = self.deployment_ids

        token_audience: None | str | Unset
        if isinstance(self.token_audience, Unset):
            token_audience = UNSET
        else:
            token_audience = self.token_audience

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "client_id": client_id,
                "auth_login_url": auth_login_url,
                "token_url": token_url,
                "jwks_url": jwks_url,
                "deployment_ids": deployment_ids,
            }
        )
        if token_audience is not UNSET:
            field_dict["token_audience"] = token_audience

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        client_id = d.pop("client_id")

        auth_login_url = d.pop("auth_login_url")

        token_url = d.pop("token_url")

        jwks_url = d.pop("jwks_url")

        deployment_ids = cast(list[str], d.pop("deployment_ids"))

        def _parse_token_audience(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token_audience = _parse_token_audience(d.pop("token_audience", UNSET))

        platform_create = cls(
            issuer=issuer,
            client_id=client_id,
            auth_login_url=auth_login_url,
            token_url=token_url,
            jwks_url=jwks_url,
            deployment_ids=deployment_ids,
            token_audience=token_audience,
        )

        platform_create.additional_properties = d
        return platform_create

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
