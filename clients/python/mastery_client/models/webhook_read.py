from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus, check_subscription_status

if TYPE_CHECKING:
    from ..models.webhook_read_filters import WebhookReadFilters


T = TypeVar("T", bound="WebhookRead")


@_attrs_define
class WebhookRead:
    """
    Attributes:
        id (str):
        url (str):
        description (None | str):
        event_types (list[str]):
        filters (WebhookReadFilters):
        status (SubscriptionStatus):
        created_at (datetime.datetime):
        position (str): The feed cursor delivered so far.
        failures (int): Failed tries since the last success.
        next_attempt_at (datetime.datetime | None):
        disabled_at (datetime.datetime | None):
    """

    id: str
    url: str
    description: None | str
    event_types: list[str]
    filters: WebhookReadFilters
    status: SubscriptionStatus
    created_at: datetime.datetime
    position: str
    failures: int
    next_attempt_at: datetime.datetime | None
    disabled_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        description: None | str
        description = self.description

        event_types = self.event_types

        filters = self.filters.to_dict()

        status: str = self.status

        created_at = self.created_at.isoformat()

        position = self.position

        failures = self.failures

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "description": description,
                "event_types": event_types,
                "filters": filters,
                "status": status,
                "created_at": created_at,
                "position": position,
                "failures": failures,
                "next_attempt_at": next_attempt_at,
                "disabled_at": disabled_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.webhook_read_filters import WebhookReadFilters

        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        event_types = cast(list[str], d.pop("event_types"))

        filters = WebhookReadFilters.from_dict(d.pop("filters"))

        status = check_subscription_status(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        position = d.pop("position")

        failures = d.pop("failures")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        webhook_read = cls(
            id=id,
            url=url,
            description=description,
            event_types=event_types,
            filters=filters,
            status=status,
            created_at=created_at,
            position=position,
            failures=failures,
            next_attempt_at=next_attempt_at,
            disabled_at=disabled_at,
        )

        webhook_read.additional_properties = d
        return webhook_read

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
