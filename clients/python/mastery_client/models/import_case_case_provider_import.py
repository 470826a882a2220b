from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_case_case_provider_import_auth import ImportCaseCaseProviderImportAuth


T = TypeVar("T", bound="ImportCaseCaseProviderImport")


@_attrs_define
class ImportCaseCaseProviderImport:
    """
    Attributes:
        url (str):
        auth (ImportCaseCaseProviderImportAuth | Unset):
    """

    url: str
    auth: ImportCaseCaseProviderImportAuth | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        auth: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth, Unset):
            auth = self.auth.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if auth is not UNSET:
            field_dict["auth"] = auth

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_case_case_provider_import_auth import ImportCaseCaseProviderImportAuth

        d = dict(src_dict)
        url = d.pop("url")

        _auth = d.pop("auth", UNSET)
        auth: ImportCaseCaseProviderImportAuth | Unset
        if isinstance(_auth, Unset):
            auth = UNSET
        else:
            auth = ImportCaseCaseProviderImportAuth.from_dict(_auth)

        import_case_case_provider_import = cls(
            url=url,
            auth=auth,
        )

        import_case_case_provider_import.additional_properties = d
        return import_case_case_provider_import

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
