from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_status import RecordStatus, check_record_status
from ..models.session_type import SessionType, check_session_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="AcademicSessionRead")


@_attrs_define
class AcademicSessionRead:
    """
    Attributes:
        id (str): The district's sourcedId.
        status (RecordStatus): OneRoster's record status: `tobedeleted` records are kept for history, hidden from reads.
        updated_at (datetime.datetime):
        title (str):
        type_ (SessionType):
        start_date (datetime.date):
        end_date (datetime.date):
        parent_id (None | str | Unset):
        school_year (None | str | Unset):
    """

    id: str
    status: RecordStatus
    updated_at: datetime.datetime
    title: str
    type_: SessionType
    start_date: datetime.date
    end_date: datetime.date
    parent_id: None | str | Unset = UNSET
    school_year: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        title = self.title

        type_: str = self.type_

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "updated_at": updated_at,
                "title": title,
                "type": type_,
                "start_date": start_date,
                "end_date": end_date,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if school_year is not UNSET:
            field_dict["school_year"] = school_year

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_record_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        title = d.pop("title")

        type_ = check_session_type(d.pop("type"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

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

        academic_session_read = cls(
            id=id,
            status=status,
            updated_at=updated_at,
            title=title,
            type_=type_,
            start_date=start_date,
            end_date=end_date,
            parent_id=parent_id,
            school_year=school_year,
        )

        academic_session_read.additional_properties = d
        return academic_session_read

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
