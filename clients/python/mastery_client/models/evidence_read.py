from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_kind import EvidenceKind, check_evidence_kind
from ..models.mark import Mark, check_mark

T = TypeVar("T", bound="EvidenceRead")


@_attrs_define
class EvidenceRead:
    """
    Attributes:
        id (str):
        student_id (str):
        competency_id (str):
        score (float):
        max_score (float | None):
        observed_at (datetime.datetime):
        source (str):
        source_id (str):
        kind (EvidenceKind): Summative results count by default; formative ones only when the policy says so.
        comment (None | str):
        voided_at (datetime.datetime | None):
        category (None | str): One of the framework's evidence categories (required when it has categories): the means
            weigh each category's mean by the category's weight
        weight (float | None): The result's weight within its category (above 0; default 1), for the means
        mark (Mark | None): missing (counts as the framework's missing_level, by default its lowest level), exempt (not
            counted) or incomplete (pending: listed, not counted); a marked result may leave out its score
    """

    id: str
    student_id: str
    competency_id: str
    score: float
    max_score: float | None
    observed_at: datetime.datetime
    source: str
    source_id: str
    kind: EvidenceKind
    comment: None | str
    voided_at: datetime.datetime | None
    category: None | str
    weight: float | None
    mark: Mark | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        student_id = self.student_id

        competency_id = self.competency_id

        score = self.score

        max_score: float | None
        max_score = self.max_score

        observed_at = self.observed_at.isoformat()

        source = self.source

        source_id = self.source_id

        kind: str = self.kind

        comment: None | str
        comment = self.comment

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        category: None | str
        category = self.category

        weight: float | None
        weight = self.weight

        mark: None | str
        if isinstance(self.mark, str):
            mark = self.mark
        else:
            mark = self.mark

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "student_id": student_id,
                "competency_id": competency_id,
                "score": score,
                "max_score": max_score,
                "observed_at": observed_at,
                "source": source,
                "source_id": source_id,
                "kind": kind,
                "comment": comment,
                "voided_at": voided_at,
                "category": category,
                "weight": weight,
                "mark": mark,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        student_id = d.pop("student_id")

        competency_id = d.pop("competency_id")

        score = d.pop("score")

        def _parse_max_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_score = _parse_max_score(d.pop("max_score"))

        observed_at = datetime.datetime.fromisoformat(d.pop("observed_at"))

        source = d.pop("source")

        source_id = d.pop("source_id")

        kind = check_evidence_kind(d.pop("kind"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        def _parse_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        voided_at = _parse_voided_at(d.pop("voided_at"))

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        def _parse_weight(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        weight = _parse_weight(d.pop("weight"))

        def _parse_mark(data: object) -> Mark | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mark_type_0 = check_mark(data)

                return mark_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Mark | None, data)

        mark = _parse_mark(d.pop("mark"))

        evidence_read = cls(
            id=id,
            student_id=student_id,
            competency_id=competency_id,
            score=score,
            max_score=max_score,
            observed_at=observed_at,
            source=source,
            source_id=source_id,
            kind=kind,
            comment=comment,
            voided_at=voided_at,
            category=category,
            weight=weight,
            mark=mark,
        )

        evidence_read.additional_properties = d
        return evidence_read

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
