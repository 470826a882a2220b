from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.term_close_read_state import TermCloseReadState, check_term_close_read_state
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_link import JobLink


T = TypeVar("T", bound="TermCloseRead")


@_attrs_define
class TermCloseRead:
    """
    Attributes:
        session_id (str):
        state (TermCloseReadState): closing while a job freezes a large district (see `job`), then closed
        closed_at (datetime.datetime):
        closed_by (str): The client that closed it
        ends_at (datetime.datetime): The first instant after the session's last day
        reassessment_until (datetime.datetime | None):
        decisions (int | None): How many decisions were frozen (null: closing)
        job (JobLink | None | Unset): Set (with 202) when a job freezes it
    """

    session_id: str
    state: TermCloseReadState
    closed_at: datetime.datetime
    closed_by: str
    ends_at: datetime.datetime
    reassessment_until: datetime.datetime | None
    decisions: int | None
    job: JobLink | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_link import JobLink

        session_id = self.session_id

        state: str = self.state

        closed_at = self.closed_at.isoformat()

        closed_by = self.closed_by

        ends_at = self.ends_at.isoformat()

        reassessment_until: None | str
        if isinstance(self.reassessment_until, datetime.datetime):
            reassessment_until = self.reassessment_until.isoformat()
        else:
            reassessment_until = self.reassessment_until

        decisions: int | None
        decisions = self.decisions

        job: dict[str, Any] | None | Unset
        if isinstance(self.job, Unset):
            job = UNSET
        elif isinstance(self.job, JobLink):
            job = self.job.to_dict()
        else:
            job = self.job

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "state": state,
                "closed_at": closed_at,
                "closed_by": closed_by,
                "ends_at": ends_at,
                "reassessment_until": reassessment_until,
                "decisions": decisions,
            }
        )
        if job is not UNSET:
            field_dict["job"] = job

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_link import JobLink

        d = dict(src_dict)
        session_id = d.pop("session_id")

        state = check_term_close_read_state(d.pop("state"))

        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))

        closed_by = d.pop("closed_by")

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        def _parse_reassessment_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reassessment_until_type_0 = datetime.datetime.fromisoformat(data)

                return reassessment_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reassessment_until = _parse_reassessment_until(d.pop("reassessment_until"))

        def _parse_decisions(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decisions = _parse_decisions(d.pop("decisions"))

        def _parse_job(data: object) -> JobLink | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                job_type_0 = JobLink.from_dict(data)

                return job_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobLink | None | Unset, data)

        job = _parse_job(d.pop("job", UNSET))

        term_close_read = cls(
            session_id=session_id,
            state=state,
            closed_at=closed_at,
            closed_by=closed_by,
            ends_at=ends_at,
            reassessment_until=reassessment_until,
            decisions=decisions,
            job=job,
        )

        term_close_read.additional_properties = d
        return term_close_read

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
