from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastery_status import MasteryStatus, check_mastery_status

if TYPE_CHECKING:
    from ..models.band_read import BandRead
    from ..models.computed_read import ComputedRead
    from ..models.decision_read_method import DecisionReadMethod
    from ..models.level_read import LevelRead
    from ..models.override_read import OverrideRead


T = TypeVar("T", bound="DecisionRead")


@_attrs_define
class DecisionRead:
    """
    Attributes:
        student_id (str):
        competency_id (str):
        framework_id (str):
        status (MasteryStatus): Where a student stands on a competency.
        score (float | None):
        level (LevelRead | None):
        evidence_count (int):
        method (DecisionReadMethod): {"name", ...params}; rollups: {"name": "rollup"}
        override (None | OverrideRead):
        computed (ComputedRead | None): The engine's own, when overridden
        next_score_to_master (float | None):
        updated_at (datetime.datetime | None):
        band (BandRead | None): The performance band the shown score reads as (the level's name when the scale sets no
            bands); null without a score
    """

    student_id: str
    competency_id: str
    framework_id: str
    status: MasteryStatus
    score: float | None
    level: LevelRead | None
    evidence_count: int
    method: DecisionReadMethod
    override: None | OverrideRead
    computed: ComputedRead | None
    next_score_to_master: float | None
    updated_at: datetime.datetime | None
    band: BandRead | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.band_read import BandRead
        from ..models.computed_read import ComputedRead
        from ..models.level_read import LevelRead
        from ..models.override_read import OverrideRead

        student_id = self.student_id

        competency_id = self.competency_id

        framework_id = self.framework_id

        status: str = self.status

        score: float | None
        score = self.score

        level: dict[str, Any] | None
        if isinstance(self.level, LevelRead):
            level = self.level.to_dict()
        else:
            level = self.level

        evidence_count = self.evidence_count

        method = self.method.to_dict()

        override: dict[str, Any] | None
        if isinstance(self.override, OverrideRead):
            override = self.override.to_dict()
        else:
            override = self.override

        computed: dict[str, Any] | None
        if isinstance(self.computed, ComputedRead):
            computed = self.computed.to_dict()
        else:
            computed = self.computed

        next_score_to_master: float | None
        next_score_to_master = self.next_score_to_master

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        band: dict[str, Any] | None
        if isinstance(self.band, BandRead):
            band = self.band.to_dict()
        else:
            band = self.band

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "student_id": student_id,
                "competency_id": competency_id,
                "framework_id": framework_id,
                "status": status,
                "score": score,
                "level": level,
                "evidence_count": evidence_count,
                "method": method,
                "override": override,
                "computed": computed,
                "next_score_to_master": next_score_to_master,
                "updated_at": updated_at,
                "band": band,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.band_read import BandRead
        from ..models.computed_read import ComputedRead
        from ..models.decision_read_method import DecisionReadMethod
        from ..models.level_read import LevelRead
        from ..models.override_read import OverrideRead

        d = dict(src_dict)
        student_id = d.pop("student_id")

        competency_id = d.pop("competency_id")

        framework_id = d.pop("framework_id")

        status = check_mastery_status(d.pop("status"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

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

        evidence_count = d.pop("evidence_count")

        method = DecisionReadMethod.from_dict(d.pop("method"))

        def _parse_override(data: object) -> None | OverrideRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = OverrideRead.from_dict(data)

                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OverrideRead, data)

        override = _parse_override(d.pop("override"))

        def _parse_computed(data: object) -> ComputedRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                computed_type_0 = ComputedRead.from_dict(data)

                return computed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComputedRead | None, data)

        computed = _parse_computed(d.pop("computed"))

        def _parse_next_score_to_master(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        next_score_to_master = _parse_next_score_to_master(d.pop("next_score_to_master"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_band(data: object) -> BandRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                band_type_0 = BandRead.from_dict(data)

                return band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BandRead | None, data)

        band = _parse_band(d.pop("band"))

        decision_read = cls(
            student_id=student_id,
            competency_id=competency_id,
            framework_id=framework_id,
            status=status,
            score=score,
            level=level,
            evidence_count=evidence_count,
            method=method,
            override=override,
            computed=computed,
            next_score_to_master=next_score_to_master,
            updated_at=updated_at,
            band=band,
        )

        decision_read.additional_properties = d
        return decision_read

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
