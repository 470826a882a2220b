from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClassWrite")


@_attrs_define
class ClassWrite:
    """
    Attributes:
        title (str):
        course_id (str):
        school_id (str):
        id (None | str | Unset): Optional; when given it must equal the id in the path.
        session_ids (list[str] | Unset):
        class_code (None | str | Unset):
        class_type (None | str | Unset):
        location (None | str | Unset):
        grades (list[str] | Unset):
        subjects (list[str] | Unset):
    """

    title: str
    course_id: str
    school_id: str
    id: None | str | Unset = UNSET
    session_ids: list[str] | Unset = UNSET
    class_code: None | str | Unset = UNSET
    class_type: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    grades: list[str] | Unset = UNSET
    subjects: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        course_id = self.course_id

        school_id = self.school_id

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

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

        field_dict.update(
            {
                "title": title,
                "course_id": course_id,
                "school_id": school_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
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
        title = d.pop("title")

        course_id = d.pop("course_id")

        school_id = d.pop("school_id")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

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

        class_write = cls(
            title=title,
            course_id=course_id,
            school_id=school_id,
            id=id,
            session_ids=session_ids,
            class_code=class_code,
            class_type=class_type,
            location=location,
            grades=grades,
            subjects=subjects,
        )

        return class_write
