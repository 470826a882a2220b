from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.not_on_track_read import NotOnTrackRead


T = TypeVar("T", bound="ClassForecastRead")


@_attrs_define
class ClassForecastRead:
    """
    Attributes:
        class_id (str):
        framework_id (str):
        by (datetime.date): The date the students are to master by
        session_id (None | str): The term whose end `by` is, when not given
        students (int): How many students the class has
        not_on_track (list[NotOnTrackRead]): Per student and competency not yet mastered: no date, or one after `by`
    """

    class_id: str
    framework_id: str
    by: datetime.date
    session_id: None | str
    students: int
    not_on_track: list[NotOnTrackRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        class_id = self.class_id

        framework_id = self.framework_id

        by = self.by.isoformat()

        session_id: None | str
        session_id = self.session_id

        students = self.students

        not_on_track = []
        for not_on_track_item_data in self.not_on_track:
            not_on_track_item = not_on_track_item_data.to_dict()
            not_on_track.append(not_on_track_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "class_id": class_id,
                "framework_id": framework_id,
                "by": by,
                "session_id": session_id,
                "students": students,
                "not_on_track": not_on_track,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.not_on_track_read import NotOnTrackRead

        d = dict(src_dict)
        class_id = d.pop("class_id")

        framework_id = d.pop("framework_id")

        by = datetime.date.fromisoformat(d.pop("by"))

        def _parse_session_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_id = _parse_session_id(d.pop("session_id"))

        students = d.pop("students")

        not_on_track = []
        _not_on_track = d.pop("not_on_track")
        for not_on_track_item_data in _not_on_track:
            not_on_track_item = NotOnTrackRead.from_dict(not_on_track_item_data)

            not_on_track.append(not_on_track_item)

        class_forecast_read = cls(
            class_id=class_id,
            framework_id=framework_id,
            by=by,
            session_id=session_id,
            students=students,
            not_on_track=not_on_track,
        )

        class_forecast_read.additional_properties = d
        return class_forecast_read

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
