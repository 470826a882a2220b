from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_kind import AuditKind, check_audit_kind

if TYPE_CHECKING:
    from ..models.audit_entry_read_after_type_0 import AuditEntryReadAfterType0
    from ..models.audit_entry_read_before_type_0 import AuditEntryReadBeforeType0


T = TypeVar("T", bound="AuditEntryRead")


@_attrs_define
class AuditEntryRead:
    """
    Attributes:
        seq (int): The entry's place in the trail (ascending).
        at (datetime.datetime):
        actor (str): The API client that acted, or `operator` (the CLI).
        kind (AuditKind):
        subject (str): What changed: a framework, a client, `student/competency`.
        student_id (None | str):
        before (AuditEntryReadBeforeType0 | None):
        after (AuditEntryReadAfterType0 | None):
    """

    seq: int
    at: datetime.datetime
    actor: str
    kind: AuditKind
    subject: str
    student_id: None | str
    before: AuditEntryReadBeforeType0 | None
    after: AuditEntryReadAfterType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_read_after_type_0 import AuditEntryReadAfterType0
        from ..models.audit_entry_read_before_type_0 import AuditEntryReadBeforeType0

        seq = self.seq

        at = self.at.isoformat()

        actor = self.actor

        kind: str = self.kind

        subject = self.subject

        student_id: None | str
        student_id = self.student_id

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEntryReadBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEntryReadAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "kind": kind,
                "subject": subject,
                "student_id": student_id,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_entry_read_after_type_0 import AuditEntryReadAfterType0
        from ..models.audit_entry_read_before_type_0 import AuditEntryReadBeforeType0

        d = dict(src_dict)
        seq = d.pop("seq")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        kind = check_audit_kind(d.pop("kind"))

        subject = d.pop("subject")

        def _parse_student_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        student_id = _parse_student_id(d.pop("student_id"))

        def _parse_before(data: object) -> AuditEntryReadBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEntryReadBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryReadBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> AuditEntryReadAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEntryReadAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryReadAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        audit_entry_read = cls(
            seq=seq,
            at=at,
            actor=actor,
            kind=kind,
            subject=subject,
            student_id=student_id,
            before=before,
            after=after,
        )

        audit_entry_read.additional_properties = d
        return audit_entry_read

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
