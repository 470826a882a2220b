from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.override_write_status_type_0 import (
    OverrideWriteStatusType0,
    check_override_write_status_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="OverrideWrite")


@_attrs_define
class OverrideWrite:
    """
    Attributes:
        reason (str):
        level (float | None | Unset): A level value of the scale
        status (None | OverrideWriteStatusType0 | Unset):
        expires_at (datetime.datetime | None | Unset):
    """

    reason: str
    level: float | None | Unset = UNSET
    status: None | OverrideWriteStatusType0 | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        level: float | None | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if level is not UNSET:
            field_dict["level"] = level
        if status is not UNSET:
            field_dict["status"] = status
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_level(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        def _parse_status(data: object) -> None | OverrideWriteStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_override_write_status_type_0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverrideWriteStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        override_write = cls(
            reason=reason,
            level=level,
            status=status,
            expires_at=expires_at,
        )

        return override_write
