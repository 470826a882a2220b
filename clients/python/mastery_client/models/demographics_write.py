from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sex import Sex, check_sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="DemographicsWrite")


@_attrs_define
class DemographicsWrite:
    """
    Attributes:
        id (None | str | Unset): Optional; when given it must equal the id in the path.
        sex (None | Sex | Unset):
        birth_date (datetime.date | None | Unset):
        american_indian_or_alaska_native (bool | None | Unset):
        asian (bool | None | Unset):
        black_or_african_american (bool | None | Unset):
        native_hawaiian_or_other_pacific_islander (bool | None | Unset):
        white (bool | None | Unset):
        two_or_more_races (bool | None | Unset):
        hispanic_or_latino (bool | None | Unset):
        english_learner (bool | None | Unset):
        special_education (bool | None | Unset):
        economically_disadvantaged (bool | None | Unset):
    """

    id: None | str | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    american_indian_or_alaska_native: bool | None | Unset = UNSET
    asian: bool | None | Unset = UNSET
    black_or_african_american: bool | None | Unset = UNSET
    native_hawaiian_or_other_pacific_islander: bool | None | Unset = UNSET
    white: bool | None | Unset = UNSET
    two_or_more_races: bool | None | Unset = UNSET
    hispanic_or_latino: bool | None | Unset = UNSET
    english_learner: bool | None | Unset = UNSET
    special_education: bool | None | Unset = UNSET
    economically_disadvantaged: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, str):
            sex = self.sex
        else:
            sex = self.sex

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        american_indian_or_alaska_native: bool | None | Unset
        if isinstance(self.american_indian_or_alaska_native, Unset):
            american_indian_or_alaska_native = UNSET
        else:
            american_indian_or_alaska_native = self.american_indian_or_alaska_native

        asian: bool | None | Unset
        if isinstance(self.asian, Unset):
            asian = UNSET
        else:
            asian = self.asian

        black_or_african_american: bool | None | Unset
        if isinstance(self.black_or_african_american, Unset):
            black_or_african_american = UNSET
        else:
            black_or_african_american = self.black_or_african_american

        native_hawaiian_or_other_pacific_islander: bool | None | Unset
        if isinstance(self.native_hawaiian_or_other_pacific_islander, Unset):
            native_hawaiian_or_other_pacific_islander = UNSET
        else:
            native_hawaiian_or_other_pacific_islander = (
                self.native_hawaiian_or_other_pacific_islander
            )

        white: bool | None | Unset
        if isinstance(self.white, Unset):
            white = UNSET
        else:
            white = self.white

        two_or_more_races: bool | None | Unset
        if isinstance(self.two_or_more_races, Unset):
            two_or_more_races = UNSET
        else:
            two_or_more_races = self.two_or_more_races

        hispanic_or_latino: bool | None | Unset
        if isinstance(self.hispanic_or_latino, Unset):
            hispanic_or_latino = UNSET
        else:
            hispanic_or_latino = self.hispanic_or_latino

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

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if sex is not UNSET:
            field_dict["sex"] = sex
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if american_indian_or_alaska_native is not UNSET:
            field_dict["american_indian_or_alaska_native"] = american_indian_or_alaska_native
        if asian is not UNSET:
            field_dict["asian"] = asian
        if black_or_african_american is not UNSET:
            field_dict["black_or_african_american"] = black_or_african_american
        if native_hawaiian_or_other_pacific_islander is not UNSET:
            field_dict["native_hawaiian_or_other_pacific_islander"] = (
                native_hawaiian_or_other_pacific_islander
            )
        if white is not UNSET:
            field_dict["white"] = white
        if two_or_more_races is not UNSET:
            field_dict["two_or_more_races"] = two_or_more_races
        if hispanic_or_latino is not UNSET:
            field_dict["hispanic_or_latino"] = hispanic_or_latino
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

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = check_sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_american_indian_or_alaska_native(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        american_indian_or_alaska_native = _parse_american_indian_or_alaska_native(
            d.pop("american_indian_or_alaska_native", UNSET)
        )

        def _parse_asian(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        asian = _parse_asian(d.pop("asian", UNSET))

        def _parse_black_or_african_american(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        black_or_african_american = _parse_black_or_african_american(
            d.pop("black_or_african_american", UNSET)
        )

        def _parse_native_hawaiian_or_other_pacific_islander(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        native_hawaiian_or_other_pacific_islander = (
            _parse_native_hawaiian_or_other_pacific_islander(
                d.pop("native_hawaiian_or_other_pacific_islander", UNSET)
            )
        )

        def _parse_white(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        white = _parse_white(d.pop("white", UNSET))

        def _parse_two_or_more_races(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        two_or_more_races = _parse_two_or_more_races(d.pop("two_or_more_races", UNSET))

        def _parse_hispanic_or_latino(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hispanic_or_latino = _parse_hispanic_or_latino(d.pop("hispanic_or_latino", UNSET))

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

        demographics_write = cls(
            id=id,
            sex=sex,
            birth_date=birth_date,
            american_indian_or_alaska_native=american_indian_or_alaska_native,
            asian=asian,
            black_or_african_american=black_or_african_american,
            native_hawaiian_or_other_pacific_islander=native_hawaiian_or_other_pacific_islander,
            white=white,
            two_or_more_races=two_or_more_races,
            hispanic_or_latino=hispanic_or_latino,
            english_learner=english_learner,
            special_education=special_education,
            economically_disadvantaged=economically_disadvantaged,
        )

        return demographics_write
