from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status, check_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.competency_read_calculation_type_0 import CompetencyReadCalculationType0
    from ..models.competency_read_rollup import CompetencyReadRollup
    from ..models.competency_read_scale_type_0 import CompetencyReadScaleType0


T = TypeVar("T", bound="CompetencyRead")


@_attrs_define
class CompetencyRead:
    """
    Attributes:
        id (str):
        framework_id (str):
        code (str):
        statement (str):
        kind (None | str):
        parent_id (None | str):
        position (int):
        status (Status): Whether a framework or competency is in use; retired ones are kept for history.
        calculation (CompetencyReadCalculationType0 | None): Own calculation, if any: {"method", "weight"?, "n"?}
        rollup (CompetencyReadRollup): {"rule", "k"?, "percent"?, "score"?}
        weight (float | None): Its weight in its parent's weighted rollup score; null counts 1
        min_evidence (int | None): Results needed before it is decided, for it and the descendants that set none; null:
            the nearest ancestor's, else the framework's
        scale (CompetencyReadScaleType0 | None): Its own levels, threshold and bands, for it and the descendants that
            set none; null: the nearest ancestor's, else the framework's
        mastery_threshold (float | None): Its own mastery threshold on the scale it has (its own or inherited); null:
            that's
        children (list[CompetencyRead] | Unset):
    """

    id: str
    framework_id: str
    code: str
    statement: str
    kind: None | str
    parent_id: None | str
    position: int
    status: Status
    calculation: CompetencyReadCalculationType0 | None
    rollup: CompetencyReadRollup
    weight: float | None
    min_evidence: int | None
    scale: CompetencyReadScaleType0 | None
    mastery_threshold: float | None
    children: list[CompetencyRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.competency_read_calculation_type_0 import CompetencyReadCalculationType0
        from ..models.competency_read_scale_type_0 import CompetencyReadScaleType0

        id = self.id

        framework_id = self.framework_id

        code = self.code

        statement = self.statement

        kind: None | str
        kind = self.kind

        parent_id: None | str
        parent_id = self.parent_id

        position = self.position

        status: str = self.status

        calculation: dict[str, Any] | None
        if isinstance(self.calculation, CompetencyReadCalculationType0):
            calculation = self.calculation.to_dict()
        else:
            calculation = self.calculation

        rollup = self.rollup.to_dict()

        weight: float | None
        weight = self.weight

        min_evidence: int | None
        min_evidence = self.min_evidence

        scale: dict[str, Any] | None
        if isinstance(self.scale, CompetencyReadScaleType0):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        mastery_threshold: float | None
        mastery_threshold = self.mastery_threshold

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "framework_id": framework_id,
                "code": code,
                "statement": statement,
                "kind": kind,
                "parent_id": parent_id,
                "position": position,
                "status": status,
                "calculation": calculation,
                "rollup": rollup,
                "weight": weight,
                "min_evidence": min_evidence,
                "scale": scale,
                "mastery_threshold": mastery_threshold,
            }
        )
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.competency_read_calculation_type_0 import CompetencyReadCalculationType0
        from ..models.competency_read_rollup import CompetencyReadRollup
        from ..models.competency_read_scale_type_0 import CompetencyReadScaleType0

        d = dict(src_dict)
        id = d.pop("id")

        framework_id = d.pop("framework_id")

        code = d.pop("code")

        statement = d.pop("statement")

        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        position = d.pop("position")

        status = check_status(d.pop("status"))

        def _parse_calculation(data: object) -> CompetencyReadCalculationType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calculation_type_0 = CompetencyReadCalculationType0.from_dict(data)

                return calculation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompetencyReadCalculationType0 | None, data)

        calculation = _parse_calculation(d.pop("calculation"))

        rollup = CompetencyReadRollup.from_dict(d.pop("rollup"))

        def _parse_weight(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        weight = _parse_weight(d.pop("weight"))

        def _parse_min_evidence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_evidence = _parse_min_evidence(d.pop("min_evidence"))

        def _parse_scale(data: object) -> CompetencyReadScaleType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_type_0 = CompetencyReadScaleType0.from_dict(data)

                return scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompetencyReadScaleType0 | None, data)

        scale = _parse_scale(d.pop("scale"))

        def _parse_mastery_threshold(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mastery_threshold = _parse_mastery_threshold(d.pop("mastery_threshold"))

        _children = d.pop("children", UNSET)
        children: list[CompetencyRead] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = CompetencyRead.from_dict(children_item_data)

                children.append(children_item)

        competency_read = cls(
            id=id,
            framework_id=framework_id,
            code=code,
            statement=statement,
            kind=kind,
            parent_id=parent_id,
            position=position,
            status=status,
            calculation=calculation,
            rollup=rollup,
            weight=weight,
            min_evidence=min_evidence,
            scale=scale,
            mastery_threshold=mastery_threshold,
            children=children,
        )

        competency_read.additional_properties = d
        return competency_read

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
