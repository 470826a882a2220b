from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unmatched_read_kind import UnmatchedReadKind, check_unmatched_read_kind

T = TypeVar("T", bound="UnmatchedRead")


@_attrs_define
class UnmatchedRead:
    """
    Attributes:
        kind (UnmatchedReadKind):
        id (str): The statement's or event's id.
        stored_at (datetime.datetime):
        student_id (None | str): The student the actor is, when found.
        reason (str): Why it counts for nothing.
    """

    kind: UnmatchedReadKind
    id: str
    stored_at: datetime.datetime
    student_id: None | str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        id = self.id

        stored_at = self.stored_at.isoformat()

        student_id: None | str
        student_id = self.student_id

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "stored_at": stored_at,
                "student_id": student_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = check_unmatched_read_kind(d.pop("kind"))

        id = d.pop("id")

        stored_at = datetime.datetime.fromisoformat(d.pop("stored_at"))

        def _parse_student_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        student_id = _parse_student_id(d.pop("student_id"))

        reason = d.pop("reason")

        unmatched_read = cls(
            kind=kind,
            id=id,
            stored_at=stored_at,
            student_id=student_id,
            reason=reason,
        )

        unmatched_read.additional_properties = d
        return unmatched_read

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
