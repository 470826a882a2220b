from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus, check_job_status

if TYPE_CHECKING:
    from ..models.job_read_errors_item import JobReadErrorsItem
    from ..models.job_read_result import JobReadResult


T = TypeVar("T", bound="JobRead")


@_attrs_define
class JobRead:
    """
    Attributes:
        id (str):
        kind (str): What the job does, e.g. `roster_import`.
        status (JobStatus):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        done (int): Units of work finished (rows, decisions).
        total (int | None): Units of work in all, when known.
        result (JobReadResult): Counts and outcome, filled in as the job runs.
        errors (list[JobReadErrorsItem]): Every problem found, as {loc, msg}.
    """

    id: str
    kind: str
    status: JobStatus
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    done: int
    total: int | None
    result: JobReadResult
    errors: list[JobReadErrorsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        status: str = self.status

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        done = self.done

        total: int | None
        total = self.total

        result = self.result.to_dict()

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "status": status,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "done": done,
                "total": total,
                "result": result,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_read_errors_item import JobReadErrorsItem
        from ..models.job_read_result import JobReadResult

        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        status = check_job_status(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        done = d.pop("done")

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        result = JobReadResult.from_dict(d.pop("result"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = JobReadErrorsItem.from_dict(errors_item_data)

            errors.append(errors_item)

        job_read = cls(
            id=id,
            kind=kind,
            status=status,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            done=done,
            total=total,
            result=result,
            errors=errors,
        )

        job_read.additional_properties = d
        return job_read

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
