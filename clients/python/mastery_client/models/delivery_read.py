from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeliveryRead")


@_attrs_define
class DeliveryRead:
    """
    Attributes:
        id (int):
        message_id (str): The message's `webhook-id`.
        event_ids (list[int]):
        attempt (int):
        status_code (int | None):
        outcome (str): `delivered` or `failed`.
        error (None | str):
        duration_ms (int):
        at (datetime.datetime):
    """

    id: int
    message_id: str
    event_ids: list[int]
    attempt: int
    status_code: int | None
    outcome: str
    error: None | str
    duration_ms: int
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        message_id = self.message_id

        event_ids = self.event_ids

        attempt = self.attempt

        status_code: int | None
        status_code = self.status_code

        outcome = self.outcome

        error: None | str
        error = self.error

        duration_ms = self.duration_ms

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "message_id": message_id,
                "event_ids": event_ids,
                "attempt": attempt,
                "status_code": status_code,
                "outcome": outcome,
                "error": error,
                "duration_ms": duration_ms,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        message_id = d.pop("message_id")

        event_ids = cast(list[int], d.pop("event_ids"))

        attempt = d.pop("attempt")

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        outcome = d.pop("outcome")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        duration_ms = d.pop("duration_ms")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        delivery_read = cls(
            id=id,
            message_id=message_id,
            event_ids=event_ids,
            attempt=attempt,
            status_code=status_code,
            outcome=outcome,
            error=error,
            duration_ms=duration_ms,
            at=at,
        )

        delivery_read.additional_properties = d
        return delivery_read

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
