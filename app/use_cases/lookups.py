"""Finding what a use case is about, or answering not found: the same words everywhere."""

from __future__ import annotations

from app.domain.errors import NotFound
from app.domain.frameworks import Competency, Framework
from app.domain.roster import RosterKind, User
from app.ports.roster import RosterQuery
from app.ports.unit_of_work import UnitOfWork


async def require_student(uow: UnitOfWork, student_id: str) -> None:
    """Not found unless the id names an active user of the tenant."""
    if not await uow.roster(RosterKind.USER).active_ids([student_id]):
        raise NotFound(f"No user {student_id!r}")


async def require_framework(uow: UnitOfWork, framework_id: str) -> Framework:
    """The tenant's framework with this id, or not found."""
    found = await uow.frameworks.get_many([framework_id])
    if framework_id not in found:
        raise NotFound(f"No framework {framework_id!r}")
    return found[framework_id]


async def require_competency(uow: UnitOfWork, competency_id: str) -> tuple[Competency, Framework]:
    """The tenant's competency with this id and its framework (one query), or not found."""
    framework_of, frameworks = await uow.frameworks.of_competencies([competency_id])
    if competency_id not in framework_of:
        raise NotFound(f"No competency {competency_id!r}")
    framework = frameworks[framework_of[competency_id]]
    return framework.competency(competency_id), framework


async def users_where(uow: UnitOfWork, filters: dict[str, str]) -> list[User]:
    """Every active user the roster filters select (a class's students, the district's), read
    500 at a time, in id order."""
    found: list[User] = []
    after = None
    while True:
        page = await uow.roster(RosterKind.USER).list(
            RosterQuery(filters=filters, after=after, limit=500)
        )
        found += [u for u in page.items if isinstance(u, User)]
        if page.last_key is None:
            return found
        after = page.last_key
