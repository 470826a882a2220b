from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.session_type import SessionType, check_session_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="AcademicSessionWrite")


@_attrs_define
class AcademicSessionWrite:
    """
    Attributes:
        title (str):
        type_ (SessionType):
        start_date (datetime.date):
        end_date (datetime.date):
        id (None | str | Unset): Optional; when given it must equal the id in the path.
        parent_id (None | str | Unset):
        school_year (None | str | Unset):
    """

    title: str
    type_: SessionType
    start_date: datetime.date
    end_date: datetime.date
    id: None | str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    school_year: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        type_: str = self.type_

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        school_year: None | str | Unset
        if isinstance(self.school_year, Unset):
            school_year = UNSET
        else:
            school_year = self.school_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "type": type_,
                "start_date": start_date,
                "end_date": end_date,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if school_year is not UNSET:
            field_dict["school_year"] = school_year

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title")

        type_ = check_session_type(d.pop("type"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_school_year(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        school_year = _parse_school_year(d.pop("school_year", UNSET))

        academic_session_write = cls(
            title=title,
            type_=type_,
            start_date=start_date,
            end_date=end_date,
            id=id,
            parent_id=parent_id,
            school_year=school_year,
        )

        return academic_session_write
