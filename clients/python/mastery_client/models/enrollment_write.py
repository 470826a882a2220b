from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.enrollment_role import EnrollmentRole, check_enrollment_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentWrite")


@_attrs_define
class EnrollmentWrite:
    """
    Attributes:
        class_id (str):
        user_id (str):
        role (EnrollmentRole):
        id (None | str | Unset): Optional; when given it must equal the id in the path.
        primary (bool | Unset):  Default: False.
        begin_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset):
    """

    class_id: str
    user_id: str
    role: EnrollmentRole
    id: None | str | Unset = UNSET
    primary: bool | Unset = False
    begin_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        class_id = self.class_id

        user_id = self.user_id

        role: str = self.role

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        primary = self.primary

        begin_date: None | str | Unset
        if isinstance(self.begin_date, Unset):
            begin_date = UNSET
        elif isinstance(self.begin_date, datetime.date):
            begin_date = self.begin_date.isoformat()
        else:
            begin_date = self.begin_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "class_id": class_id,
                "user_id": user_id,
                "role": role,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if primary is not UNSET:
            field_dict["primary"] = primary
        if begin_date is not UNSET:
            field_dict["begin_date"] = begin_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        class_id = d.pop("class_id")

        user_id = d.pop("user_id")

        role = check_enrollment_role(d.pop("role"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        primary = d.pop("primary", UNSET)

        def _parse_begin_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                begin_date_type_0 = datetime.date.fromisoformat(data)

                return begin_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        begin_date = _parse_begin_date(d.pop("begin_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        enrollment_write = cls(
            class_id=class_id,
            user_id=user_id,
            role=role,
            id=id,
            primary=primary,
            begin_date=begin_date,
            end_date=end_date,
        )

        return enrollment_write
