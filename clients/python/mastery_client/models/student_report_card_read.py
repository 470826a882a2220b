from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_section_read import CardSectionRead
    from ..models.card_term_read import CardTermRead


T = TypeVar("T", bound="StudentReportCardRead")


@_attrs_define
class StudentReportCardRead:
    """
    Attributes:
        student_id (str):
        given_name (str):
        family_name (str):
        term (CardTermRead | None):
        issued_at (datetime.datetime):
        frozen_at (datetime.datetime | None): When the term was closed: the card shows its snapshot. Null: the live
            decisions (no term asked, or the term is still open).
        frameworks (list[CardSectionRead]):
    """

    student_id: str
    given_name: str
    family_name: str
    term: CardTermRead | None
    issued_at: datetime.datetime
    frozen_at: datetime.datetime | None
    frameworks: list[CardSectionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_term_read import CardTermRead

        student_id = self.student_id

        given_name = self.given_name

        family_name = self.family_name

        term: dict[str, Any] | None
        if isinstance(self.term, CardTermRead):
            term = self.term.to_dict()
        else:
            term = self.term

        issued_at = self.issued_at.isoformat()

        frozen_at: None | str
        if isinstance(self.frozen_at, datetime.datetime):
            frozen_at = self.frozen_at.isoformat()
        else:
            frozen_at = self.frozen_at

        frameworks = []
        for frameworks_item_data in self.frameworks:
            frameworks_item = frameworks_item_data.to_dict()
            frameworks.append(frameworks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "student_id": student_id,
                "given_name": given_name,
                "family_name": family_name,
                "term": term,
                "issued_at": issued_at,
                "frozen_at": frozen_at,
                "frameworks": frameworks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.card_section_read import CardSectionRead
        from ..models.card_term_read import CardTermRead

        d = dict(src_dict)
        student_id = d.pop("student_id")

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        def _parse_term(data: object) -> CardTermRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                term_type_0 = CardTermRead.from_dict(data)

                return term_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardTermRead | None, data)

        term = _parse_term(d.pop("term"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

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

        frameworks = []
        _frameworks = d.pop("frameworks")
        for frameworks_item_data in _frameworks:
            frameworks_item = CardSectionRead.from_dict(frameworks_item_data)

            frameworks.append(frameworks_item)

        student_report_card_read = cls(
            student_id=student_id,
            given_name=given_name,
            family_name=family_name,
            term=term,
            issued_at=issued_at,
            frozen_at=frozen_at,
            frameworks=frameworks,
        )

        student_report_card_read.additional_properties = d
        return student_report_card_read

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
