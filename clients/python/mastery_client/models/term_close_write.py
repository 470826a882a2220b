from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TermCloseWrite")


@_attrs_define
class TermCloseWrite:
    """
    Attributes:
        reassessment_until (datetime.datetime | None | Unset): Until then, a result observed within the term (on or
            before its end date) still changes the snapshot of its student; later results count for the next term only
    """

    reassessment_until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reassessment_until: None | str | Unset
        if isinstance(self.reassessment_until, Unset):
            reassessment_until = UNSET
        elif isinstance(self.reassessment_until, datetime.datetime):
            reassessment_until = self.reassessment_until.isoformat()
        else:
            reassessment_until = self.reassessment_until

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reassessment_until is not UNSET:
            field_dict["reassessment_until"] = reassessment_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_reassessment_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reassessment_until_type_0 = datetime.datetime.fromisoformat(data)

                return reassessment_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reassessment_until = _parse_reassessment_until(d.pop("reassessment_until", UNSET))

        term_close_write = cls(
            reassessment_until=reassessment_until,
        )

        return term_close_write
