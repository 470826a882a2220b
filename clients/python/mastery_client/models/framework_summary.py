from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rollup_score import RollupScore, check_rollup_score
from ..models.status import Status, check_status

if TYPE_CHECKING:
    from ..models.category_schema import CategorySchema
    from ..models.framework_summary_calculation import FrameworkSummaryCalculation
    from ..models.framework_summary_category_map import FrameworkSummaryCategoryMap
    from ..models.framework_summary_scale import FrameworkSummaryScale


T = TypeVar("T", bound="FrameworkSummary")


@_attrs_define
class FrameworkSummary:
    """
    Attributes:
        id (str):
        title (str):
        description (None | str):
        version (None | str):
        status (Status): Whether a framework or competency is in use; retired ones are kept for history.
        scale (FrameworkSummaryScale):
        calculation (FrameworkSummaryCalculation): {"method", "weight"?, "n"?}
        min_evidence (int):
        include_formative (bool):
        rollup_score (RollupScore): How a parent's score follows from its children's shown scores (its status follows
            the
            rule): their mean, the lowest, the mean weighted by each child's weight, or the highest.
        categories (list[CategorySchema]): The framework's evidence categories; when there are any, every new result
            names one. average, most_recent_average and n_mastery take the mean per category, then weigh the categories with
            evidence by their weights
        missing_level (float | None): What a result marked missing counts as; null: the scale's lowest level
        uncategorised_category (None | str): One of the categories: results without one of the framework's categories
            (stored before it had categories, or in a category since removed) count in it; null: they do not count (listed
            as uncategorised). Changing it recomputes decisions
        category_map (FrameworkSummaryCategoryMap): OneRoster gradebook categories onto the framework's: {category
            sourcedId or title: category name}. A line item's results take the category its category maps onto; without a
            mapping, the framework category named like the OneRoster category's title (any case); else they stay
            uncategorised
        competency_count (int):
    """

    id: str
    title: str
    description: None | str
    version: None | str
    status: Status
    scale: FrameworkSummaryScale
    calculation: FrameworkSummaryCalculation
    min_evidence: int
    include_formative: bool
    rollup_score: RollupScore
    categories: list[CategorySchema]
    missing_level: float | None
    uncategorised_category: None | str
    category_map: FrameworkSummaryCategoryMap
    competency_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        description: None | str
        description = self.description

        version: None | str
        version = self.version

        status: str = self.status

        scale = self.scale.to_dict()

        calculation = self.calculation.to_dict()

        min_evidence = self.min_evidence

        include_formative = self.include_formative

        rollup_score: str = self.rollup_score

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        missing_level: float | None
        missing_level = self.missing_level

        uncategorised_category: None | str
        uncategorised_category = self.uncategorised_category

        category_map = self.category_map.to_dict()

        competency_count = self.competency_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "version": version,
                "status": status,
                "scale": scale,
                "calculation": calculation,
                "min_evidence": min_evidence,
                "include_formative": include_formative,
                "rollup_score": rollup_score,
                "categories": categories,
                "missing_level": missing_level,
                "uncategorised_category": uncategorised_category,
                "category_map": category_map,
                "competency_count": competency_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.category_schema import CategorySchema
        from ..models.framework_summary_calculation import FrameworkSummaryCalculation
        from ..models.framework_summary_category_map import FrameworkSummaryCategoryMap
        from ..models.framework_summary_scale import FrameworkSummaryScale

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version = _parse_version(d.pop("version"))

        status = check_status(d.pop("status"))

        scale = FrameworkSummaryScale.from_dict(d.pop("scale"))

        calculation = FrameworkSummaryCalculation.from_dict(d.pop("calculation"))

        min_evidence = d.pop("min_evidence")

        include_formative = d.pop("include_formative")

        rollup_score = check_rollup_score(d.pop("rollup_score"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = CategorySchema.from_dict(categories_item_data)

            categories.append(categories_item)

        def _parse_missing_level(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        missing_level = _parse_missing_level(d.pop("missing_level"))

        def _parse_uncategorised_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        uncategorised_category = _parse_uncategorised_category(d.pop("uncategorised_category"))

        category_map = FrameworkSummaryCategoryMap.from_dict(d.pop("category_map"))

        competency_count = d.pop("competency_count")

        framework_summary = cls(
            id=id,
            title=title,
            description=description,
            version=version,
            status=status,
            scale=scale,
            calculation=calculation,
            min_evidence=min_evidence,
            include_formative=include_formative,
            rollup_score=rollup_score,
            categories=categories,
            missing_level=missing_level,
            uncategorised_category=uncategorised_category,
            category_map=category_map,
            competency_count=competency_count,
        )

        framework_summary.additional_properties = d
        return framework_summary

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
