from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.calculation_method import CalculationMethod, check_calculation_method
from ..models.mode_tie import ModeTie, check_mode_tie
from ..types import UNSET, Unset

T = TypeVar("T", bound="CalculationPatch")


@_attrs_define
class CalculationPatch:
    """
    Attributes:
        method (CalculationMethod | None | Unset): Another method starts from its own parameters. Canvas's names mean
            what they mean in Canvas: `decaying_average` is latest·w + mean(earlier)·(1-w), `standard_decaying_average` the
            recursive average. Deprecated: `legacy_decaying_average` and `weighted_average` are read as `decaying_average`,
            which is what reads answer.
        weight (float | None | Unset):
        n (int | None | Unset):
        tie (ModeTie | None | Unset):
    """

    method: CalculationMethod | None | Unset = UNSET
    weight: float | None | Unset = UNSET
    n: int | None | Unset = UNSET
    tie: ModeTie | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        method: None | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        elif isinstance(self.method, str):
            method = self.method
        else:
            method = self.method

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

        field_dict.update({})
        if method is not UNSET:
            field_dict["method"] = method
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

        def _parse_method(data: object) -> CalculationMethod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                method_type_0 = check_calculation_method(data)

                return method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalculationMethod | None | Unset, data)

        method = _parse_method(d.pop("method", UNSET))

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

        calculation_patch = cls(
            method=method,
            weight=weight,
            n=n,
            tie=tie,
        )

        return calculation_patch
