from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_in_metadata_type_0 import CategoryInMetadataType0


T = TypeVar("T", bound="CategoryIn")


@_attrs_define
class CategoryIn:
    """
    Attributes:
        sourced_id (None | str | Unset): Must equal the path's, if given.
        status (None | str | Unset): active (default) or tobedeleted
        date_last_modified (None | str | Unset): Ignored: set by the service.
        metadata (CategoryInMetadataType0 | None | Unset):
        title (None | str | Unset): Required: e.g. Homework, Tests.
        weight (float | None | Unset): The gradebook's weight, kept as sent (not used in decisions).
    """

    sourced_id: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    date_last_modified: None | str | Unset = UNSET
    metadata: CategoryInMetadataType0 | None | Unset = UNSET
    title: None | str | Unset = UNSET
    weight: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.category_in_metadata_type_0 import CategoryInMetadataType0

        sourced_id: None | str | Unset
        if isinstance(self.sourced_id, Unset):
            sourced_id = UNSET
        else:
            sourced_id = self.sourced_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        date_last_modified: None | str | Unset
        if isinstance(self.date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = self.date_last_modified

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, CategoryInMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        weight: float | None | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sourced_id is not UNSET:
            field_dict["sourcedId"] = sourced_id
        if status is not UNSET:
            field_dict["status"] = status
        if date_last_modified is not UNSET:
            field_dict["dateLastModified"] = date_last_modified
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if title is not UNSET:
            field_dict["title"] = title
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.category_in_metadata_type_0 import CategoryInMetadataType0

        d = dict(src_dict)

        def _parse_sourced_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sourced_id = _parse_sourced_id(d.pop("sourcedId", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_date_last_modified(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_last_modified = _parse_date_last_modified(d.pop("dateLastModified", UNSET))

        def _parse_metadata(data: object) -> CategoryInMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = CategoryInMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CategoryInMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        category_in = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            metadata=metadata,
            title=title,
            weight=weight,
        )

        category_in.additional_properties = d
        return category_in

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
