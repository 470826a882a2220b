from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rollup_kind import RollupKind, check_rollup_kind
from ..models.rollup_score import RollupScore, check_rollup_score
from ..types import UNSET, Unset

T = TypeVar("T", bound="RollupSchema")


@_attrs_define
class RollupSchema:
    """
    Attributes:
        rule (RollupKind | Unset): How a parent's status follows from its children's.
        k (int | None | Unset): at_least: how many children
        percent (float | None | Unset): percent: share of children
        score (None | RollupScore | Unset): How the parent's score follows from its children's: mean, lowest, weighted
            (by each child's weight) or highest; null: the framework's rollup_score
    """

    rule: RollupKind | Unset = UNSET
    k: int | None | Unset = UNSET
    percent: float | None | Unset = UNSET
    score: None | RollupScore | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rule: str | Unset = UNSET
        if not isinstance(self.rule, Unset):
            rule = self.rule

        k: int | None | Unset
        if isinstance(self.k, Unset):
            k = UNSET
        else:
            k = self.k

        percent: float | None | Unset
        if isinstance(self.percent, Unset):
            percent = UNSET
        else:
            percent = self.percent

        score: None | str | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        elif isinstance(self.score, str):
            score = self.score
        else:
            score = self.score

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if rule is not UNSET:
            field_dict["rule"] = rule
        if k is not UNSET:
            field_dict["k"] = k
        if percent is not UNSET:
            field_dict["percent"] = percent
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _rule = d.pop("rule", UNSET)
        rule: RollupKind | Unset
        if isinstance(_rule, Unset):
            rule = UNSET
        else:
            rule = check_rollup_kind(_rule)

        def _parse_k(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        k = _parse_k(d.pop("k", UNSET))

        def _parse_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        percent = _parse_percent(d.pop("percent", UNSET))

        def _parse_score(data: object) -> None | RollupScore | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                score_type_0 = check_rollup_score(data)

                return score_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RollupScore | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        rollup_schema = cls(
            rule=rule,
            k=k,
            percent=percent,
            score=score,
        )

        return rollup_schema
