from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastery_status import MasteryStatus, check_mastery_status

if TYPE_CHECKING:
    from ..models.level_read import LevelRead


T = TypeVar("T", bound="OverrideRead")


@_attrs_define
class OverrideRead:
    """
    Attributes:
        level (LevelRead | None):
        status (MasteryStatus | None):
        reason (str):
        expires_at (datetime.datetime | None):
        set_at (datetime.datetime):
        set_by (str):
    """

    level: LevelRead | None
    status: MasteryStatus | None
    reason: str
    expires_at: datetime.datetime | None
    set_at: datetime.datetime
    set_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.level_read import LevelRead

        level: dict[str, Any] | None
        if isinstance(self.level, LevelRead):
            level = self.level.to_dict()
        else:
            level = self.level

        status: None | str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        reason = self.reason

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        set_at = self.set_at.isoformat()

        set_by = self.set_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "level": level,
                "status": status,
                "reason": reason,
                "expires_at": expires_at,
                "set_at": set_at,
                "set_by": set_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.level_read import LevelRead

        d = dict(src_dict)

        def _parse_level(data: object) -> LevelRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                level_type_0 = LevelRead.from_dict(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelRead | None, data)

        level = _parse_level(d.pop("level"))

        def _parse_status(data: object) -> MasteryStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_mastery_status(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MasteryStatus | None, data)

        status = _parse_status(d.pop("status"))

        reason = d.pop("reason")

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        set_at = datetime.datetime.fromisoformat(d.pop("set_at"))

        set_by = d.pop("set_by")

        override_read = cls(
            level=level,
            status=status,
            reason=reason,
            expires_at=expires_at,
            set_at=set_at,
            set_by=set_by,
        )

        override_read.additional_properties = d
        return override_read

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
