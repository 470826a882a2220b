from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_status import RecordStatus, check_record_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClassRead")


@_attrs_define
class ClassRead:
    """
    Attributes:
        id (str): The district's sourcedId.
        status (RecordStatus): OneRoster's record status: `tobedeleted` records are kept for history, hidden from reads.
        updated_at (datetime.datetime):
        title (str):
        course_id (str):
        school_id (str):
        session_ids (list[str] | Unset):
        class_code (None | str | Unset):
        class_type (None | str | Unset):
        location (None | str | Unset):
        grades (list[str] | Unset):
        subjects (list[str] | Unset):
    """

    id: str
    status: RecordStatus
    updated_at: datetime.datetime
    title: str
    course_id: str
    school_id: str
    session_ids: list[str] | Unset = UNSET
    class_code: None | str | Unset = UNSET
    class_type: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    grades: list[str] | Unset = UNSET
    subjects: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        title = self.title

        course_id = self.course_id

        school_id = self.school_id

        session_ids: list[str] | Unset = UNSET
        if not isinstance(self.session_ids, Unset):
            session_ids = self.session_ids

        class_code: None | str | Unset
        if isinstance(self.class_code, Unset):
            class_code = UNSET
        else:
            class_code = self.class_code

        class_type: None | str | Unset
        if isinstance(self.class_type, Unset):
            class_type = UNSET
        else:
            class_type = self.class_type

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        grades: list[str] | Unset = UNSET
        if not isinstance(self.grades, Unset):
            grades = self.grades

        subjects: list[str] | Unset = UNSET
        if not isinstance(self.subjects, Unset):
            subjects = self.subjects

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "updated_at": updated_at,
                "title": title,
                "course_id": course_id,
                "school_id": school_id,
            }
        )
        if session_ids is not UNSET:
            field_dict["session_ids"] = session_ids
        if class_code is not UNSET:
            field_dict["class_code"] = class_code
        if class_type is not UNSET:
            field_dict["class_type"] = class_type
        if location is not UNSET:
            field_dict["location"] = location
        if grades is not UNSET:
            field_dict["grades"] = grades
        if subjects is not UNSET:
            field_dict["subjects"] = subjects

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_record_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        title = d.pop("title")

        course_id = d.pop("course_id")

        school_id = d.pop("school_id")

        session_ids = cast(list[str], d.pop("session_ids", UNSET))

        def _parse_class_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        class_code = _parse_class_code(d.pop("class_code", UNSET))

        def _parse_class_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        class_type = _parse_class_type(d.pop("class_type", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        grades = cast(list[str], d.pop("grades", UNSET))

        subjects = cast(list[str], d.pop("subjects", UNSET))

        class_read = cls(
            id=id,
            status=status,
            updated_at=updated_at,
            title=title,
            course_id=course_id,
            school_id=school_id,
            session_ids=session_ids,
            class_code=class_code,
            class_type=class_type,
            location=location,
            grades=grades,
            subjects=subjects,
        )

        class_read.additional_properties = d
        return class_read

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
