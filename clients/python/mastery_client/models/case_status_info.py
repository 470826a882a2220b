from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_status_info_imsx_codemajor import (
    CaseStatusInfoImsxCodemajor,
    check_case_status_info_imsx_codemajor,
)
from ..models.case_status_info_imsx_severity import (
    CaseStatusInfoImsxSeverity,
    check_case_status_info_imsx_severity,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_code_minor import CaseCodeMinor


T = TypeVar("T", bound="CaseStatusInfo")


@_attrs_define
class CaseStatusInfo:
    """CASE 1.0's imsx_StatusInfo, with RFC 9457's fields beside it.

    Attributes:
        imsx_code_major (CaseStatusInfoImsxCodemajor):
        imsx_severity (CaseStatusInfoImsxSeverity):
        imsx_description (None | str | Unset):
        imsx_code_minor (CaseCodeMinor | None | Unset):
        type_ (None | str | Unset):
        title (None | str | Unset):
        status (int | None | Unset):
        detail (None | str | Unset):
    """

    imsx_code_major: CaseStatusInfoImsxCodemajor
    imsx_severity: CaseStatusInfoImsxSeverity
    imsx_description: None | str | Unset = UNSET
    imsx_code_minor: CaseCodeMinor | None | Unset = UNSET
    type_: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    status: int | None | Unset = UNSET
    detail: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_code_minor import CaseCodeMinor

        imsx_code_major: str = self.imsx_code_major

        imsx_severity: str = self.imsx_severity

        imsx_description: None | str | Unset
        if isinstance(self.imsx_description, Unset):
            imsx_description = UNSET
        else:
            imsx_description = self.imsx_description

        imsx_code_minor: dict[str, Any] | None | Unset
        if isinstance(self.imsx_code_minor, Unset):
            imsx_code_minor = UNSET
        elif isinstance(self.imsx_code_minor, CaseCodeMinor):
            imsx_code_minor = self.imsx_code_minor.to_dict()
        else:
            imsx_code_minor = self.imsx_code_minor

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        status: int | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imsx_codeMajor": imsx_code_major,
                "imsx_severity": imsx_severity,
            }
        )
        if imsx_description is not UNSET:
            field_dict["imsx_description"] = imsx_description
        if imsx_code_minor is not UNSET:
            field_dict["imsx_codeMinor"] = imsx_code_minor
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_code_minor import CaseCodeMinor

        d = dict(src_dict)
        imsx_code_major = check_case_status_info_imsx_codemajor(d.pop("imsx_codeMajor"))

        imsx_severity = check_case_status_info_imsx_severity(d.pop("imsx_severity"))

        def _parse_imsx_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        imsx_description = _parse_imsx_description(d.pop("imsx_description", UNSET))

        def _parse_imsx_code_minor(data: object) -> CaseCodeMinor | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                imsx_code_minor_type_0 = CaseCodeMinor.from_dict(data)

                return imsx_code_minor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseCodeMinor | None | Unset, data)

        imsx_code_minor = _parse_imsx_code_minor(d.pop("imsx_codeMinor", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        case_status_info = cls(
            imsx_code_major=imsx_code_major,
            imsx_severity=imsx_severity,
            imsx_description=imsx_description,
            imsx_code_minor=imsx_code_minor,
            type_=type_,
            title=title,
            status=status,
            detail=detail,
        )

        case_status_info.additional_properties = d
        return case_status_info

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
