from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CategorySchema")


@_attrs_define
class CategorySchema:
    """One category of evidence (formative, practice, summative, work habits, ...).

    Attributes:
        name (str):
        weight (float): Its weight among the categories with evidence (renormalised over them); above 0 when counted
        counted (bool | Unset): false: listed, never deciding Default: True.
        habits_of_work (bool | Unset): Decided apart from academics: its results count only in the habits-of-work
            decision, the others only in the academic one Default: False.
    """

    name: str
    weight: float
    counted: bool | Unset = True
    habits_of_work: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        weight = self.weight

        counted = self.counted

        habits_of_work = self.habits_of_work

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "weight": weight,
            }
        )
        if counted is not UNSET:
            field_dict["counted"] = counted
        if habits_of_work is not UNSET:
            field_dict["habits_of_work"] = habits_of_work

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        weight = d.pop("weight")

        counted = d.pop("counted", UNSET)

        habits_of_work = d.pop("habits_of_work", UNSET)

        category_schema = cls(
            name=name,
            weight=weight,
            counted=counted,
            habits_of_work=habits_of_work,
        )

        return category_schema
