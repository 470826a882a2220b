from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExactMatchChanged")


@_attrs_define
class ExactMatchChanged:
    """
    Attributes:
        competency_id (str):
        match_id (str):
        changed (bool): False when the two were exact matches already
        results_carried (int): Stored results carried across to the other competency (copies made)
    """

    competency_id: str
    match_id: str
    changed: bool
    results_carried: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competency_id = self.competency_id

        match_id = self.match_id

        changed = self.changed

        results_carried = self.results_carried

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competency_id": competency_id,
                "match_id": match_id,
                "changed": changed,
                "results_carried": results_carried,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        competency_id = d.pop("competency_id")

        match_id = d.pop("match_id")

        changed = d.pop("changed")

        results_carried = d.pop("results_carried")

        exact_match_changed = cls(
            competency_id=competency_id,
            match_id=match_id,
            changed=changed,
            results_carried=results_carried,
        )

        exact_match_changed.additional_properties = d
        return exact_match_changed

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
