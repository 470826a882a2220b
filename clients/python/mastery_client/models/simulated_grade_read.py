from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grade_read import GradeRead


T = TypeVar("T", bound="SimulatedGradeRead")


@_attrs_define
class SimulatedGradeRead:
    """
    Attributes:
        student_id (str):
        current (GradeRead | None): Under the stored rules (null without).
        proposed (GradeRead):
        changed (bool):
    """

    student_id: str
    current: GradeRead | None
    proposed: GradeRead
    changed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.grade_read import GradeRead

        student_id = self.student_id

        current: dict[str, Any] | None
        if isinstance(self.current, GradeRead):
            current = self.current.to_dict()
        else:
            current = self.current

        proposed = self.proposed.to_dict()

        changed = self.changed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "student_id": student_id,
                "current": current,
                "proposed": proposed,
                "changed": changed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.grade_read import GradeRead

        d = dict(src_dict)
        student_id = d.pop("student_id")

        def _parse_current(data: object) -> GradeRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_type_0 = GradeRead.from_dict(data)

                return current_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GradeRead | None, data)

        current = _parse_current(d.pop("current"))

        proposed = GradeRead.from_dict(d.pop("proposed"))

        changed = d.pop("changed")

        simulated_grade_read = cls(
            student_id=student_id,
            current=current,
            proposed=proposed,
            changed=changed,
        )

        simulated_grade_read.additional_properties = d
        return simulated_grade_read

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
