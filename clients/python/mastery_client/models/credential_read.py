from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_kind import CredentialKind, check_credential_kind

T = TypeVar("T", bound="CredentialRead")


@_attrs_define
class CredentialRead:
    """
    Attributes:
        id (str):
        kind (CredentialKind): What was issued: one competency's badge, or the learner's record of them all.
        competency_id (None | str): The competency (an open badge's), or null.
        issued_at (datetime.datetime):
        revoked (bool):
        revoked_at (datetime.datetime | None):
        url (str): The credential's public URL (its `id` in the document).
    """

    id: str
    kind: CredentialKind
    competency_id: None | str
    issued_at: datetime.datetime
    revoked: bool
    revoked_at: datetime.datetime | None
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: str = self.kind

        competency_id: None | str
        competency_id = self.competency_id

        issued_at = self.issued_at.isoformat()

        revoked = self.revoked

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "competency_id": competency_id,
                "issued_at": issued_at,
                "revoked": revoked,
                "revoked_at": revoked_at,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        kind = check_credential_kind(d.pop("kind"))

        def _parse_competency_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        competency_id = _parse_competency_id(d.pop("competency_id"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        revoked = d.pop("revoked")

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        url = d.pop("url")

        credential_read = cls(
            id=id,
            kind=kind,
            competency_id=competency_id,
            issued_at=issued_at,
            revoked=revoked,
            revoked_at=revoked_at,
            url=url,
        )

        credential_read.additional_properties = d
        return credential_read

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
