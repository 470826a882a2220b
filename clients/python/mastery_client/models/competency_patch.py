from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.status import Status, check_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calculation_patch import CalculationPatch
    from ..models.competency_patch_children_type_0_item import CompetencyPatchChildrenType0Item
    from ..models.rollup_patch import RollupPatch
    from ..models.scale_patch import ScalePatch


T = TypeVar("T", bound="CompetencyPatch")


@_attrs_define
class CompetencyPatch:
    """Any part of a competency as GET answers it, as a JSON Merge Patch: `parent_id` and
    `position` move it; `calculation: null` gives it the framework's again.

        Attributes:
            id (None | str | Unset):
            framework_id (None | str | Unset):
            code (None | str | Unset):
            statement (None | str | Unset):
            kind (None | str | Unset):
            status (None | Status | Unset):
            calculation (CalculationPatch | None | Unset): null: the framework's calculation applies
            rollup (None | RollupPatch | Unset):
            weight (float | None | Unset): Its weight in its parent's weighted rollup score; null counts 1
            min_evidence (int | None | Unset): Results needed before it is decided, for it and the descendants that set
                none; null: the nearest ancestor's, else the framework's
            scale (None | ScalePatch | Unset): Its own levels, threshold and bands, for it and the descendants that set
                none; null: the nearest ancestor's, else the framework's
            mastery_threshold (float | None | Unset): Its own mastery threshold on the scale it has (its own or inherited);
                null: that's
            position (int | None | Unset):
            parent_id (None | str | Unset):
            children (list[CompetencyPatchChildrenType0Item] | None | Unset): As read; changed through each child's own
                PATCH
    """

    id: None | str | Unset = UNSET
    framework_id: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    statement: None | str | Unset = UNSET
    kind: None | str | Unset = UNSET
    status: None | Status | Unset = UNSET
    calculation: CalculationPatch | None | Unset = UNSET
    rollup: None | RollupPatch | Unset = UNSET
    weight: float | None | Unset = UNSET
    min_evidence: int | None | Unset = UNSET
    scale: None | ScalePatch | Unset = UNSET
    mastery_threshold: float | None | Unset = UNSET
    position: int | None | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    children: list[CompetencyPatchChildrenType0Item] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.calculation_patch import CalculationPatch
        from ..models.rollup_patch import RollupPatch
        from ..models.scale_patch import ScalePatch

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        framework_id: None | str | Unset
        if isinstance(self.framework_id, Unset):
            framework_id = UNSET
        else:
            framework_id = self.framework_id

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        statement: None | str | Unset
        if isinstance(self.statement, Unset):
            statement = UNSET
        else:
            statement = self.statement

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
        elif isinstance(self.calculation, CalculationPatch):
            calculation = self.calculation.to_dict()
        else:
            calculation = self.calculation

        rollup: dict[str, Any] | None | Unset
        if isinstance(self.rollup, Unset):
            rollup = UNSET
        elif isinstance(self.rollup, RollupPatch):
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
        elif isinstance(self.scale, ScalePatch):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        mastery_threshold: float | None | Unset
        if isinstance(self.mastery_threshold, Unset):
            mastery_threshold = UNSET
        else:
            mastery_threshold = self.mastery_threshold

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

        children: list[dict[str, Any]] | None | Unset
        if isinstance(self.children, Unset):
            children = UNSET
        elif isinstance(self.children, list):
            children = []
            for children_type_0_item_data in self.children:
                children_type_0_item = children_type_0_item_data.to_dict()
                children.append(children_type_0_item)

        else:
            children = self.children

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if framework_id is not UNSET:
            field_dict["framework_id"] = framework_id
        if code is not UNSET:
            field_dict["code"] = code
        if statement is not UNSET:
            field_dict["statement"] = statement
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
        if position is not UNSET:
            field_dict["position"] = position
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.calculation_patch import CalculationPatch
        from ..models.competency_patch_children_type_0_item import CompetencyPatchChildrenType0Item
        from ..models.rollup_patch import RollupPatch
        from ..models.scale_patch import ScalePatch

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_framework_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        framework_id = _parse_framework_id(d.pop("framework_id", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_statement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement = _parse_statement(d.pop("statement", UNSET))

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

        def _parse_rollup(data: object) -> None | RollupPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rollup_type_0 = RollupPatch.from_dict(data)

                return rollup_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RollupPatch | Unset, data)

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

        def _parse_mastery_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mastery_threshold = _parse_mastery_threshold(d.pop("mastery_threshold", UNSET))

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

        def _parse_children(data: object) -> list[CompetencyPatchChildrenType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                children_type_0 = []
                _children_type_0 = data
                for children_type_0_item_data in _children_type_0:
                    children_type_0_item = CompetencyPatchChildrenType0Item.from_dict(
                        children_type_0_item_data
                    )

                    children_type_0.append(children_type_0_item)

                return children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CompetencyPatchChildrenType0Item] | None | Unset, data)

        children = _parse_children(d.pop("children", UNSET))

        competency_patch = cls(
            id=id,
            framework_id=framework_id,
            code=code,
            statement=statement,
            kind=kind,
            status=status,
            calculation=calculation,
            rollup=rollup,
            weight=weight,
            min_evidence=min_evidence,
            scale=scale,
            mastery_threshold=mastery_threshold,
            position=position,
            parent_id=parent_id,
            children=children,
        )

        return competency_patch
