from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_result_out_metadata_type_0 import AssessmentResultOutMetadataType0
    from ..models.guid_ref_out import GUIDRefOut
    from ..models.objective_results_out import ObjectiveResultsOut


T = TypeVar("T", bound="AssessmentResultOut")


@_attrs_define
class AssessmentResultOut:
    """
    Attributes:
        sourced_id (str):
        status (str):
        date_last_modified (str):
        assessment_line_item (GUIDRefOut):
        student (GUIDRefOut):
        score_status (str):
        score_date (str):
        metadata (AssessmentResultOutMetadataType0 | None | Unset):
        score_scale (GUIDRefOut | None | Unset):
        score (float | None | Unset):
        text_score (None | str | Unset):
        comment (None | str | Unset):
        learning_objective_set (list[ObjectiveResultsOut] | None | Unset):
    """

    sourced_id: str
    status: str
    date_last_modified: str
    assessment_line_item: GUIDRefOut
    student: GUIDRefOut
    score_status: str
    score_date: str
    metadata: AssessmentResultOutMetadataType0 | None | Unset = UNSET
    score_scale: GUIDRefOut | None | Unset = UNSET
    score: float | None | Unset = UNSET
    text_score: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    learning_objective_set: list[ObjectiveResultsOut] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assessment_result_out_metadata_type_0 import AssessmentResultOutMetadataType0
        from ..models.guid_ref_out import GUIDRefOut

        sourced_id = self.sourced_id

        status = self.status

        date_last_modified = self.date_last_modified

        assessment_line_item = self.assessment_line_item.to_dict()

        student = self.student.to_dict()

        score_status = self.score_status

        score_date = self.score_date

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, AssessmentResultOutMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        score_scale: dict[str, Any] | None | Unset
        if isinstance(self.score_scale, Unset):
            score_scale = UNSET
        elif isinstance(self.score_scale, GUIDRefOut):
            score_scale = self.score_scale.to_dict()
        else:
            score_scale = self.score_scale

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        text_score: None | str | Unset
        if isinstance(self.text_score, Unset):
            text_score = UNSET
        else:
            text_score = self.text_score

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

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
                "assessmentLineItem": assessment_line_item,
                "student": student,
                "scoreStatus": score_status,
                "scoreDate": score_date,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if score_scale is not UNSET:
            field_dict["scoreScale"] = score_scale
        if score is not UNSET:
            field_dict["score"] = score
        if text_score is not UNSET:
            field_dict["textScore"] = text_score
        if comment is not UNSET:
            field_dict["comment"] = comment
        if learning_objective_set is not UNSET:
            field_dict["learningObjectiveSet"] = learning_objective_set

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assessment_result_out_metadata_type_0 import AssessmentResultOutMetadataType0
        from ..models.guid_ref_out import GUIDRefOut
        from ..models.objective_results_out import ObjectiveResultsOut

        d = dict(src_dict)
        sourced_id = d.pop("sourcedId")

        status = d.pop("status")

        date_last_modified = d.pop("dateLastModified")

        assessment_line_item = GUIDRefOut.from_dict(d.pop("assessmentLineItem"))

        student = GUIDRefOut.from_dict(d.pop("student"))

        score_status = d.pop("scoreStatus")

        score_date = d.pop("scoreDate")

        def _parse_metadata(data: object) -> AssessmentResultOutMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AssessmentResultOutMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssessmentResultOutMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

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

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_text_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_score = _parse_text_score(d.pop("textScore", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_learning_objective_set(data: object) -> list[ObjectiveResultsOut] | None | Unset:
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
                    learning_objective_set_type_0_item = ObjectiveResultsOut.from_dict(
                        learning_objective_set_type_0_item_data
                    )

                    learning_objective_set_type_0.append(learning_objective_set_type_0_item)

                return learning_objective_set_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ObjectiveResultsOut] | None | Unset, data)

        learning_objective_set = _parse_learning_objective_set(d.pop("learningObjectiveSet", UNSET))

        assessment_result_out = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            assessment_line_item=assessment_line_item,
            student=student,
            score_status=score_status,
            score_date=score_date,
            metadata=metadata,
            score_scale=score_scale,
            score=score,
            text_score=text_score,
            comment=comment,
            learning_objective_set=learning_objective_set,
        )

        assessment_result_out.additional_properties = d
        return assessment_result_out

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
