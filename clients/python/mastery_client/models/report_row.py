from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportRow")


@_attrs_define
class ReportRow:
    """One group: its key (the dimensions grouped by; the others null), then its counts.

    Attributes:
        students (int | None):
        decisions (int | None):
        mastered (int | None):
        not_yet (int | None):
        insufficient_evidence (int | None):
        no_evidence (int | None):
        percent_mastered (float | None): Given only when the published counts pin it within 10 points
        percent_mastered_low (int | None):
        percent_mastered_high (int | None):
        suppressed (bool):
        period_start (datetime.datetime | None | Unset): Trends only
        period_end (datetime.datetime | None | Unset): Trends only: the figures stand as they were just before
        school_id (None | str | Unset):
        class_id (None | str | Unset):
        grade (None | str | Unset):
        competency_id (None | str | Unset):
        sex (None | str | Unset):
        race_ethnicity (None | str | Unset):
        english_learner (bool | None | Unset):
        special_education (bool | None | Unset):
        economically_disadvantaged (bool | None | Unset):
    """

    students: int | None
    decisions: int | None
    mastered: int | None
    not_yet: int | None
    insufficient_evidence: int | None
    no_evidence: int | None
    percent_mastered: float | None
    percent_mastered_low: int | None
    percent_mastered_high: int | None
    suppressed: bool
    period_start: datetime.datetime | None | Unset = UNSET
    period_end: datetime.datetime | None | Unset = UNSET
    school_id: None | str | Unset = UNSET
    class_id: None | str | Unset = UNSET
    grade: None | str | Unset = UNSET
    competency_id: None | str | Unset = UNSET
    sex: None | str | Unset = UNSET
    race_ethnicity: None | str | Unset = UNSET
    english_learner: bool | None | Unset = UNSET
    special_education: bool | None | Unset = UNSET
    economically_disadvantaged: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        students: int | None
        students = self.students

        decisions: int | None
        decisions = self.decisions

        mastered: int | None
        mastered = self.mastered

        not_yet: int | None
        not_yet = self.not_yet

        insufficient_evidence: int | None
        insufficient_evidence = self.insufficient_evidence

        no_evidence: int | None
        no_evidence = self.no_evidence

        percent_mastered: float | None
        percent_mastered = self.percent_mastered

        percent_mastered_low: int | None
        percent_mastered_low = self.percent_mastered_low

        percent_mastered_high: int | None
        percent_mastered_high = self.percent_mastered_high

        suppressed = self.suppressed

        period_start: None | str | Unset
        if isinstance(self.period_start, Unset):
            period_start = UNSET
        elif isinstance(self.period_start, datetime.datetime):
            period_start = self.period_start.isoformat()
        else:
            period_start = self.period_start

        period_end: None | str | Unset
        if isinstance(self.period_end, Unset):
            period_end = UNSET
        elif isinstance(self.period_end, datetime.datetime):
            period_end = self.period_end.isoformat()
        else:
            period_end = self.period_end

        school_id: None | str | Unset
        if isinstance(self.school_id, Unset):
            school_id = UNSET
        else:
            school_id = self.school_id

        class_id: None | str | Unset
        if isinstance(self.class_id, Unset):
            class_id = UNSET
        else:
            class_id = self.class_id

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        competency_id: None | str | Unset
        if isinstance(self.competency_id, Unset):
            competency_id = UNSET
        else:
            competency_id = self.competency_id

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        else:
            sex = self.sex

        race_ethnicity: None | str | Unset
        if isinstance(self.race_ethnicity, Unset):
            race_ethnicity = UNSET
        else:
            race_ethnicity = self.race_ethnicity

        english_learner: bool | None | Unset
        if isinstance(self.english_learner, Unset):
            english_learner = UNSET
        else:
            english_learner = self.english_learner

        special_education: bool | None | Unset
        if isinstance(self.special_education, Unset):
            special_education = UNSET
        else:
            special_education = self.special_education

        economically_disadvantaged: bool | None | Unset
        if isinstance(self.economically_disadvantaged, Unset):
            economically_disadvantaged = UNSET
        else:
            economically_disadvantaged = self.economically_disadvantaged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "students": students,
                "decisions": decisions,
                "mastered": mastered,
                "not_yet": not_yet,
                "insufficient_evidence": insufficient_evidence,
                "no_evidence": no_evidence,
                "percent_mastered": percent_mastered,
                "percent_mastered_low": percent_mastered_low,
                "percent_mastered_high": percent_mastered_high,
                "suppressed": suppressed,
            }
        )
        if period_start is not UNSET:
            field_dict["period_start"] = period_start
        if period_end is not UNSET:
            field_dict["period_end"] = period_end
        if school_id is not UNSET:
            field_dict["school_id"] = school_id
        if class_id is not UNSET:
            field_dict["class_id"] = class_id
        if grade is not UNSET:
            field_dict["grade"] = grade
        if competency_id is not UNSET:
            field_dict["competency_id"] = competency_id
        if sex is not UNSET:
            field_dict["sex"] = sex
        if race_ethnicity is not UNSET:
            field_dict["race_ethnicity"] = race_ethnicity
        if english_learner is not UNSET:
            field_dict["english_learner"] = english_learner
        if special_education is not UNSET:
            field_dict["special_education"] = special_education
        if economically_disadvantaged is not UNSET:
            field_dict["economically_disadvantaged"] = economically_disadvantaged

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_students(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        students = _parse_students(d.pop("students"))

        def _parse_decisions(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decisions = _parse_decisions(d.pop("decisions"))

        def _parse_mastered(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        mastered = _parse_mastered(d.pop("mastered"))

        def _parse_not_yet(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        not_yet = _parse_not_yet(d.pop("not_yet"))

        def _parse_insufficient_evidence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        insufficient_evidence = _parse_insufficient_evidence(d.pop("insufficient_evidence"))

        def _parse_no_evidence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        no_evidence = _parse_no_evidence(d.pop("no_evidence"))

        def _parse_percent_mastered(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent_mastered = _parse_percent_mastered(d.pop("percent_mastered"))

        def _parse_percent_mastered_low(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        percent_mastered_low = _parse_percent_mastered_low(d.pop("percent_mastered_low"))

        def _parse_percent_mastered_high(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        percent_mastered_high = _parse_percent_mastered_high(d.pop("percent_mastered_high"))

        suppressed = d.pop("suppressed")

        def _parse_period_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_start_type_0 = datetime.datetime.fromisoformat(data)

                return period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        period_start = _parse_period_start(d.pop("period_start", UNSET))

        def _parse_period_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_end_type_0 = datetime.datetime.fromisoformat(data)

                return period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        period_end = _parse_period_end(d.pop("period_end", UNSET))

        def _parse_school_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        school_id = _parse_school_id(d.pop("school_id", UNSET))

        def _parse_class_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        class_id = _parse_class_id(d.pop("class_id", UNSET))

        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_competency_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        competency_id = _parse_competency_id(d.pop("competency_id", UNSET))

        def _parse_sex(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_race_ethnicity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        race_ethnicity = _parse_race_ethnicity(d.pop("race_ethnicity", UNSET))

        def _parse_english_learner(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        english_learner = _parse_english_learner(d.pop("english_learner", UNSET))

        def _parse_special_education(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        special_education = _parse_special_education(d.pop("special_education", UNSET))

        def _parse_economically_disadvantaged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        economically_disadvantaged = _parse_economically_disadvantaged(
            d.pop("economically_disadvantaged", UNSET)
        )

        report_row = cls(
            students=students,
            decisions=decisions,
            mastered=mastered,
            not_yet=not_yet,
            insufficient_evidence=insufficient_evidence,
            no_evidence=no_evidence,
            percent_mastered=percent_mastered,
            percent_mastered_low=percent_mastered_low,
            percent_mastered_high=percent_mastered_high,
            suppressed=suppressed,
            period_start=period_start,
            period_end=period_end,
            school_id=school_id,
            class_id=class_id,
            grade=grade,
            competency_id=competency_id,
            sex=sex,
            race_ethnicity=race_ethnicity,
            english_learner=english_learner,
            special_education=special_education,
            economically_disadvantaged=economically_disadvantaged,
        )

        report_row.additional_properties = d
        return report_row

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
