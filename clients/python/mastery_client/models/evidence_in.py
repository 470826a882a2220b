from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evidence_kind import EvidenceKind, check_evidence_kind
from ..models.mark import Mark, check_mark
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceIn")


@_attrs_define
class EvidenceIn:
    """
    Attributes:
        student_id (str):
        competency_id (str):
        observed_at (datetime.datetime): ISO 8601 with a time zone
        source_id (str):
        score (float | None | Unset): Required unless the result has a `mark`
        max_score (float | None | Unset):
        source (None | str | Unset): Default: your client id
        kind (EvidenceKind | Unset): Summative results count by default; formative ones only when the policy says so.
        comment (None | str | Unset):
        category (None | str | Unset): One of the framework's evidence categories (required when it has categories): the
            means weigh each category's mean by the category's weight
        weight (float | None | Unset): The result's weight within its category (above 0; default 1), for the means
        mark (Mark | None | Unset): missing (counts as the framework's missing_level, by default its lowest level),
            exempt (not counted) or incomplete (pending: listed, not counted); a marked result may leave out its score
    """

    student_id: str
    competency_id: str
    observed_at: datetime.datetime
    source_id: str
    score: float | None | Unset = UNSET
    max_score: float | None | Unset = UNSET
    source: None | str | Unset = UNSET
    kind: EvidenceKind | Unset = UNSET
    comment: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    weight: float | None | Unset = UNSET
    mark: Mark | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        student_id = self.student_id

        competency_id = self.competency_id

        observed_at = self.observed_at.isoformat()

        source_id = self.source_id

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        max_score: float | None | Unset
        if isinstance(self.max_score, Unset):
            max_score = UNSET
        else:
            max_score = self.max_score

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        weight: float | None | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        mark: None | str | Unset
        if isinstance(self.mark, Unset):
            mark = UNSET
        elif isinstance(self.mark, str):
            mark = self.mark
        else:
            mark = self.mark

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "student_id": student_id,
                "competency_id": competency_id,
                "observed_at": observed_at,
                "source_id": source_id,
            }
        )
        if score is not UNSET:
            field_dict["score"] = score
        if max_score is not UNSET:
            field_dict["max_score"] = max_score
        if source is not UNSET:
            field_dict["source"] = source
        if kind is not UNSET:
            field_dict["kind"] = kind
        if comment is not UNSET:
            field_dict["comment"] = comment
        if category is not UNSET:
            field_dict["category"] = category
        if weight is not UNSET:
            field_dict["weight"] = weight
        if mark is not UNSET:
            field_dict["mark"] = mark

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        student_id = d.pop("student_id")

        competency_id = d.pop("competency_id")

        observed_at = datetime.datetime.fromisoformat(d.pop("observed_at"))

        source_id = d.pop("source_id")

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_max_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_score = _parse_max_score(d.pop("max_score", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: EvidenceKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_evidence_kind(_kind)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        def _parse_mark(data: object) -> Mark | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mark_type_0 = check_mark(data)

                return mark_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Mark | None | Unset, data)

        mark = _parse_mark(d.pop("mark", UNSET))

        evidence_in = cls(
            student_id=student_id,
            competency_id=competency_id,
            observed_at=observed_at,
            source_id=source_id,
            score=score,
            max_score=max_score,
            source=source,
            kind=kind,
            comment=comment,
            category=category,
            weight=weight,
            mark=mark,
        )

        return evidence_in
