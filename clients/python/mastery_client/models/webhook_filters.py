from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookFilters")


@_attrs_define
class WebhookFilters:
    """
    Attributes:
        school_ids (list[str] | None | Unset): Events about these schools.
        class_ids (list[str] | None | Unset): Events about these classes.
        framework_ids (list[str] | None | Unset): Events of these frameworks.
    """

    school_ids: list[str] | None | Unset = UNSET
    class_ids: list[str] | None | Unset = UNSET
    framework_ids: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        school_ids: list[str] | None | Unset
        if isinstance(self.school_ids, Unset):
            school_ids = UNSET
        elif isinstance(self.school_ids, list):
            school_ids = self.school_ids

        else:
            school_ids = self.school_ids

        class_ids: list[str] | None | Unset
        if isinstance(self.class_ids, Unset):
            class_ids = UNSET
        elif isinstance(self.class_ids, list):
            class_ids = self.class_ids

        else:
            class_ids = self.class_ids

        framework_ids: list[str] | None | Unset
        if isinstance(self.framework_ids, Unset):
            framework_ids = UNSET
        elif isinstance(self.framework_ids, list):
            framework_ids = self.framework_ids

        else:
            framework_ids = self.framework_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if school_ids is not UNSET:
            field_dict["school_ids"] = school_ids
        if class_ids is not UNSET:
            field_dict["class_ids"] = class_ids
        if framework_ids is not UNSET:
            field_dict["framework_ids"] = framework_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_school_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                school_ids_type_0 = cast(list[str], data)

                return school_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        school_ids = _parse_school_ids(d.pop("school_ids", UNSET))

        def _parse_class_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                class_ids_type_0 = cast(list[str], data)

                return class_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        class_ids = _parse_class_ids(d.pop("class_ids", UNSET))

        def _parse_framework_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                framework_ids_type_0 = cast(list[str], data)

                return framework_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        framework_ids = _parse_framework_ids(d.pop("framework_ids", UNSET))

        webhook_filters = cls(
            school_ids=school_ids,
            class_ids=class_ids,
            framework_ids=framework_ids,
        )

        return webhook_filters
