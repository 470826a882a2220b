from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rollup_score import RollupScore, check_rollup_score
from ..models.status import Status, check_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calculation_schema import CalculationSchema
    from ..models.category_schema import CategorySchema
    from ..models.competency_create import CompetencyCreate
    from ..models.framework_create_category_map import FrameworkCreateCategoryMap
    from ..models.framework_create_recompute_job_type_0 import FrameworkCreateRecomputeJobType0
    from ..models.scale_schema import ScaleSchema


T = TypeVar("T", bound="FrameworkCreate")


@_attrs_define
class FrameworkCreate:
    """A whole framework: what POST creates and PUT replaces, and what GET answers.

    Attributes:
        title (str):
        id (None | str | Unset):
        description (None | str | Unset):
        version (None | str | Unset):
        status (None | Status | Unset):
        scale (None | ScaleSchema | Unset):
        calculation (CalculationSchema | None | Unset):
        min_evidence (int | None | Unset):
        include_formative (bool | Unset):  Default: False.
        rollup_score (None | RollupScore | Unset): How parents' scores roll up unless their rule says; mean
        categories (list[CategorySchema] | Unset): The framework's evidence categories; when there are any, every new
            result names one. average, most_recent_average and n_mastery take the mean per category, then weigh the
            categories with evidence by their weights
        missing_level (float | None | Unset): What a result marked missing counts as; null: the scale's lowest level
        uncategorised_category (None | str | Unset): One of the categories: results without one of the framework's
            categories (stored before it had categories, or in a category since removed) count in it; null: they do not
            count (listed as uncategorised). Changing it recomputes decisions
        category_map (FrameworkCreateCategoryMap | Unset): OneRoster gradebook categories onto the framework's:
            {category sourcedId or title: category name}. A line item's results take the category its category maps onto;
            without a mapping, the framework category named like the OneRoster category's title (any case); else they stay
            uncategorised
        competencies (list[CompetencyCreate] | Unset):
        competency_count (int | None | Unset): As read; not read back
        recompute_job (FrameworkCreateRecomputeJobType0 | None | Unset): As a change answers it; not read back
    """

    title: str
    id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    version: None | str | Unset = UNSET
    status: None | Status | Unset = UNSET
    scale: None | ScaleSchema | Unset = UNSET
    calculation: CalculationSchema | None | Unset = UNSET
    min_evidence: int | None | Unset = UNSET
    include_formative: bool | Unset = False
    rollup_score: None | RollupScore | Unset = UNSET
    categories: list[CategorySchema] | Unset = UNSET
    missing_level: float | None | Unset = UNSET
    uncategorised_category: None | str | Unset = UNSET
    category_map: FrameworkCreateCategoryMap | Unset = UNSET
    competencies: list[CompetencyCreate] | Unset = UNSET
    competency_count: int | None | Unset = UNSET
    recompute_job: FrameworkCreateRecomputeJobType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.calculation_schema import CalculationSchema
        from ..models.framework_create_recompute_job_type_0 import FrameworkCreateRecomputeJobType0
        from ..models.scale_schema import ScaleSchema

        title = self.title

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        scale: dict[str, Any] | None | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        elif isinstance(self.scale, ScaleSchema):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        calculation: dict[str, Any] | None | Unset
        if isinstance(self.calculation, Unset):
            calculation = UNSET
        elif isinstance(self.calculation, CalculationSchema):
            calculation = self.calculation.to_dict()
        else:
            calculation = self.calculation

        min_evidence: int | None | Unset
        if isinstance(self.min_evidence, Unset):
            min_evidence = UNSET
        else:
            min_evidence = self.min_evidence

        include_formative = self.include_formative

        rollup_score: None | str | Unset
        if isinstance(self.rollup_score, Unset):
            rollup_score = UNSET
        elif isinstance(self.rollup_score, str):
            rollup_score = self.rollup_score
        else:
            rollup_score = self.rollup_score

        categories: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = []
            for categories_item_data in self.categories:
                categories_item = categories_item_data.to_dict()
                categories.append(categories_item)

        missing_level: float | None | Unset
        if isinstance(self.missing_level, Unset):
            missing_level = UNSET
        else:
            missing_level = self.missing_level

        uncategorised_category: None | str | Unset
        if isinstance(self.uncategorised_category, Unset):
            uncategorised_category = UNSET
        else:
            uncategorised_category = self.uncategorised_category

        category_map: dict[str, Any] | Unset = UNSET
        if not isinstance(self.category_map, Unset):
            category_map = self.category_map.to_dict()

        competencies: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.competencies, Unset):
            competencies = []
            for competencies_item_data in self.competencies:
                competencies_item = competencies_item_data.to_dict()
                competencies.append(competencies_item)

        competency_count: int | None | Unset
        if isinstance(self.competency_count, Unset):
            competency_count = UNSET
        else:
            competency_count = self.competency_count

        recompute_job: dict[str, Any] | None | Unset
        if isinstance(self.recompute_job, Unset):
            recompute_job = UNSET
        elif isinstance(self.recompute_job, FrameworkCreateRecomputeJobType0):
            recompute_job = self.recompute_job.to_dict()
        else:
            recompute_job = self.recompute_job

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if description is not UNSET:
            field_dict["description"] = description
        if version is not UNSET:
            field_dict["version"] = version
        if status is not UNSET:
            field_dict["status"] = status
        if scale is not UNSET:
            field_dict["scale"] = scale
        if calculation is not UNSET:
            field_dict["calculation"] = calculation
        if min_evidence is not UNSET:
            field_dict["min_evidence"] = min_evidence
        if include_formative is not UNSET:
            field_dict["include_formative"] = include_formative
        if rollup_score is not UNSET:
            field_dict["rollup_score"] = rollup_score
        if categories is not UNSET:
            field_dict["categories"] = categories
        if missing_level is not UNSET:
            field_dict["missing_level"] = missing_level
        if uncategorised_category is not UNSET:
            field_dict["uncategorised_category"] = uncategorised_category
        if category_map is not UNSET:
            field_dict["category_map"] = category_map
        if competencies is not UNSET:
            field_dict["competencies"] = competencies
        if competency_count is not UNSET:
            field_dict["competency_count"] = competency_count
        if recompute_job is not UNSET:
            field_dict["recompute_job"] = recompute_job

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.calculation_schema import CalculationSchema
        from ..models.category_schema import CategorySchema
        from ..models.competency_create import CompetencyCreate
        from ..models.framework_create_category_map import FrameworkCreateCategoryMap
        from ..models.framework_create_recompute_job_type_0 import FrameworkCreateRecomputeJobType0
        from ..models.scale_schema import ScaleSchema

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_status(data: object) -> None | Status | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_status(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Status | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_scale(data: object) -> None | ScaleSchema | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_type_0 = ScaleSchema.from_dict(data)

                return scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScaleSchema | Unset, data)

        scale = _parse_scale(d.pop("scale", UNSET))

        def _parse_calculation(data: object) -> CalculationSchema | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calculation_type_0 = CalculationSchema.from_dict(data)

                return calculation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalculationSchema | None | Unset, data)

        calculation = _parse_calculation(d.pop("calculation", UNSET))

        def _parse_min_evidence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_evidence = _parse_min_evidence(d.pop("min_evidence", UNSET))

        include_formative = d.pop("include_formative", UNSET)

        def _parse_rollup_score(data: object) -> None | RollupScore | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rollup_score_type_0 = check_rollup_score(data)

                return rollup_score_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RollupScore | Unset, data)

        rollup_score = _parse_rollup_score(d.pop("rollup_score", UNSET))

        _categories = d.pop("categories", UNSET)
        categories: list[CategorySchema] | Unset = UNSET
        if _categories is not UNSET:
            categories = []
            for categories_item_data in _categories:
                categories_item = CategorySchema.from_dict(categories_item_data)

                categories.append(categories_item)

        def _parse_missing_level(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        missing_level = _parse_missing_level(d.pop("missing_level", UNSET))

        def _parse_uncategorised_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        uncategorised_category = _parse_uncategorised_category(
            d.pop("uncategorised_category", UNSET)
        )

        _category_map = d.pop("category_map", UNSET)
        category_map: FrameworkCreateCategoryMap | Unset
        if isinstance(_category_map, Unset):
            category_map = UNSET
        else:
            category_map = FrameworkCreateCategoryMap.from_dict(_category_map)

        _competencies = d.pop("competencies", UNSET)
        competencies: list[CompetencyCreate] | Unset = UNSET
        if _competencies is not UNSET:
            competencies = []
            for competencies_item_data in _competencies:
                competencies_item = CompetencyCreate.from_dict(competencies_item_data)

                competencies.append(competencies_item)

        def _parse_competency_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        competency_count = _parse_competency_count(d.pop("competency_count", UNSET))

        def _parse_recompute_job(data: object) -> FrameworkCreateRecomputeJobType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recompute_job_type_0 = FrameworkCreateRecomputeJobType0.from_dict(data)

                return recompute_job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FrameworkCreateRecomputeJobType0 | None | Unset, data)

        recompute_job = _parse_recompute_job(d.pop("recompute_job", UNSET))

        framework_create = cls(
            title=title,
            id=id,
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
            competencies=competencies,
            competency_count=competency_count,
            recompute_job=recompute_job,
        )

        return framework_create
