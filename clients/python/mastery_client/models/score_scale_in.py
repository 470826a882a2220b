from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.guid_ref import GUIDRef
    from ..models.score_scale_in_metadata_type_0 import ScoreScaleInMetadataType0
    from ..models.score_scale_value_in import ScoreScaleValueIn


T = TypeVar("T", bound="ScoreScaleIn")


@_attrs_define
class ScoreScaleIn:
    """
    Attributes:
        sourced_id (None | str | Unset): Must equal the path's, if given.
        status (None | str | Unset): active (default) or tobedeleted
        date_last_modified (None | str | Unset): Ignored: set by the service.
        metadata (None | ScoreScaleInMetadataType0 | Unset):
        title (None | str | Unset): Required.
        type_ (None | str | Unset): Required: e.g. proficiency, letter grade.
        class_ (GUIDRef | None | str | Unset): Required: its class.
        course (GUIDRef | None | str | Unset):
        score_scale_value (list[ScoreScaleValueIn] | None | ScoreScaleValueIn | Unset): Required: at least one value.
    """

    sourced_id: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    date_last_modified: None | str | Unset = UNSET
    metadata: None | ScoreScaleInMetadataType0 | Unset = UNSET
    title: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    class_: GUIDRef | None | str | Unset = UNSET
    course: GUIDRef | None | str | Unset = UNSET
    score_scale_value: list[ScoreScaleValueIn] | None | ScoreScaleValueIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.guid_ref import GUIDRef
        from ..models.score_scale_in_metadata_type_0 import ScoreScaleInMetadataType0
        from ..models.score_scale_value_in import ScoreScaleValueIn

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
        elif isinstance(self.metadata, ScoreScaleInMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        class_: dict[str, Any] | None | str | Unset
        if isinstance(self.class_, Unset):
            class_ = UNSET
        elif isinstance(self.class_, GUIDRef):
            class_ = self.class_.to_dict()
        else:
            class_ = self.class_

        course: dict[str, Any] | None | str | Unset
        if isinstance(self.course, Unset):
            course = UNSET
        elif isinstance(self.course, GUIDRef):
            course = self.course.to_dict()
        else:
            course = self.course

        score_scale_value: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.score_scale_value, Unset):
            score_scale_value = UNSET
        elif isinstance(self.score_scale_value, list):
            score_scale_value = []
            for score_scale_value_type_0_item_data in self.score_scale_value:
                score_scale_value_type_0_item = score_scale_value_type_0_item_data.to_dict()
                score_scale_value.append(score_scale_value_type_0_item)

        elif isinstance(self.score_scale_value, ScoreScaleValueIn):
            score_scale_value = self.score_scale_value.to_dict()
        else:
            score_scale_value = self.score_scale_value

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
        if type_ is not UNSET:
            field_dict["type"] = type_
        if class_ is not UNSET:
            field_dict["class"] = class_
        if course is not UNSET:
            field_dict["course"] = course
        if score_scale_value is not UNSET:
            field_dict["scoreScaleValue"] = score_scale_value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.guid_ref import GUIDRef
        from ..models.score_scale_in_metadata_type_0 import ScoreScaleInMetadataType0
        from ..models.score_scale_value_in import ScoreScaleValueIn

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

        def _parse_metadata(data: object) -> None | ScoreScaleInMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = ScoreScaleInMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScoreScaleInMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

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

        def _parse_course(data: object) -> GUIDRef | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                course_type_0 = GUIDRef.from_dict(data)

                return course_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GUIDRef | None | str | Unset, data)

        course = _parse_course(d.pop("course", UNSET))

        def _parse_score_scale_value(
            data: object,
        ) -> list[ScoreScaleValueIn] | None | ScoreScaleValueIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                score_scale_value_type_0 = []
                _score_scale_value_type_0 = data
                for score_scale_value_type_0_item_data in _score_scale_value_type_0:
                    score_scale_value_type_0_item = ScoreScaleValueIn.from_dict(
                        score_scale_value_type_0_item_data
                    )

                    score_scale_value_type_0.append(score_scale_value_type_0_item)

                return score_scale_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                score_scale_value_type_1 = ScoreScaleValueIn.from_dict(data)

                return score_scale_value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ScoreScaleValueIn] | None | ScoreScaleValueIn | Unset, data)

        score_scale_value = _parse_score_scale_value(d.pop("scoreScaleValue", UNSET))

        score_scale_in = cls(
            sourced_id=sourced_id,
            status=status,
            date_last_modified=date_last_modified,
            metadata=metadata,
            title=title,
            type_=type_,
            class_=class_,
            course=course,
            score_scale_value=score_scale_value,
        )

        score_scale_in.additional_properties = d
        return score_scale_in

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
