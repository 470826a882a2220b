from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rollup_score import RollupScore, check_rollup_score
from ..models.status import Status, check_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calculation_patch import CalculationPatch
    from ..models.category_schema import CategorySchema
    from ..models.competency_create import CompetencyCreate
    from ..models.framework_patch_category_map_type_0 import FrameworkPatchCategoryMapType0
    from ..models.framework_patch_recompute_job_type_0 import FrameworkPatchRecomputeJobType0
    from ..models.scale_patch import ScalePatch


T = TypeVar("T", bound="FrameworkPatch")


@_attrs_define
class FrameworkPatch:
    """Any part of a framework as GET answers it, as a JSON Merge Patch (RFC 7396): a member
    left out stays, null removes it (its default applies), an object merges into the one it
    names, an array (`competencies`, `levels`) replaces the whole.

        Attributes:
            id (None | str | Unset):
            title (None | str | Unset):
            description (None | str | Unset):
            version (None | str | Unset):
            status (None | Status | Unset):
            scale (None | ScalePatch | Unset):
            calculation (CalculationPatch | None | Unset):
            min_evidence (int | None | Unset):
            include_formative (bool | None | Unset):
            rollup_score (None | RollupScore | Unset):
            categories (list[CategorySchema] | None | Unset):
            missing_level (float | None | Unset):
            uncategorised_category (None | str | Unset):
            category_map (FrameworkPatchCategoryMapType0 | None | Unset):
            competencies (list[CompetencyCreate] | None | Unset):
            competency_count (int | None | Unset):
            recompute_job (FrameworkPatchRecomputeJobType0 | None | Unset):
    """

    id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    version: None | str | Unset = UNSET
    status: None | Status | Unset = UNSET
    scale: None | ScalePatch | Unset = UNSET
    calculation: CalculationPatch | None | Unset = UNSET
    min_evidence: int | None | Unset = UNSET
    include_formative: bool | None | Unset = UNSET
    rollup_score: None | RollupScore | Unset = UNSET
    categories: list[CategorySchema] | None | Unset = UNSET
    missing_level: float | None | Unset = UNSET
    uncategorised_category: None | str | Unset = UNSET
    category_map: FrameworkPatchCategoryMapType0 | None | Unset = UNSET
    competencies: list[CompetencyCreate] | None | Unset = UNSET
    competency_count: int | None | Unset = UNSET
    recompute_job: FrameworkPatchRecomputeJobType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.calculation_patch import CalculationPatch
        from ..models.framework_patch_category_map_type_0 import FrameworkPatchCategoryMapType0
        from ..models.framework_patch_recompute_job_type_0 import FrameworkPatchRecomputeJobType0
        from ..models.scale_patch import ScalePatch

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

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
        elif isinstance(self.scale, ScalePatch):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        calculation: dict[str, Any] | None | Unset
        if isinstance(self.calculation, Unset):
            calculation = UNSET
        elif isinstance(self.calculation, CalculationPatch):
            calculation = self.calculation.to_dict()
        else:
            calculation = self.calculation

        min_evidence: int | None | Unset
        if isinstance(self.min_evidence, Unset):
            min_evidence = UNSET
        else:
            min_evidence = self.min_evidence

        include_formative: bool | None | Unset
        if isinstance(self.include_formative, Unset):
            include_formative = UNSET
        else:
            include_formative = self.include_formative

        rollup_score: None | str | Unset
        if isinstance(self.rollup_score, Unset):
            rollup_score = UNSET
        elif isinstance(self.rollup_score, str):
            rollup_score = self.rollup_score
        else:
            rollup_score = self.rollup_score

        categories: list[dict[str, Any]] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = []
            for categories_type_0_item_data in self.categories:
                categories_type_0_item = categories_type_0_item_data.to_dict()
                categories.append(categories_type_0_item)

        else:
            categories = self.categories

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

        category_map: dict[str, Any] | None | Unset
        if isinstance(self.category_map, Unset):
            category_map = UNSET
        elif isinstance(self.category_map, FrameworkPatchCategoryMapType0):
            category_map = self.category_map.to_dict()
        else:
            category_map = self.category_map

        competencies: list[dict[str, Any]] | None | Unset
        if isinstance(self.competencies, Unset):
            competencies = UNSET
        elif isinstance(self.competencies, list):
            competencies = []
            for competencies_type_0_item_data in self.competencies:
                competencies_type_0_item = competencies_type_0_item_data.to_dict()
                competencies.append(competencies_type_0_item)

        else:
            competencies = self.competencies

        competency_count: int | None | Unset
        if isinstance(self.competency_count, Unset):
            competency_count = UNSET
        else:
            competency_count = self.competency_count

        recompute_job: dict[str, Any] | None | Unset
        if isinstance(self.recompute_job, Unset):
            recompute_job = UNSET
        elif isinstance(self.recompute_job, FrameworkPatchRecomputeJobType0):
            recompute_job = self.recompute_job.to_dict()
        else:
            recompute_job = self.recompute_job

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
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
        from ..models.calculation_patch import CalculationPatch
        from ..models.category_schema import CategorySchema
        from ..models.competency_create import CompetencyCreate
        from ..models.framework_patch_category_map_type_0 import FrameworkPatchCategoryMapType0
        from ..models.framework_patch_recompute_job_type_0 import FrameworkPatchRecomputeJobType0
        from ..models.scale_patch import ScalePatch

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

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

        def _parse_scale(data: object) -> None | ScalePatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_type_0 = ScalePatch.from_dict(data)

                return scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScalePatch | Unset, data)

        scale = _parse_scale(d.pop("scale", UNSET))

        def _parse_calculation(data: object) -> CalculationPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calculation_type_0 = CalculationPatch.from_dict(data)

                return calculation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CalculationPatch | None | Unset, data)

        calculation = _parse_calculation(d.pop("calculation", UNSET))

        def _parse_min_evidence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_evidence = _parse_min_evidence(d.pop("min_evidence", UNSET))

        def _parse_include_formative(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        include_formative = _parse_include_formative(d.pop("include_formative", UNSET))

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

        def _parse_categories(data: object) -> list[CategorySchema] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = []
                _categories_type_0 = data
                for categories_type_0_item_data in _categories_type_0:
                    categories_type_0_item = CategorySchema.from_dict(categories_type_0_item_data)

                    categories_type_0.append(categories_type_0_item)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CategorySchema] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))

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

        def _parse_category_map(data: object) -> FrameworkPatchCategoryMapType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                category_map_type_0 = FrameworkPatchCategoryMapType0.from_dict(data)

                return category_map_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FrameworkPatchCategoryMapType0 | None | Unset, data)

        category_map = _parse_category_map(d.pop("category_map", UNSET))

        def _parse_competencies(data: object) -> list[CompetencyCreate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                competencies_type_0 = []
                _competencies_type_0 = data
                for competencies_type_0_item_data in _competencies_type_0:
                    competencies_type_0_item = CompetencyCreate.from_dict(
                        competencies_type_0_item_data
                    )

                    competencies_type_0.append(competencies_type_0_item)

                return competencies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CompetencyCreate] | None | Unset, data)

        competencies = _parse_competencies(d.pop("competencies", UNSET))

        def _parse_competency_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        competency_count = _parse_competency_count(d.pop("competency_count", UNSET))

        def _parse_recompute_job(data: object) -> FrameworkPatchRecomputeJobType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recompute_job_type_0 = FrameworkPatchRecomputeJobType0.from_dict(data)

                return recompute_job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FrameworkPatchRecomputeJobType0 | None | Unset, data)

        recompute_job = _parse_recompute_job(d.pop("recompute_job", UNSET))

        framework_patch = cls(
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
            competencies=competencies,
            competency_count=competency_count,
            recompute_job=recompute_job,
        )

        return framework_patch
