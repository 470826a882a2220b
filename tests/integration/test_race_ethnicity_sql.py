"""The database groups by race/ethnicity with the domain's own rule, compiled to SQL: for every
combination of flags the CASE answers what app.domain.reporting.race_ethnicity answers."""

from __future__ import annotations

import itertools

import sqlalchemy as sa

from app.adapters.db.engine import session_factory
from app.adapters.db.report_sql import race_ethnicity_sql
from app.adapters.db.row_security import tenant_session
from app.adapters.db.tables import DemographicsRow
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.reporting import race_ethnicity
from app.domain.roster import Demographics, RosterRecord, User, UserRole

FLAGS = (
    "hispanic_or_latino",
    "american_indian_or_alaska_native",
    "asian",
    "black_or_african_american",
    "native_hawaiian_or_other_pacific_islander",
    "white",
    "two_or_more_races",
)


async def test_the_sql_rule_is_the_domain_rule(container: Container, tenant: Tenant) -> None:
    combos = [
        dict(zip(FLAGS, values, strict=True))
        for values in itertools.product((True, False), repeat=len(FLAGS))
    ]
    # Unknown (None) flags too: each flag unknown with the others false, and all unknown.
    combos += [{f: (None if f == unknown else False) for f in FLAGS} for unknown in FLAGS]
    combos.append(dict.fromkeys(FLAGS))
    records: list[RosterRecord] = []
    expected = {}
    for i, flags in enumerate(combos):
        user_id = f"u{i:03d}"
        records.append(User(id=user_id, role=UserRole.STUDENT, given_name="G", family_name="F"))
        demographics = Demographics(id=user_id, **flags)  # type: ignore[arg-type]
        records.append(demographics)
        expected[user_id] = race_ethnicity(demographics).value
    await container.use_cases.roster.put_records(tenant.id, records)
    assert len(set(expected.values())) == 8  # every category is reached

    dm = DemographicsRow.__table__
    stmt = sa.select(dm.c.id, race_ethnicity_sql(dm)).where(dm.c.tenant_id == tenant.id)
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        found = dict((await session.execute(stmt)).all())
    assert found == expected
