from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_status import RecordStatus, check_record_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseRead")


@_attrs_define
class CourseRead:
    """
    Attributes:
        id (str): The district's sourcedId.
        status (RecordStatus): OneRoster's record status: `tobedeleted` records are kept for history, hidden from reads.
        updated_at (datetime.datetime):
        title (str):
        org_id (str):
        course_code (None | str | Unset):
        grades (list[str] | Unset):
        subjects (list[str] | Unset):
        school_year_id (None | str | Unset):
    """

    id: str
    status: RecordStatus
    updated_at: datetime.datetime
    title: str
    org_id: str
    course_code: None | str | Unset = UNSET
    grades: list[str] | Unset = UNSET
    subjects: list[str] | Unset = UNSET
    school_year_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        title = self.title

        org_id = self.org_id

        course_code: None | str | Unset
        if isinstance(self.course_code, Unset):
            course_code = UNSET
        else:
            course_code = self.course_code

        grades: list[str] | Unset = UNSET
        if not isinstance(self.grades, Unset):
            grades = self.grades

        subjects: list[str] | Unset = UNSET
        if not isinstance(self.subjects, Unset):
            subjects = self.subjects

        school_year_id: None | str | Unset
        if isinstance(self.school_year_id, Unset):
            school_year_id = UNSET
        else:
            school_year_id = self.school_year_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "updated_at": updated_at,
                "title": title,
                "org_id": org_id,
            }
        )
        if course_code is not UNSET:
            field_dict["course_code"] = course_code
        if grades is not UNSET:
            field_dict["grades"] = grades
        if subjects is not UNSET:
            field_dict["subjects"] = subjects
        if school_year_id is not UNSET:
            field_dict["school_year_id"] = school_year_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_record_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        title = d.pop("title")

        org_id = d.pop("org_id")

        def _parse_course_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        course_code = _parse_course_code(d.pop("course_code", UNSET))

        grades = cast(list[str], d.pop("grades", UNSET))

        subjects = cast(list[str], d.pop("subjects", UNSET))

        def _parse_school_year_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        school_year_id = _parse_school_year_id(d.pop("school_year_id", UNSET))

        course_read = cls(
            id=id,
            status=status,
            updated_at=updated_at,
            title=title,
            org_id=org_id,
            course_code=course_code,
            grades=grades,
            subjects=subjects,
            school_year_id=school_year_id,
        )

        course_read.additional_properties = d
        return course_read

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
