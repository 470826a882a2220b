"""What every batch of results reads first, in one statement on PostgreSQL: the owners of its
competencies (with their frameworks' revisions and the tenant's lookups revision), which of its
students are active students, and its students' advisory locks. Two statements fewer took a
quarter off the CPU a single result costs the server in process; PostgreSQL's own barely moved,
since the one statement is the three's work
(docs/decisions/0077-a-batch-opened-in-one-statement.md).

The locks are the statement's last branch: what the batch reads next (its stored evidence) is
read by a later statement, whose snapshot is taken with the locks held, as before. Driver SQL:
the statement runs for every request, and SQLAlchemy's compiling of it would cost more than
PostgreSQL's running of it."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.decisions import lock_key, locking
from app.adapters.db.frameworks import Owner, SqlFrameworkRepository
from app.adapters.db.native import asyncpg_connection
from app.adapters.db.plans import UNSEEN_TENANT
from app.domain.access import TenantId
from app.domain.roster import RecordStatus, UserRole
from app.ports.batch_opening import OpenedBatch

# The tenant unseen by the planner (plans.UNSEEN_TENANT, 0081): seen, a district the statistics
# have not met is estimated at one row, and its students were read through the role's index,
# every student of the district for each batch, rather than the batch's own by the key.
_READ = (
    "SELECT 'owner' AS kind, c.id, f.id AS framework_id, f.revision, "
    "(SELECT t.lookups_revision FROM tenants t WHERE t.id = $1) AS lookups "
    "FROM competencies c JOIN frameworks f ON f.tenant_id = c.tenant_id AND f.id = c.framework_id "
    f"WHERE c.tenant_id = {UNSEEN_TENANT} AND c.id = ANY($2::text[]) "
    "UNION ALL "
    "SELECT 'student', u.id, NULL, NULL, NULL FROM users u "
    f"WHERE u.tenant_id = {UNSEEN_TENANT} AND u.id = ANY($3::text[]) AND u.status = $4 "
    "AND u.role = $5"
)
_READ_AND_LOCK = (
    f"{_READ} UNION ALL SELECT 'locked', held::text, xact::text, NULL, NULL "
    f"FROM ({locking('$6')}) AS taken"
)


async def open_batch(
    session: AsyncSession,
    tenant: TenantId,
    frameworks: SqlFrameworkRepository,
    competency_ids: Collection[str],
    student_ids: Collection[str],
    lock: Collection[str] | None,
) -> OpenedBatch:
    """`UnitOfWork.open_batch` on PostgreSQL."""
    arguments: list[object] = [
        tenant,
        list(set(competency_ids)),
        list(set(student_ids)),
        RecordStatus.ACTIVE.value,
        UserRole.STUDENT.value,
    ]
    statement = _READ
    if lock:  # as lock_students: no students, no locks and no transaction number
        statement = _READ_AND_LOCK
        arguments.append(sorted({lock_key(tenant, s) for s in lock}))
    rows = await (await asyncpg_connection(session)).fetch(statement, *arguments)
    owners: list[Owner] = [
        (r["id"], r["framework_id"], r["revision"], r["lookups"])
        for r in rows
        if r["kind"] == "owner"
    ]
    framework_of, found = await frameworks.of_owners(owners)
    students = {r["id"] for r in rows if r["kind"] == "student"}
    return OpenedBatch(framework_of, found, students)
