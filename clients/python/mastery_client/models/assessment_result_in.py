from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assessment_result_in_metadata_type_0 import AssessmentResultInMetadataType0
    from ..models.guid_ref import GUIDRef
    from ..models.objective_set_in import ObjectiveSetIn


T = TypeVar("T", bound="AssessmentResultIn")


@_attrs_define
class AssessmentResultIn:
    """
    Attributes:
        sourced_id (None | str | Unset): Must equal the path's, if given.
        status (None | str | Unset): active (default) or tobedeleted
        date_last_modified (None | str | Unset): Ignored: set by the service.
        metadata (AssessmentResultInMetadataType0 | None | Unset):
        line_item (GUIDRef | None | str | Unset):
        student (GUIDRef | None | str | Unset):
        class_ (GUIDRef | None | str | Unset):
        score_scale (GUIDRef | None | str | Unset):
        score_status (None | str | Unset): exempt, fully graded, not submitted, partially graded, submitted; only fully
            graded results are evidence
        score (float | None | Unset):
        text_score (None | str | Unset):
        score_date (None | str | Unset): A date (noon UTC) or a date-time (no zone: UTC).
        comment (None | str | Unset):
        learning_objective_set (list[ObjectiveSetIn] | None | ObjectiveSetIn | Unset): Scores per learning objective
            (competency ids).
        in_progress (bool | None | Unset):
        incomplete (bool | None | Unset):
        late (bool | None | Unset):
        missing (bool | None | Unset):
        assessment_line_item (GUIDRef | None | str | Unset): Required.
    """

    sourced_id: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    date_last_modified: None | str | Unset = UNSET
    metadata: AssessmentResultInMetadataType0 | None | Unset = UNSET
    line_item: GUIDRef | None | str | Unset = UNSET
    student: GUIDRef | None | str | Unset = UNSET
    class_: GUIDRef | None | str | Unset = UNSET
    score_scale: GUIDRef | None | str | Unset = UNSET
    score_status: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    text_score: None | str | Unset = UNSET
    score_date: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    learning_objective_set: list[ObjectiveSetIn] | None | ObjectiveSetIn | Unset = UNSET
    in_progress: bool | None | Unset = UNSET
    incomplete: bool | None | Unset = UNSET
    late: bool | None | Unset = UNSET
    missing: bool | None | Unset = UNSET
    assessment_line_item: GUIDRef | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assessment_result_in_metadata_type_0 import AssessmentResultInMetadataType0
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
        elif isinstance(self.metadata, AssessmentResultInMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        line_item: dict[str, Any] | None | str | Unset
        if isinstance(self.line_item, Unset):
            line_item = UNSET
        elif isinstance(self.line_item, GUIDRef):
            line_item = self.line_item.to_dict()
        else:
            line_item = self.line_item

        student: dict[str, Any] | None | str | Unset
        if isinstance(self.student, Unset):
            student = UNSET
        elif isinstance(self.student, GUIDRef):
            student = self.student.to_dict()
        else:
            student = self.student

        class_: dict[str, Any] | None | str | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        score_scale: dict[str, Any] | None | str | Unset
        if isinstance(self.score_scale, Unset):
            score_scale = UNSET
        elif isinstance(self.score_scale, GUIDRef):
            score_scale = self.score_scale.to_dict()
        else:
            score_scale = self.score_scale

        score_status: None | str | Unset
        if isinstance(self.score_status, Unset):
            score_status = UNSET
        else:
            score_status = self.score_status

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

        score_date: None | str | Unset
        if isinstance(self.score_date, Unset):
            score_date = UNSET
        else:
            score_date = self.score_date

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

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

        in_progress: bool | None | Unset
        if isinstance(self.in_progress, Unset):
            in_progress = UNSET
        else:
            in_progress = self.in_progress

        incomplete: bool | None | Unset
        if isinstance(self.incomplete, Unset):
            incomplete = UNSET
        else:
            incomplete = self.incomplete

        late: bool | None | Unset
        if isinstance(self.late, Unset):
            late = UNSET
        else:
            late = self.late

        missing: bool | None | Unset
        if isinstance(self.missing, Unset):
            missing = UNSET
        else:
            missing = self.missing

        assessment_line_item: dict[str, Any] | None | str | Unset
        if isinstance(self.assessment_line_item, Unset):
            assessment_line_item = UNSET
        elif isinstance(self.assessment_line_item, GUIDRef):
            assessment_line_item = self.assessment_line_item.to_dict()
        else:
            assessment_line_item = self.assessment_line_item

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
        if line_item is not UNSET:
            field_dict["lineItem"] = line_item
        if student is not UNSET:
            field_dict["student"] = student
        if class_ is not UNSET:
            field_dict["class"] = class_
        if score_scale is not UNSET:
            field_dict["scoreScale"] = score_scale
        if score_status is not UNSET:
            field_dict["scoreStatus"] = score_status
        if score is not UNSET:
            field_dict["score"] = score
        if text_score is not UNSET:
            field_dict["textScore"] = text_score
        if score_date is not UNSET:
            field_dict["scoreDate"] = score_date
        if comment is not UNSET:
            field_dict["comment"] = comment
        if learning_objective_set is not UNSET:
            field_dict["learningObjectiveSet"] = learning_objective_set
        if in_progress is not UNSET:
            field_dict["inProgress"] = in_progress
        if incomplete is not UNSET:
            field_dict["incomplete"] = incomplete
        if late is not UNSET:
            field_dict["late"] = late
        if missing is not UNSET:
            field_dict["missing"] = missing
        if assessment_line_item is not UNSET:
            field_dict["assessmentLineItem"] = assessment_line_item

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assessment_result_in_metadata_type_0 import AssessmentResultInMetadataType0
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

        def _parse_metadata(data: object) -> AssessmentResultInMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AssessmentResultInMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssessmentResultInMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_line_item(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                line_item_type_0 = GUIDRef.from_dict(data)

                return line_item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

        line_item = _parse_line_item(d.pop("lineItem", UNSET))

        def _parse_student(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                student_type_0 = GUIDRef.from_dict(data)

                return student_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

        student = _parse_student(d.pop("student", UNSET))

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

        def _parse_score_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        score_status = _parse_score_status(d.pop("scoreStatus", UNSET))

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

        def _parse_score_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        score_date = _parse_score_date(d.pop("scoreDate", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

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

        def _parse_in_progress(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        in_progress = _parse_in_progress(d.pop("inProgress", UNSET))

        def _parse_incomplete(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        incomplete = _parse_incomplete(d.pop("incomplete", UNSET))

        def _parse_late(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        late = _parse_late(d.pop("late", UNSET))

        def _parse_missing(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        missing = _parse_missing(d.pop("missing", UNSET))

        def _parse_assessment_line_item(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assessment_line_item_type_0 = GUIDRef.from_dict(data)

                return assessment_line_item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

        assessment_line_item = _parse_assessment_line_item(d.pop("assessmentLineItem", UNSET))

        assessment_result_in = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            metadata=metadata,
            line_item=line_item,
            student=student,
            class_=class_,
            score_scale=score_scale,
            score_status=score_status,
            score=score,
            text_score=text_score,
            score_date=score_date,
            comment=comment,
            learning_objective_set=learning_objective_set,
            in_progress=in_progress,
            incomplete=incomplete,
            late=late,
            missing=missing,
            assessment_line_item=assessment_line_item,
        )

        assessment_result_in.additional_properties = d
        return assessment_result_in

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
