from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.code_minor import CodeMinor


T = TypeVar("T", bound="StatusInfo")


@_attrs_define
class StatusInfo:
    """OneRoster's imsx_StatusInfo: what went wrong, in the standard's vocabulary.

    Attributes:
        imsx_code_major (Literal['failure']):
        imsx_severity (Literal['error']):
        imsx_description (str):
        imsx_code_minor (CodeMinor):
    """

    imsx_code_major: Literal["failure"]
    imsx_severity: Literal["error"]
    imsx_description: str
    imsx_code_minor: CodeMinor
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imsx_code_major = self.imsx_code_major

        imsx_severity = self.imsx_severity

        imsx_description = self.imsx_description

        imsx_code_minor = self.imsx_code_minor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imsx_codeMajor": imsx_code_major,
                "imsx_severity": imsx_severity,
                "imsx_description": imsx_description,
                "imsx_CodeMinor": imsx_code_minor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.code_minor import CodeMinor

        d = dict(src_dict)
        imsx_code_major = cast(Literal["failure"], d.pop("imsx_codeMajor"))
        if imsx_code_major != "failure":
            raise ValueError(f"imsx_codeMajor must match const 'failure', got '{imsx_code_major}'")

        imsx_severity = cast(Literal["error"], d.pop("imsx_severity"))
        if imsx_severity != "error":
            raise ValueError(f"imsx_severity must match const 'error', got '{imsx_severity}'")

        imsx_description = d.pop("imsx_description")

        imsx_code_minor = CodeMinor.from_dict(d.pop("imsx_CodeMinor"))

        status_info = cls(
            imsx_code_major=imsx_code_major,
            imsx_severity=imsx_severity,
            imsx_description=imsx_description,
            imsx_code_minor=imsx_code_minor,
        )

        status_info.additional_properties = d
        return status_info

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
