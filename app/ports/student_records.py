"""Everything held about one student, for the district's data-rights requests (export, erasure)."""

from __future__ import annotations

from typing import Any, Protocol

StudentRows = dict[str, list[dict[str, Any]]]
"""Rows by section (`user`, `enrollments`, `evidence`, ...), each a JSON-ready mapping."""


class StudentRecordStore(Protocol):
    async def held(self, student_id: str) -> StudentRows:
        """Every row of the tenant about the student, by section, in a stable order."""
        ...

    async def erase(self, student_id: str) -> dict[str, int]:
        """Delete every such row; how many were deleted, by section."""
        ...
