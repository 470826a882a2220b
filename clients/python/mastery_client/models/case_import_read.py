from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_warning_read import CaseWarningRead
    from ..models.job_link import JobLink


T = TypeVar("T", bound="CaseImportRead")


@_attrs_define
class CaseImportRead:
    """
    Attributes:
        framework_id (str):
        case_identifier (str): The CFDocument identifier
        title (str):
        created (bool): False when an earlier import was updated in place
        added (list[str]): Competency ids
        changed (list[str]): Text, type, place in the tree or status changed
        reordered (list[str]): Only their order among siblings changed
        retired (list[str]): Gone from the package: kept, with their history
        unchanged (int):
        warnings (list[CaseWarningRead]): What was accepted though not CASE 1.0
        recompute_job (JobLink | None | Unset):
    """

    framework_id: str
    case_identifier: str
    title: str
    created: bool
    added: list[str]
    changed: list[str]
    reordered: list[str]
    retired: list[str]
    unchanged: int
    warnings: list[CaseWarningRead]
    recompute_job: JobLink | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_link import JobLink

        framework_id = self.framework_id

        case_identifier = self.case_identifier

        title = self.title

        created = self.created

        added = self.added

        changed = self.changed

        reordered = self.reordered

        retired = self.retired

        unchanged = self.unchanged

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        recompute_job: dict[str, Any] | None | Unset
        if isinstance(self.recompute_job, Unset):
            recompute_job = UNSET
        elif isinstance(self.recompute_job, JobLink):
            recompute_job = self.recompute_job.to_dict()
        else:
            recompute_job = self.recompute_job

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework_id": framework_id,
                "case_identifier": case_identifier,
                "title": title,
                "created": created,
                "added": added,
                "changed": changed,
                "reordered": reordered,
                "retired": retired,
                "unchanged": unchanged,
                "warnings": warnings,
            }
        )
        if recompute_job is not UNSET:
            field_dict["recompute_job"] = recompute_job

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_warning_read import CaseWarningRead
        from ..models.job_link import JobLink

        d = dict(src_dict)
        framework_id = d.pop("framework_id")

        case_identifier = d.pop("case_identifier")

        title = d.pop("title")

        created = d.pop("created")

        added = cast(list[str], d.pop("added"))

        changed = cast(list[str], d.pop("changed"))

        reordered = cast(list[str], d.pop("reordered"))

        retired = cast(list[str], d.pop("retired"))

        unchanged = d.pop("unchanged")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = CaseWarningRead.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        def _parse_recompute_job(data: object) -> JobLink | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recompute_job_type_0 = JobLink.from_dict(data)

                return recompute_job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobLink | None | Unset, data)

        recompute_job = _parse_recompute_job(d.pop("recompute_job", UNSET))

        case_import_read = cls(
            framework_id=framework_id,
            case_identifier=case_identifier,
            title=title,
            created=created,
            added=added,
            changed=changed,
            reordered=reordered,
            retired=retired,
            unchanged=unchanged,
            warnings=warnings,
            recompute_job=recompute_job,
        )

        case_import_read.additional_properties = d
        return case_import_read

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
