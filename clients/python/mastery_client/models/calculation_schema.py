from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.calculation_method import CalculationMethod, check_calculation_method
from ..models.mode_tie import ModeTie, check_mode_tie
from ..types import UNSET, Unset

T = TypeVar("T", bound="CalculationSchema")


@_attrs_define
class CalculationSchema:
    """
    Attributes:
        method (CalculationMethod): How a series of normalised scores becomes one score (see the issue's table).

            Canvas's names mean what they mean in Canvas's API: `decaying_average` weighs the latest
            result against the mean of the earlier ones, `standard_decaying_average` is the recursive
            (exponential) one. The old names are read through `DEPRECATED_METHOD_NAMES`.
        weight (float | None | Unset): decaying averages: w in (0, 1); Canvas's calculation_int 65 is 0.65
        n (int | None | Unset): n_mastery, most_recent_average (default 3); mode: the last n results (all when left out)
        tie (ModeTie | None | Unset): mode: which of equally frequent levels (default most_recent)
    """

    method: CalculationMethod
    weight: float | None | Unset = UNSET
    n: int | None | Unset = UNSET
    tie: ModeTie | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        method: str = self.method

        weight: float | None | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        n: int | None | Unset
        if isinstance(self.n, Unset):
            n = UNSET
        else:
            n = self.n

        tie: None | str | Unset
        if isinstance(self.tie, Unset):
            tie = UNSET
        elif isinstance(self.tie, str):
            tie = self.tie
        else:
            tie = self.tie

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
            }
        )
        if weight is not UNSET:
            field_dict["weight"] = weight
        if n is not UNSET:
            field_dict["n"] = n
        if tie is not UNSET:
            field_dict["tie"] = tie

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        method = check_calculation_method(d.pop("method"))

        def _parse_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        def _parse_n(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n = _parse_n(d.pop("n", UNSET))

        def _parse_tie(data: object) -> ModeTie | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tie_type_0 = check_mode_tie(data)

                return tie_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModeTie | None | Unset, data)

        tie = _parse_tie(d.pop("tie", UNSET))

        calculation_schema = cls(
            method=method,
            weight=weight,
            n=n,
            tie=tie,
        )

        return calculation_schema
