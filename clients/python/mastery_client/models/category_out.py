from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_out_metadata_type_0 import CategoryOutMetadataType0


T = TypeVar("T", bound="CategoryOut")


@_attrs_define
class CategoryOut:
    """
    Attributes:
        sourced_id (str):
        status (str):
        date_last_modified (str):
        title (str):
        metadata (CategoryOutMetadataType0 | None | Unset):
        weight (float | None | Unset):
    """

    sourced_id: str
    status: str
    date_last_modified: str
    title: str
    metadata: CategoryOutMetadataType0 | None | Unset = UNSET
    weight: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.category_out_metadata_type_0 import CategoryOutMetadataType0

        sourced_id = self.sourced_id

        status = self.status

        date_last_modified = self.date_last_modified

        title = self.title

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, CategoryOutMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        weight: float | None | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sourcedId": sourced_id,
                "status": status,
                "dateLastModified": date_last_modified,
                "title": title,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.category_out_metadata_type_0 import CategoryOutMetadataType0

        d = dict(src_dict)
        sourced_id = d.pop("sourcedId")

        status = d.pop("status")

        date_last_modified = d.pop("dateLastModified")

        title = d.pop("title")

        def _parse_metadata(data: object) -> CategoryOutMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = CategoryOutMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CategoryOutMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        category_out = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            title=title,
            metadata=metadata,
            weight=weight,
        )

        category_out.additional_properties = d
        return category_out

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
