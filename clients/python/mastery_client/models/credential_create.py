from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.credential_create_kind_type_0 import (
    CredentialCreateKindType0,
    check_credential_create_kind_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CredentialCreate")


@_attrs_define
class CredentialCreate:
    """
    Attributes:
        competency_id (None | str | Unset): Issue an OpenBadgeCredential of this mastered competency.
        kind (CredentialCreateKindType0 | None | Unset): `clr`: a ClrCredential of every competency the student has
            mastered.
    """

    competency_id: None | str | Unset = UNSET
    kind: CredentialCreateKindType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competency_id: None | str | Unset
        if isinstance(self.competency_id, Unset):
            competency_id = UNSET
        else:
            competency_id = self.competency_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if competency_id is not UNSET:
            field_dict["competency_id"] = competency_id
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_competency_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        competency_id = _parse_competency_id(d.pop("competency_id", UNSET))

        def _parse_kind(data: object) -> CredentialCreateKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_credential_create_kind_type_0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CredentialCreateKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        credential_create = cls(
            competency_id=competency_id,
            kind=kind,
        )

        credential_create.additional_properties = d
        return credential_create

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
