from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.status import Status, check_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calculation_schema import CalculationSchema
    from ..models.rollup_schema import RollupSchema
    from ..models.scale_schema import ScaleSchema


T = TypeVar("T", bound="CompetencyCreate")


@_attrs_define
class CompetencyCreate:
    """
    Attributes:
        code (str):
        statement (str):
        id (None | str | Unset): Yours (e.g. a CASE GUID)
        kind (None | str | Unset):
        status (None | Status | Unset):
        calculation (CalculationSchema | None | Unset):
        rollup (None | RollupSchema | Unset):
        weight (float | None | Unset): Its weight in its parent's weighted rollup score; null counts 1
        min_evidence (int | None | Unset): Results needed before it is decided, for it and the descendants that set
            none; null: the nearest ancestor's, else the framework's
        scale (None | ScaleSchema | Unset): Its own levels, threshold and bands, for it and the descendants that set
            none; null: the nearest ancestor's, else the framework's
        mastery_threshold (float | None | Unset): Its own mastery threshold on the scale it has (its own or inherited);
            null: that's
        children (list[CompetencyCreate] | Unset):
        position (int | None | Unset): Order among its siblings; its index in the list if left out
        parent_id (None | str | Unset): As read; must name the competency it is nested in
        framework_id (None | str | Unset): As read; must be this framework
    """

    code: str
    statement: str
    id: None | str | Unset = UNSET
    kind: None | str | Unset = UNSET
    status: None | Status | Unset = UNSET
    calculation: CalculationSchema | None | Unset = UNSET
    rollup: None | RollupSchema | Unset = UNSET
    weight: float | None | Unset = UNSET
    min_evidence: int | None | Unset = UNSET
    scale: None | ScaleSchema | Unset = UNSET
    mastery_threshold: float | None | Unset = UNSET
    children: list[CompetencyCreate] | Unset = UNSET
    position: int | None | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    framework_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.calculation_schema import CalculationSchema
        from ..models.rollup_schema import RollupSchema
        from ..models.scale_schema import ScaleSchema

        code = self.code

        statement = self.statement

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        calculation: dict[str, Any] | None | Unset
        if isinstance(self.calculation, Unset):
            calculation = UNSET
        elif isinstance(self.calculation, CalculationSchema):
            calculation = self.calculation.to_dict()
        else:
            calculation = self.calculation

        rollup: dict[str, Any] | None | Unset
        if isinstance(self.rollup, Unset):
            rollup = UNSET
        elif isinstance(self.rollup, RollupSchema):
            rollup = self.rollup.to_dict()
        else:
            rollup = self.rollup

        weight: float | None | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        min_evidence: int | None | Unset
        if isinstance(self.min_evidence, Unset):
            min_evidence = UNSET
        else:
            min_evidence = self.min_evidence

        scale: dict[str, Any] | None | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        elif isinstance(self.scale, ScaleSchema):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        mastery_threshold: float | None | Unset
        if isinstance(self.mastery_threshold, Unset):
            mastery_threshold = UNSET
        else:
            mastery_threshold = self.mastery_threshold

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        framework_id: None | str | Unset
        if isinstance(self.framework_id, Unset):
            framework_id = UNSET
        else:
            framework_id = self.framework_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "statement": statement,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if status is not UNSET:
            field_dict["status"] = status
        if calculation is not UNSET:
            field_dict["calculation"] = calculation
        if rollup is not UNSET:
            field_dict["rollup"] = rollup
        if weight is not UNSET:
            field_dict["weight"] = weight
        if min_evidence is not UNSET:
            field_dict["min_evidence"] = min_evidence
        if scale is not UNSET:
            field_dict["scale"] = scale
        if mastery_threshold is not UNSET:
            field_dict["mastery_threshold"] = mastery_threshold
        if children is not UNSET:
            field_dict["children"] = children
        if position is not UNSET:
            field_dict["position"] = position
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if framework_id is not UNSET:
            field_dict["framework_id"] = framework_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.calculation_schema import CalculationSchema
        from ..models.rollup_schema import RollupSchema
        from ..models.scale_schema import ScaleSchema

        d = dict(src_dict)
        code = d.pop("code")

        statement = d.pop("statement")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

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

        def _parse_rollup(data: object) -> None | RollupSchema | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rollup_type_0 = RollupSchema.from_dict(data)

                return rollup_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RollupSchema | Unset, data)

        rollup = _parse_rollup(d.pop("rollup", UNSET))

        def _parse_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        def _parse_min_evidence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_evidence = _parse_min_evidence(d.pop("min_evidence", UNSET))

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

        def _parse_mastery_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mastery_threshold = _parse_mastery_threshold(d.pop("mastery_threshold", UNSET))

        _children = d.pop("children", UNSET)
        children: list[CompetencyCreate] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = CompetencyCreate.from_dict(children_item_data)

                children.append(children_item)

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_framework_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        framework_id = _parse_framework_id(d.pop("framework_id", UNSET))

        competency_create = cls(
            code=code,
            statement=statement,
            id=id,
            kind=kind,
            status=status,
            calculation=calculation,
            rollup=rollup,
            weight=weight,
            min_evidence=min_evidence,
            scale=scale,
            mastery_threshold=mastery_threshold,
            children=children,
            position=position,
            parent_id=parent_id,
            framework_id=framework_id,
        )

        return competency_create
