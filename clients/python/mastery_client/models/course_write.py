from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CourseWrite")


@_attrs_define
class CourseWrite:
    """
    Attributes:
        title (str):
        org_id (str):
        id (None | str | Unset): Optional; when given it must equal the id in the path.
        course_code (None | str | Unset):
        grades (list[str] | Unset):
        subjects (list[str] | Unset):
        school_year_id (None | str | Unset):
    """

    title: str
    org_id: str
    id: None | str | Unset = UNSET
    course_code: None | str | Unset = UNSET
    grades: list[str] | Unset = UNSET
    subjects: list[str] | Unset = UNSET
    school_year_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        org_id = self.org_id

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

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

        field_dict.update(
            {
                "title": title,
                "org_id": org_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
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
        title = d.pop("title")

        org_id = d.pop("org_id")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

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

        course_write = cls(
            title=title,
            org_id=org_id,
            id=id,
            course_code=course_code,
            grades=grades,
            subjects=subjects,
            school_year_id=school_year_id,
        )

        return course_write
