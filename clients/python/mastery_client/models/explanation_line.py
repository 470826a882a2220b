from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_kind import EvidenceKind, check_evidence_kind
from ..models.mark import Mark, check_mark
from ..models.not_counted import NotCounted, check_not_counted
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExplanationLine")


@_attrs_define
class ExplanationLine:
    """
    Attributes:
        id (str):
        score (float):
        max_score (float | None):
        normalized_score (float):
        observed_at (datetime.datetime):
        kind (EvidenceKind): Summative results count by default; formative ones only when the policy says so.
        counted (bool):
        not_counted_because (None | NotCounted):
        weight (float | None): The result's share of the score (category weight share x its own weight, normalised);
            null for methods whose score is not a weighted sum
        category (None | str):
        mark (Mark | None):
        crosswalk (None | str | Unset): For a result counted from another framework's exact match (exactMatchOf): where
            it comes from, e.g. 'counted from 5.NF.1 (Grade 5 Mathematics) via exactMatchOf'
    """

    id: str
    score: float
    max_score: float | None
    normalized_score: float
    observed_at: datetime.datetime
    kind: EvidenceKind
    counted: bool
    not_counted_because: None | NotCounted
    weight: float | None
    category: None | str
    mark: Mark | None
    crosswalk: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        score = self.score

        max_score: float | None
        max_score = self.max_score

        normalized_score = self.normalized_score

        observed_at = self.observed_at.isoformat()

        kind: str = self.kind

        counted = self.counted

        not_counted_because: None | str
        if isinstance(self.not_counted_because, str):
            not_counted_because = self.not_counted_because
        else:
            not_counted_because = self.not_counted_because

        weight: float | None
        weight = self.weight

        category: None | str
        category = self.category

        mark: None | str
        if isinstance(self.mark, str):
            mark = self.mark
        else:
            mark = self.mark

        crosswalk: None | str | Unset
        if isinstance(self.crosswalk, Unset):
            crosswalk = UNSET
        else:
            crosswalk = self.crosswalk

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "score": score,
                "max_score": max_score,
                "normalized_score": normalized_score,
                "observed_at": observed_at,
                "kind": kind,
                "counted": counted,
                "not_counted_because": not_counted_because,
                "weight": weight,
                "category": category,
                "mark": mark,
            }
        )
        if crosswalk is not UNSET:
            field_dict["crosswalk"] = crosswalk

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        score = d.pop("score")

        def _parse_max_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_score = _parse_max_score(d.pop("max_score"))

        normalized_score = d.pop("normalized_score")

        observed_at = datetime.datetime.fromisoformat(d.pop("observed_at"))

        kind = check_evidence_kind(d.pop("kind"))

        counted = d.pop("counted")

        def _parse_not_counted_because(data: object) -> None | NotCounted:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                not_counted_because_type_0 = check_not_counted(data)

                return not_counted_because_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotCounted, data)

        not_counted_because = _parse_not_counted_because(d.pop("not_counted_because"))

        def _parse_weight(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        weight = _parse_weight(d.pop("weight"))

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

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

        def _parse_crosswalk(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        crosswalk = _parse_crosswalk(d.pop("crosswalk", UNSET))

        explanation_line = cls(
            id=id,
            score=score,
            max_score=max_score,
            normalized_score=normalized_score,
            observed_at=observed_at,
            kind=kind,
            counted=counted,
            not_counted_because=not_counted_because,
            weight=weight,
            category=category,
            mark=mark,
            crosswalk=crosswalk,
        )

        explanation_line.additional_properties = d
        return explanation_line

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
