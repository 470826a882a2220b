from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.band_schema import BandSchema
    from ..models.level_schema import LevelSchema


T = TypeVar("T", bound="ScalePatch")


@_attrs_define
class ScalePatch:
    """
    Attributes:
        levels (list[LevelSchema] | None | Unset):
        mastery_threshold (float | None | Unset):
        bands (list[BandSchema] | None | Unset): Performance bands: words and colours for ranges of scores, rising, the
            first from the lowest level; null or empty: the level names. Changing them recomputes nothing
    """

    levels: list[LevelSchema] | None | Unset = UNSET
    mastery_threshold: float | None | Unset = UNSET
    bands: list[BandSchema] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        levels: list[dict[str, Any]] | None | Unset
        if isinstance(self.levels, Unset):
            levels = UNSET
        elif isinstance(self.levels, list):
            levels = []
            for levels_type_0_item_data in self.levels:
                levels_type_0_item = levels_type_0_item_data.to_dict()
                levels.append(levels_type_0_item)

        else:
            levels = self.levels

        mastery_threshold: float | None | Unset
        if isinstance(self.mastery_threshold, Unset):
            mastery_threshold = UNSET
        else:
            mastery_threshold = self.mastery_threshold

        bands: list[dict[str, Any]] | None | Unset
        if isinstance(self.bands, Unset):
            bands = UNSET
        elif isinstance(self.bands, list):
            bands = []
            for bands_type_0_item_data in self.bands:
                bands_type_0_item = bands_type_0_item_data.to_dict()
                bands.append(bands_type_0_item)

        else:
            bands = self.bands

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if levels is not UNSET:
            field_dict["levels"] = levels
        if mastery_threshold is not UNSET:
            field_dict["mastery_threshold"] = mastery_threshold
        if bands is not UNSET:
            field_dict["bands"] = bands

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.band_schema import BandSchema
        from ..models.level_schema import LevelSchema

        d = dict(src_dict)

        def _parse_levels(data: object) -> list[LevelSchema] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                levels_type_0 = []
                _levels_type_0 = data
                for levels_type_0_item_data in _levels_type_0:
                    levels_type_0_item = LevelSchema.from_dict(levels_type_0_item_data)

                    levels_type_0.append(levels_type_0_item)

                return levels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LevelSchema] | None | Unset, data)

        levels = _parse_levels(d.pop("levels", UNSET))

        def _parse_mastery_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mastery_threshold = _parse_mastery_threshold(d.pop("mastery_threshold", UNSET))

        def _parse_bands(data: object) -> list[BandSchema] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                bands_type_0 = []
                _bands_type_0 = data
                for bands_type_0_item_data in _bands_type_0:
                    bands_type_0_item = BandSchema.from_dict(bands_type_0_item_data)

                    bands_type_0.append(bands_type_0_item)

                return bands_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[BandSchema] | None | Unset, data)

        bands = _parse_bands(d.pop("bands", UNSET))

        scale_patch = cls(
            levels=levels,
            mastery_threshold=mastery_threshold,
            bands=bands,
        )

        return scale_patch
