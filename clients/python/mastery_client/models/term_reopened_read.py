from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.term_close_read import TermCloseRead


T = TypeVar("T", bound="TermReopenedRead")


@_attrs_define
class TermReopenedRead:
    """
    Attributes:
        session_id (str):
        reason (str):
        reopened_close (TermCloseRead):
        state (Literal['open'] | Unset):  Default: 'open'.
    """

    session_id: str
    reason: str
    reopened_close: TermCloseRead
    state: Literal["open"] | Unset = "open"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        reason = self.reason

        reopened_close = self.reopened_close.to_dict()

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "reason": reason,
                "reopened_close": reopened_close,
            }
        )
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.term_close_read import TermCloseRead

        d = dict(src_dict)
        session_id = d.pop("session_id")

        reason = d.pop("reason")

        reopened_close = TermCloseRead.from_dict(d.pop("reopened_close"))

        state = cast(Literal["open"] | Unset, d.pop("state", UNSET))
        if state != "open" and not isinstance(state, Unset):
            raise ValueError(f"state must match const 'open', got '{state}'")

        term_reopened_read = cls(
            session_id=session_id,
            reason=reason,
            reopened_close=reopened_close,
            state=state,
        )

        term_reopened_read.additional_properties = d
        return term_reopened_read

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
