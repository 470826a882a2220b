from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_line_item_out_metadata_type_0 import AssessmentLineItemOutMetadataType0
    from ..models.guid_ref_out import GUIDRefOut
    from ..models.objective_set_out import ObjectiveSetOut


T = TypeVar("T", bound="AssessmentLineItemOut")


@_attrs_define
class AssessmentLineItemOut:
    """
    Attributes:
        sourced_id (str):
        status (str):
        date_last_modified (str):
        title (str):
        metadata (AssessmentLineItemOutMetadataType0 | None | Unset):
        description (None | str | Unset):
        class_ (GUIDRefOut | None | Unset):
        parent_assessment_line_item (GUIDRefOut | None | Unset):
        score_scale (GUIDRefOut | None | Unset):
        result_value_min (float | None | Unset):
        result_value_max (float | None | Unset):
        learning_objective_set (list[ObjectiveSetOut] | None | Unset):
    """

    sourced_id: str
    status: str
    date_last_modified: str
    title: str
    metadata: AssessmentLineItemOutMetadataType0 | None | Unset = UNSET
    description: None | str | Unset = UNSET
    class_: GUIDRefOut | None | Unset = UNSET
    parent_assessment_line_item: GUIDRefOut | None | Unset = UNSET
    score_scale: GUIDRefOut | None | Unset = UNSET
    result_value_min: float | None | Unset = UNSET
    result_value_max: float | None | Unset = UNSET
    learning_objective_set: list[ObjectiveSetOut] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assessment_line_item_out_metadata_type_0 import (
            AssessmentLineItemOutMetadataType0,
        )
        from ..models.guid_ref_out import GUIDRefOut

        sourced_id = self.sourced_id

        status = self.status

        date_last_modified = self.date_last_modified

        title = self.title

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, AssessmentLineItemOutMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        class_: dict[str, Any] | None | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRefOut):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        parent_assessment_line_item: dict[str, Any] | None | Unset
        if isinstance(self.parent_assessment_line_item, Unset):
            parent_assessment_line_item = UNSET
        elif isinstance(self.parent_assessment_line_item, GUIDRefOut):
            parent_assessment_line_item = self.parent_assessment_line_item.to_dict()
        else:
            parent_assessment_line_item = self.parent_assessment_line_item

        score_scale: dict[str, Any] | None | Unset
        if isinstance(self.score_scale, Unset):
            score_scale = UNSET
        elif isinstance(self.score_scale, GUIDRefOut):
            score_scale = self.score_scale.to_dict()
        else:
            score_scale = self.score_scale

        result_value_min: float | None | Unset
        if isinstance(self.result_value_min, Unset):
            result_value_min = UNSET
        else:
            result_value_min = self.result_value_min

        result_value_max: float | None | Unset
        if isinstance(self.result_value_max, Unset):
            result_value_max = UNSET
        else:
            result_value_max = self.result_value_max

        learning_objective_set: list[dict[str, Any]] | None | Unset
        if isinstance(self.learning_objective_set, Unset):
            learning_objective_set = UNSET
        elif isinstance(self.learning_objective_set, list):
            learning_objective_set = []
            for learning_objective_set_type_0_item_data in self.learning_objective_set:
                learning_objective_set_type_0_item = (
                    learning_objective_set_type_0_item_data.to_dict()
                )
                learning_objective_set.append(learning_objective_set_type_0_item)

        else:
            learning_objective_set = self.learning_objective_set

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sourcedId": sourced_id,
                "status": status,
                "dateLastModified": date_last_modified,
                "title": title,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if description is not UNSET:
            field_dict["description"] = description
        if class_ is not UNSET:
            field_dict["class"] = class_
        if parent_assessment_line_item is not UNSET:
            field_dict["parentAssessmentLineItem"] = parent_assessment_line_item
        if score_scale is not UNSET:
            field_dict["scoreScale"] = score_scale
        if result_value_min is not UNSET:
            field_dict["resultValueMin"] = result_value_min
        if result_value_max is not UNSET:
            field_dict["resultValueMax"] = result_value_max
        if learning_objective_set is not UNSET:
            field_dict["learningObjectiveSet"] = learning_objective_set

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assessment_line_item_out_metadata_type_0 import (
            AssessmentLineItemOutMetadataType0,
        )
        from ..models.guid_ref_out import GUIDRefOut
        from ..models.objective_set_out import ObjectiveSetOut

        d = dict(src_dict)
        sourced_id = d.pop("sourcedId")

        status = d.pop("status")

        date_last_modified = d.pop("dateLastModified")

        title = d.pop("title")

        def _parse_metadata(data: object) -> AssessmentLineItemOutMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AssessmentLineItemOutMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssessmentLineItemOutMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_class_(data: object) -> GUIDRefOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                class_type_0 = GUIDRefOut.from_dict(data)

                return class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRefOut | None | Unset, data)

        class_ = _parse_class_(d.pop("class", UNSET))

        def _parse_parent_assessment_line_item(data: object) -> GUIDRefOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_assessment_line_item_type_0 = GUIDRefOut.from_dict(data)

                return parent_assessment_line_item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRefOut | None | Unset, data)

        parent_assessment_line_item = _parse_parent_assessment_line_item(
            d.pop("parentAssessmentLineItem", UNSET)
        )

        def _parse_score_scale(data: object) -> GUIDRefOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                score_scale_type_0 = GUIDRefOut.from_dict(data)

                return score_scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRefOut | None | Unset, data)

        score_scale = _parse_score_scale(d.pop("scoreScale", UNSET))

        def _parse_result_value_min(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        result_value_min = _parse_result_value_min(d.pop("resultValueMin", UNSET))

        def _parse_result_value_max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        result_value_max = _parse_result_value_max(d.pop("resultValueMax", UNSET))

        def _parse_learning_objective_set(data: object) -> list[ObjectiveSetOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                learning_objective_set_type_0 = []
                _learning_objective_set_type_0 = data
                for learning_objective_set_type_0_item_data in _learning_objective_set_type_0:
                    learning_objective_set_type_0_item = ObjectiveSetOut.from_dict(
                        learning_objective_set_type_0_item_data
                    )

                    learning_objective_set_type_0.append(learning_objective_set_type_0_item)

                return learning_objective_set_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ObjectiveSetOut] | None | Unset, data)

        learning_objective_set = _parse_learning_objective_set(d.pop("learningObjectiveSet", UNSET))

        assessment_line_item_out = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            title=title,
            metadata=metadata,
            description=description,
            class_=class_,
            parent_assessment_line_item=parent_assessment_line_item,
            score_scale=score_scale,
            result_value_min=result_value_min,
            result_value_max=result_value_max,
            learning_objective_set=learning_objective_set,
        )

        assessment_line_item_out.additional_properties = d
        return assessment_line_item_out

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
