from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref_out import GUIDRefOut
    from ..models.score_scale_out_metadata_type_0 import ScoreScaleOutMetadataType0
    from ..models.score_scale_value_out import ScoreScaleValueOut


T = TypeVar("T", bound="ScoreScaleOut")


@_attrs_define
class ScoreScaleOut:
    """
    Attributes:
        sourced_id (str):
        status (str):
        date_last_modified (str):
        title (str):
        type_ (str):
        class_ (GUIDRefOut):
        score_scale_value (list[ScoreScaleValueOut]):
        metadata (None | ScoreScaleOutMetadataType0 | Unset):
        course (GUIDRefOut | None | Unset):
    """

    sourced_id: str
    status: str
    date_last_modified: str
    title: str
    type_: str
    class_: GUIDRefOut
    score_scale_value: list[ScoreScaleValueOut]
    metadata: None | ScoreScaleOutMetadataType0 | Unset = UNSET
    course: GUIDRefOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.guid_ref_out import GUIDRefOut
        from ..models.score_scale_out_metadata_type_0 import ScoreScaleOutMetadataType0

        sourced_id = self.sourced_id

        status = self.status

        date_last_modified = self.date_last_modified

        title = self.title

        type_ = self.type_

        class_ = self.class_.to_dict()

        score_scale_value = []
        for score_scale_value_item_data in self.score_scale_value:
            score_scale_value_item = score_scale_value_item_data.to_dict()
            score_scale_value.append(score_scale_value_item)

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, ScoreScaleOutMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        course: dict[str, Any] | None | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, GUIDRefOut):
            course = self.course.to_dict()
        else:
            course = self.course

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sourcedId": sourced_id,
                "status": status,
                "dateLastModified": date_last_modified,
                "title": title,
                "type": type_,
                "class": class_,
                "scoreScaleValue": score_scale_value,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if course is not UNSET:
            field_dict["course"] = course

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guid_ref_out import GUIDRefOut
        from ..models.score_scale_out_metadata_type_0 import ScoreScaleOutMetadataType0
        from ..models.score_scale_value_out import ScoreScaleValueOut

        d = dict(src_dict)
        sourced_id = d.pop("sourcedId")

        status = d.pop("status")

        date_last_modified = d.pop("dateLastModified")

        title = d.pop("title")

        type_ = d.pop("type")

        class_ = GUIDRefOut.from_dict(d.pop("class"))

        score_scale_value = []
        _score_scale_value = d.pop("scoreScaleValue")
        for score_scale_value_item_data in _score_scale_value:
            score_scale_value_item = ScoreScaleValueOut.from_dict(score_scale_value_item_data)

            score_scale_value.append(score_scale_value_item)

        def _parse_metadata(data: object) -> None | ScoreScaleOutMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = ScoreScaleOutMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScoreScaleOutMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_course(data: object) -> GUIDRefOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                course_type_0 = GUIDRefOut.from_dict(data)

                return course_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRefOut | None | Unset, data)

        course = _parse_course(d.pop("course", UNSET))

        score_scale_out = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            title=title,
            type_=type_,
            class_=class_,
            score_scale_value=score_scale_value,
            metadata=metadata,
            course=course,
        )

        score_scale_out.additional_properties = d
        return score_scale_out

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
