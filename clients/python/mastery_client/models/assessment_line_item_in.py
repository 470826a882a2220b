from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_line_item_in_metadata_type_0 import AssessmentLineItemInMetadataType0
    from ..models.guid_ref import GUIDRef
    from ..models.objective_set_in import ObjectiveSetIn


T = TypeVar("T", bound="AssessmentLineItemIn")


@_attrs_define
class AssessmentLineItemIn:
    """An assessment line item: a line item's fields, its class optional
    (parentAssessmentLineItem is accepted and not kept).

        Attributes:
            sourced_id (None | str | Unset): Must equal the path's, if given.
            status (None | str | Unset): active (default) or tobedeleted
            date_last_modified (None | str | Unset): Ignored: set by the service.
            metadata (AssessmentLineItemInMetadataType0 | None | Unset):
            title (None | str | Unset):
            description (None | str | Unset):
            assign_date (None | str | Unset):
            due_date (None | str | Unset):
            class_ (GUIDRef | None | str | Unset):
            school (GUIDRef | None | str | Unset):
            category (GUIDRef | None | str | Unset):
            score_scale (GUIDRef | None | str | Unset):
            result_value_min (float | None | Unset):
            result_value_max (float | None | Unset):
            learning_objective_set (list[ObjectiveSetIn] | None | ObjectiveSetIn | Unset): Alignments: competency ids (CASE
                identifiers) per source.
    """

    sourced_id: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    date_last_modified: None | str | Unset = UNSET
    metadata: AssessmentLineItemInMetadataType0 | None | Unset = UNSET
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    assign_date: None | str | Unset = UNSET
    due_date: None | str | Unset = UNSET
    class_: GUIDRef | None | str | Unset = UNSET
    school: GUIDRef | None | str | Unset = UNSET
    category: GUIDRef | None | str | Unset = UNSET
    score_scale: GUIDRef | None | str | Unset = UNSET
    result_value_min: float | None | Unset = UNSET
    result_value_max: float | None | Unset = UNSET
    learning_objective_set: list[ObjectiveSetIn] | None | ObjectiveSetIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assessment_line_item_in_metadata_type_0 import (
            AssessmentLineItemInMetadataType0,
        )
        from ..models.guid_ref import GUIDRef
        from ..models.objective_set_in import ObjectiveSetIn

        sourced_id: None | str | Unset
        if isinstance(self.sourced_id, Unset):
            sourced_id = UNSET
        else:
            sourced_id = self.sourced_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        date_last_modified: None | str | Unset
        if isinstance(self.date_last_modified, Unset):
            date_last_modified = UNSET
        else:
            date_last_modified = self.date_last_modified

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, AssessmentLineItemInMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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

        assign_date: None | str | Unset
        if isinstance(self.assign_date, Unset):
            assign_date = UNSET
        else:
            assign_date = self.assign_date

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        else:
            due_date = self.due_date

        class_: dict[str, Any] | None | str | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        school: dict[str, Any] | None | str | Unset
        if isinstance(self.school, Unset):
            school = UNSET
        elif isinstance(self.school, GUIDRef):
            school = self.school.to_dict()
        else:
            school = self.school

        category: dict[str, Any] | None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, GUIDRef):
            category = self.category.to_dict()
        else:
            category = self.category

        score_scale: dict[str, Any] | None | str | Unset
        if isinstance(self.score_scale, Unset):
            score_scale = UNSET
        elif isinstance(self.score_scale, GUIDRef):
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

        learning_objective_set: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.learning_objective_set, Unset):
            learning_objective_set = UNSET
        elif isinstance(self.learning_objective_set, list):
            learning_objective_set = []
            for learning_objective_set_type_0_item_data in self.learning_objective_set:
                learning_objective_set_type_0_item = (
                    learning_objective_set_type_0_item_data.to_dict()
                )
                learning_objective_set.append(learning_objective_set_type_0_item)

        elif isinstance(self.learning_objective_set, ObjectiveSetIn):
            learning_objective_set = self.learning_objective_set.to_dict()
        else:
            learning_objective_set = self.learning_objective_set

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sourced_id is not UNSET:
            field_dict["sourcedId"] = sourced_id
        if status is not UNSET:
            field_dict["status"] = status
        if date_last_modified is not UNSET:
            field_dict["dateLastModified"] = date_last_modified
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if assign_date is not UNSET:
            field_dict["assignDate"] = assign_date
        if due_date is not UNSET:
            field_dict["dueDate"] = due_date
        if class_ is not UNSET:
            field_dict["class"] = class_
        if school is not UNSET:
            field_dict["school"] = school
        if category is not UNSET:
            field_dict["category"] = category
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
        from ..models.assessment_line_item_in_metadata_type_0 import (
            AssessmentLineItemInMetadataType0,
        )
        from ..models.guid_ref import GUIDRef
        from ..models.objective_set_in import ObjectiveSetIn

        d = dict(src_dict)

        def _parse_sourced_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sourced_id = _parse_sourced_id(d.pop("sourcedId", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_date_last_modified(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_last_modified = _parse_date_last_modified(d.pop("dateLastModified", UNSET))

        def _parse_metadata(data: object) -> AssessmentLineItemInMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AssessmentLineItemInMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssessmentLineItemInMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

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

        def _parse_assign_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assign_date = _parse_assign_date(d.pop("assignDate", UNSET))

        def _parse_due_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_date = _parse_due_date(d.pop("dueDate", UNSET))

        def _parse_class_(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                class_type_0 = GUIDRef.from_dict(data)

                return class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

        class_ = _parse_class_(d.pop("class", UNSET))

        def _parse_school(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                school_type_0 = GUIDRef.from_dict(data)

                return school_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

        school = _parse_school(d.pop("school", UNSET))

        def _parse_category(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                category_type_0 = GUIDRef.from_dict(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_score_scale(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                score_scale_type_0 = GUIDRef.from_dict(data)

                return score_scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

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

        def _parse_learning_objective_set(
            data: object,
        ) -> list[ObjectiveSetIn] | None | ObjectiveSetIn | Unset:
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
                    learning_objective_set_type_0_item = ObjectiveSetIn.from_dict(
                        learning_objective_set_type_0_item_data
                    )

                    learning_objective_set_type_0.append(learning_objective_set_type_0_item)

                return learning_objective_set_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                learning_objective_set_type_1 = ObjectiveSetIn.from_dict(data)

                return learning_objective_set_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ObjectiveSetIn] | None | ObjectiveSetIn | Unset, data)

        learning_objective_set = _parse_learning_objective_set(d.pop("learningObjectiveSet", UNSET))

        assessment_line_item_in = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            metadata=metadata,
            title=title,
            description=description,
            assign_date=assign_date,
            due_date=due_date,
            class_=class_,
            school=school,
            category=category,
            score_scale=score_scale,
            result_value_min=result_value_min,
            result_value_max=result_value_max,
            learning_objective_set=learning_objective_set,
        )

        assessment_line_item_in.additional_properties = d
        return assessment_line_item_in

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
