from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlatformRead")


@_attrs_define
class PlatformRead:
    """
    Attributes:
        id (str):
        issuer (str):
        client_id (str):
        auth_login_url (str):
        token_url (str):
        token_audience (None | str):
        jwks_url (str):
        deployment_ids (list[str]):
    """

    id: str
    issuer: str
    client_id: str
    auth_login_url: str
    token_url: str
    token_audience: None | str
    jwks_url: str
    deployment_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        issuer = self.issuer

        client_id = self.client_id

        auth_login_url = self.auth_login_url

        token_url = self.token_url

        token_audience: None | str
        token_audience = self.token_audience

        jwks_url = self.jwks_url

        deployment_ids = self.deployment_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "issuer": issuer,
                "client_id": client_id,
                "auth_login_url": auth_login_url,
                "token_url": token_url,
                "token_audience": token_audience,
                "jwks_url": jwks_url,
                "deployment_ids": deployment_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        issuer = d.pop("issuer")

        client_id = d.pop("client_id")

        auth_login_url = d.pop("auth_login_url")

        token_url = d.pop("token_url")

        def _parse_token_audience(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token_audience = _parse_token_audience(d.pop("token_audience"))

        jwks_url = d.pop("jwks_url")

        deployment_ids = cast(list[str], d.pop("deployment_ids"))

        platform_read = cls(
            id=id,
            issuer=issuer,
            client_id=client_id,
            auth_login_url=auth_login_url,
            token_url=token_url,
            token_audience=token_audience,
            jwks_url=jwks_url,
            deployment_ids=deployment_ids,
        )

        platform_read.additional_properties = d
        return platform_read

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
