from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastery_status import MasteryStatus, check_mastery_status
from ..models.override_state import OverrideState, check_override_state

if TYPE_CHECKING:
    from ..models.level_read import LevelRead


T = TypeVar("T", bound="OverrideListItem")


@_attrs_define
class OverrideListItem:
    """One override in the district's list: whose decision, and in which framework.

    Attributes:
        level (LevelRead | None):
        status (MasteryStatus | None):
        reason (str):
        expires_at (datetime.datetime | None):
        set_at (datetime.datetime):
        set_by (str):
        state (OverrideState): Where an override stands: in force, removed by a teacher (or another override), expired.
        cleared_at (datetime.datetime | None): When it was removed, if it was
        cleared_by (None | str): Who removed it (or set the one replacing it)
        replaced_status (MasteryStatus | None): The engine's status when it was set: what the teacher replaced
        replaced_score (float | None): The engine's score when it was set
        student_id (str):
        competency_id (str):
        framework_id (str):
    """

    level: LevelRead | None
    status: MasteryStatus | None
    reason: str
    expires_at: datetime.datetime | None
    set_at: datetime.datetime
    set_by: str
    state: OverrideState
    cleared_at: datetime.datetime | None
    cleared_by: None | str
    replaced_status: MasteryStatus | None
    replaced_score: float | None
    student_id: str
    competency_id: str
    framework_id: str
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

        state: str = self.state

        cleared_at: None | str
        if isinstance(self.cleared_at, datetime.datetime):
            cleared_at = self.cleared_at.isoformat()
        else:
            cleared_at = self.cleared_at

        cleared_by: None | str
        cleared_by = self.cleared_by

        replaced_status: None | str
        if isinstance(self.replaced_status, str):
            replaced_status = self.replaced_status
        else:
            replaced_status = self.replaced_status

        replaced_score: float | None
        replaced_score = self.replaced_score

        student_id = self.student_id

        competency_id = self.competency_id

        framework_id = self.framework_id

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
                "state": state,
                "cleared_at": cleared_at,
                "cleared_by": cleared_by,
                "replaced_status": replaced_status,
                "replaced_score": replaced_score,
                "student_id": student_id,
                "competency_id": competency_id,
                "framework_id": framework_id,
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

        state = check_override_state(d.pop("state"))

        def _parse_cleared_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cleared_at_type_0 = datetime.datetime.fromisoformat(data)

                return cleared_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cleared_at = _parse_cleared_at(d.pop("cleared_at"))

        def _parse_cleared_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cleared_by = _parse_cleared_by(d.pop("cleared_by"))

        def _parse_replaced_status(data: object) -> MasteryStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaced_status_type_0 = check_mastery_status(data)

                return replaced_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MasteryStatus | None, data)

        replaced_status = _parse_replaced_status(d.pop("replaced_status"))

        def _parse_replaced_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        replaced_score = _parse_replaced_score(d.pop("replaced_score"))

        student_id = d.pop("student_id")

        competency_id = d.pop("competency_id")

        framework_id = d.pop("framework_id")

        override_list_item = cls(
            level=level,
            status=status,
            reason=reason,
            expires_at=expires_at,
            set_at=set_at,
            set_by=set_by,
            state=state,
            cleared_at=cleared_at,
            cleared_by=cleared_by,
            replaced_status=replaced_status,
            replaced_score=replaced_score,
            student_id=student_id,
            competency_id=competency_id,
            framework_id=framework_id,
        )

        override_list_item.additional_properties = d
        return override_list_item

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
