from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.report_card_read import ReportCardRead


T = TypeVar("T", bound="ReportCardsRead")


@_attrs_define
class ReportCardsRead:
    """
    Attributes:
        session_id (str):
        framework_id (str):
        frozen_at (datetime.datetime | None): When the term's snapshot was frozen; null while the term is open (the
            cards then read the live decisions and may still change)
        cards (list[ReportCardRead]):
    """

    session_id: str
    framework_id: str
    frozen_at: datetime.datetime | None
    cards: list[ReportCardRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        framework_id = self.framework_id

        frozen_at: None | str
        if isinstance(self.frozen_at, datetime.datetime):
            frozen_at = self.frozen_at.isoformat()
        else:
            frozen_at = self.frozen_at

        cards = []
        for cards_item_data in self.cards:
            cards_item = cards_item_data.to_dict()
            cards.append(cards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "framework_id": framework_id,
                "frozen_at": frozen_at,
                "cards": cards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_card_read import ReportCardRead

        d = dict(src_dict)
        session_id = d.pop("session_id")

        framework_id = d.pop("framework_id")

        def _parse_frozen_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                frozen_at_type_0 = datetime.datetime.fromisoformat(data)

                return frozen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        frozen_at = _parse_frozen_at(d.pop("frozen_at"))

        cards = []
        _cards = d.pop("cards")
        for cards_item_data in _cards:
            cards_item = ReportCardRead.from_dict(cards_item_data)

            cards.append(cards_item)

        report_cards_read = cls(
            session_id=session_id,
            framework_id=framework_id,
            frozen_at=frozen_at,
            cards=cards,
        )

        report_cards_read.additional_properties = d
        return report_cards_read

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
