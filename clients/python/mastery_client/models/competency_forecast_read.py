from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastery_status import MasteryStatus, check_mastery_status
from ..models.no_forecast import NoForecast, check_no_forecast

T = TypeVar("T", bound="CompetencyForecastRead")


@_attrs_define
class CompetencyForecastRead:
    """
    Attributes:
        competency_id (str):
        code (str):
        status (MasteryStatus): Where a student stands on a competency.
        expected_mastery_at (datetime.date | None): The day the trend of the counted results reaches the mastery
            threshold; null when there is not enough evidence to claim one (see `reason`)
        earliest (datetime.date | None): The 80 % interval's earlier end
        latest (datetime.date | None): The 80 % interval's later end
        reason (NoForecast | None): Why no date is given (null with a date)
        reason_text (None | str): The reason in words
        results (int): How many counted results the trend was fitted to
        slope_per_week (float | None): The trend's rise in scale points a week
    """

    competency_id: str
    code: str
    status: MasteryStatus
    expected_mastery_at: datetime.date | None
    earliest: datetime.date | None
    latest: datetime.date | None
    reason: NoForecast | None
    reason_text: None | str
    results: int
    slope_per_week: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competency_id = self.competency_id

        code = self.code

        status: str = self.status

        expected_mastery_at: None | str
        if isinstance(self.expected_mastery_at, datetime.date):
            expected_mastery_at = self.expected_mastery_at.isoformat()
        else:
            expected_mastery_at = self.expected_mastery_at

        earliest: None | str
        if isinstance(self.earliest, datetime.date):
            earliest = self.earliest.isoformat()
        else:
            earliest = self.earliest

        latest: None | str
        if isinstance(self.latest, datetime.date):
            latest = self.latest.isoformat()
        else:
            latest = self.latest

        reason: None | str
        if isinstance(self.reason, str):
            reason = self.reason
        else:
            reason = self.reason

        reason_text: None | str
        reason_text = self.reason_text

        results = self.results

        slope_per_week: float | None
        slope_per_week = self.slope_per_week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competency_id": competency_id,
                "code": code,
                "status": status,
                "expected_mastery_at": expected_mastery_at,
                "earliest": earliest,
                "latest": latest,
                "reason": reason,
                "reason_text": reason_text,
                "results": results,
                "slope_per_week": slope_per_week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        competency_id = d.pop("competency_id")

        code = d.pop("code")

        status = check_mastery_status(d.pop("status"))

        def _parse_expected_mastery_at(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_mastery_at_type_0 = datetime.date.fromisoformat(data)

                return expected_mastery_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_mastery_at = _parse_expected_mastery_at(d.pop("expected_mastery_at"))

        def _parse_earliest(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                earliest_type_0 = datetime.date.fromisoformat(data)

                return earliest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        earliest = _parse_earliest(d.pop("earliest"))

        def _parse_latest(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_type_0 = datetime.date.fromisoformat(data)

                return latest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        latest = _parse_latest(d.pop("latest"))

        def _parse_reason(data: object) -> NoForecast | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_0 = check_no_forecast(data)

                return reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NoForecast | None, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_reason_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_text = _parse_reason_text(d.pop("reason_text"))

        results = d.pop("results")

        def _parse_slope_per_week(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        slope_per_week = _parse_slope_per_week(d.pop("slope_per_week"))

        competency_forecast_read = cls(
            competency_id=competency_id,
            code=code,
            status=status,
            expected_mastery_at=expected_mastery_at,
            earliest=earliest,
            latest=latest,
            reason=reason,
            reason_text=reason_text,
            results=results,
            slope_per_week=slope_per_week,
        )

        competency_forecast_read.additional_properties = d
        return competency_forecast_read

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
