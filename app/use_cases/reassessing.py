"""The reassessment window of closed grading terms, seen from the evidence ingest
(docs/decisions/0050-grading-terms-and-snapshots.md): its own module, so that the ingest
depends on nothing more of grading terms than this."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from app.domain.evidence import Evidence
from app.domain.grading_terms import reassessed_students
from app.ports.unit_of_work import UnitOfWork


async def reassess(
    uow: UnitOfWork,
    results: Iterable[Evidence],
    framework_of: Mapping[str, str],
    now: datetime,
) -> None:
    """In the ingest's unit of work, after its decisions are saved: the students with a result
    of a closed term during its reassessment window have their frozen decisions (in the
    frameworks the results reach) frozen again. One indexed query when no window is open."""
    windows = await uow.grading_terms.reassessing(now)
    if not windows:
        return
    batch = list(results)
    frameworks = {framework_of[e.competency_id] for e in batch if e.competency_id in framework_of}
    for close in windows:
        students = reassessed_students(close, batch)
        if students:
            await uow.grading_terms.refreeze(close.session_id, students, frameworks)
