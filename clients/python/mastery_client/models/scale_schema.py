from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.band_schema import BandSchema
    from ..models.level_schema import LevelSchema


T = TypeVar("T", bound="ScaleSchema")


@_attrs_define
class ScaleSchema:
    """
    Attributes:
        levels (list[LevelSchema]):
        mastery_threshold (float):
        bands (list[BandSchema] | None | Unset): Performance bands: words and colours for ranges of scores, rising, the
            first from the lowest level; null or empty: the level names. Changing them recomputes nothing
    """

    levels: list[LevelSchema]
    mastery_threshold: float
    bands: list[BandSchema] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.to_dict()
            levels.append(levels_item)

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

        field_dict.update(
            {
                "levels": levels,
                "mastery_threshold": mastery_threshold,
            }
        )
        if bands is not UNSET:
            field_dict["bands"] = bands

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.band_schema import BandSchema
        from ..models.level_schema import LevelSchema

        d = dict(src_dict)
        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = LevelSchema.from_dict(levels_item_data)

            levels.append(levels_item)

        mastery_threshold = d.pop("mastery_threshold")

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

        scale_schema = cls(
            levels=levels,
            mastery_threshold=mastery_threshold,
            bands=bands,
        )

        return scale_schema
