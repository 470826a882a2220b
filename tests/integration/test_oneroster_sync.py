"""The REST sync client against an in-process provider built from the spec: several pages, an
incremental run, a 429 then success, OAuth 1.0a signatures and OAuth 2.0 tokens; both databases."""

from __future__ import annotations

import copy
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from app.adapters.db import tables as t
from app.adapters.db.engine import session_factory
from app.adapters.db.row_security import tenant_session
from app.adapters.http import OutboundHttp, OutboundPolicy
from app.adapters.oneroster.rest_client import HttpRosterProviders
from app.bootstrap import Container, wire
from app.domain.access import Tenant
from app.domain.errors import Invalid, Problem
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth
from app.domain.roster import RosterKind, User, UserRole
from app.ports.roster import RosterQuery
from app.use_cases.catalog import UseCases
from app.use_cases.roster_sync import (
    ConnectionSettings,
)
from tests.fakes.oneroster_provider import FakeProvider

SIS = "http://sis.example"


def sis_through(transport: httpx.AsyncBaseTransport) -> OutboundHttp:
    """The guarded client with the fake SIS in-process; allow-listed, as its URL is plain http."""
    return OutboundHttp(
        OutboundPolicy.from_settings(["sis.example"], allow_http=False), transport=transport
    )


def _ref(id_: str, kind: str) -> dict[str, str]:
    return {"sourcedId": id_, "href": f"{SIS}/{kind}/{id_}", "type": kind}


def _roster_1_1(at: str = "2026-08-01T00:00:00Z") -> dict[str, list[dict[str, Any]]]:
    base = {"status": "active", "dateLastModified": at}
    users = [
        {**base, "sourcedId": f"u{i}", "enabledUser": i != 5, "role": "student",
         "givenName": f"Given{i}", "familyName": "Family", "orgs": [_ref("s1", "org")],
         "grades": ["04"]}
        for i in range(1, 6)
    ]  # fmt: skip
    users[0] = {**users[0], "role": "teacher", "grades": []}
    return {
        "orgs": [
            {**base, "sourcedId": "d1", "name": "District", "type": "district", "parent": None},
            {**base, "sourcedId": "s1", "name": "School", "type": "school",
             "parent": _ref("d1", "org")},
        ],
        "academicSessions": [
            {**base, "sourcedId": "y1", "title": "2026-2027", "type": "schoolYear",
             "startDate": "2026-08-17", "endDate": "2027-06-11", "schoolYear": "2027"},
        ],
        "courses": [
            {**base, "sourcedId": "c1", "title": "Math 4", "org": _ref("d1", "org"),
             "grades": ["04"], "subjects": ["Mathematics"]},
        ],
        "classes": [
            {**base, "sourcedId": "k1", "title": "Math 4 - A", "classType": "scheduled",
             "course": _ref("c1", "course"), "school": _ref("s1", "org"),
             "terms": [_ref("y1", "academicSession")], "grades": ["04"]},
        ],
        "users": users,
        "enrollments": [
            {**base, "sourcedId": f"e{i}", "role": "teacher" if i == 1 else "student",
             "primary": i == 1, "class": _ref("k1", "class"), "user": _ref(f"u{i}", "user")}
            for i in range(1, 6)
        ],
        "demographics": [
            {**base, "sourcedId": "u2", "sex": "female", "birthDate": "2016-04-02",
             "hispanicOrLatinoEthnicity": "true"},
        ],
    }  # fmt: skip


class _Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


async def _connect(
    container: Container,
    tenant: Tenant,
    provider: FakeProvider,
    sleeps: _Sleeps,
    transport: httpx.AsyncBaseTransport | None = None,
) -> UseCases:
    providers = HttpRosterProviders(
        sis_through(transport or httpx.ASGITransport(app=provider.app)), sleep=sleeps, page_size=2
    )
    use_cases = wire(replace(container.adapters, roster_providers=providers), container.policy)
    await use_cases.roster_sync.put_connection(
        tenant.id,
        ConnectionSettings(
            base_url=SIS,
            version=OneRosterVersion(provider.version),
            auth=ProviderAuth(provider.auth),
            client_id=provider.client_id,
            client_secret=provider.client_secret,
            token_url=f"{SIS}/oauth/token" if provider.auth == "oauth2" else None,
        ),
    )
    return use_cases


async def _users(container: Container, tenant: Tenant) -> dict[str, User]:
    async with container.adapters.uow(tenant.id) as uow:
        page = await uow.roster(RosterKind.USER).list(RosterQuery(status=None))
    return {u.id: u for u in page.items if isinstance(u, User)}


async def test_a_first_sync_reads_every_page_with_signed_requests(
    container: Container, tenant: Tenant
) -> None:
    provider = FakeProvider(records=_roster_1_1())
    use_cases = await _connect(container, tenant, provider, _Sleeps())
    report = await use_cases.roster_sync.sync_roster(tenant.id)
    assert report.problem_count == 0
    assert {n: f.created for n, f in report.files.items()} == {
        "orgs.csv": 2,
        "academicSessions.csv": 1,
        "courses.csv": 1,
        "classes.csv": 1,
        "users.csv": 5,
        "enrollments.csv": 5,
        "demographics.csv": 1,
    }
    # Five users at two a page: offsets 0, 2 and 4, the later ones from the Link header.
    assert [q["offset"] for c, q in provider.requests if c == "users"] == ["0", "2", "4"]
    # One page each, but three of users and of enrollments; every one signed and verified.
    assert provider.signatures_checked == len(provider.requests) == 11
    users = await _users(container, tenant)
    assert (users["u1"].role, users["u5"].enabled, users["u3"].org_ids) == (
        UserRole.TEACHER,
        False,
        ("s1",),
    )
    connection = await use_cases.roster_sync.get_connection(tenant.id)
    assert connection.synced_through == datetime(2026, 8, 1, tzinfo=UTC)


async def test_pages_follow_x_total_count_without_a_link_header(
    container: Container, tenant: Tenant
) -> None:
    provider = FakeProvider(records=_roster_1_1(), link_header=False)
    use_cases = await _connect(container, tenant, provider, _Sleeps())
    await use_cases.roster_sync.sync_roster(tenant.id)
    assert [q["offset"] for c, q in provider.requests if c == "enrollments"] == ["0", "2", "4"]
    assert len(await _users(container, tenant)) == 5


async def test_a_later_sync_asks_only_for_changes_and_applies_them(
    container: Container, tenant: Tenant
) -> None:
    provider = FakeProvider(records=_roster_1_1())
    use_cases = await _connect(container, tenant, provider, _Sleeps())
    await use_cases.roster_sync.sync_roster(tenant.id)
    changed = copy.deepcopy(provider.records)
    changed["users"][1] |= {"givenName": "Renamed", "dateLastModified": "2026-09-01T08:00:00Z"}
    changed["enrollments"][4] |= {
        "status": "tobedeleted",
        "dateLastModified": "2026-09-01T08:00:00Z",
    }
    provider.records = changed
    provider.requests.clear()
    report = await use_cases.roster_sync.sync_roster(tenant.id)
    assert {q.get("filter") for _, q in provider.requests} == {
        "dateLastModified>'2026-08-01T00:00:00Z'"
    }
    assert (report.files["users.csv"].rows, report.files["users.csv"].updated) == (1, 1)
    assert (report.files["enrollments.csv"].rows, report.files["enrollments.csv"].deleted) == (1, 1)
    assert report.files["users.csv"].retired == 0  # a delta retires only what it says
    assert (await _users(container, tenant))["u2"].given_name == "Renamed"
    connection = await use_cases.roster_sync.get_connection(tenant.id)
    assert connection.synced_through == datetime(2026, 9, 1, 8, tzinfo=UTC)


async def test_a_429_is_retried_after_the_time_the_provider_asks(
    container: Container, tenant: Tenant
) -> None:
    provider = FakeProvider(
        records=_roster_1_1(), failures=[(429, {"Retry-After": "7"}), (503, {})]
    )
    sleeps = _Sleeps()
    use_cases = await _connect(container, tenant, provider, sleeps)
    report = await use_cases.roster_sync.sync_roster(tenant.id)
    assert sleeps == [7.0, 1.0]  # Retry-After, then the backoff's second step (0.5 s doubled)
    assert report.files["orgs.csv"].created == 2


async def test_an_oauth2_provider_of_1_2_users_with_roles(
    container: Container, tenant: Tenant
) -> None:
    records = _roster_1_1()
    for user in records["users"]:
        role = user.pop("role")
        user.pop("orgs")
        user["roles"] = [{"roleType": "primary", "role": role, "org": _ref("s1", "org")}]
        user["primaryOrg"] = _ref("s1", "org")
    provider = FakeProvider(version="1.2", auth="oauth2", records=records)
    use_cases = await _connect(container, tenant, provider, _Sleeps())
    report = await use_cases.roster_sync.sync_roster(tenant.id)
    assert report.problem_count == 0
    users = await _users(container, tenant)
    assert (users["u1"].role, users["u1"].primary_org_id, users["u1"].org_ids) == (
        UserRole.TEACHER,
        "s1",
        ("s1",),
    )


async def test_a_wrong_secret_is_refused_by_the_provider_and_nothing_is_written(
    container: Container, tenant: Tenant
) -> None:
    provider = FakeProvider(records=_roster_1_1())
    use_cases = await _connect(container, tenant, provider, _Sleeps())
    provider.client_secret = "rotated-at-the-sis"
    with pytest.raises(Invalid) as refused:
        await use_cases.roster_sync.sync_roster(tenant.id)
    assert refused.value.problems == [
        Problem(("base_url",), "the SIS answered 401 at /ims/oneroster/v1p1/orgs")
    ]
    assert await _users(container, tenant) == {}


async def test_the_client_secret_is_stored_sealed(container: Container, tenant: Tenant) -> None:
    provider = FakeProvider()
    await _connect(container, tenant, provider, _Sleeps())
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        table = t.RosterConnectionRow.__table__
        stored = (
            await session.execute(
                sa.select(table.c.client_secret_sealed).where(table.c.tenant_id == tenant.id)
            )
        ).scalar_one()
    assert provider.client_secret not in stored
    assert container.adapters.secrets.open(stored) == provider.client_secret


class _LockWatch(httpx.AsyncBaseTransport):
    """The fake SIS, noting for each collection request whether another connection to the
    SQLite file could have begun a write at that moment (the database's one write lock)."""

    def __init__(self, provider: FakeProvider, database: str) -> None:
        self._inner = httpx.ASGITransport(app=provider.app)
        self._database = database
        self.writable: list[tuple[str, bool]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/oauth/token"):
            other = sqlite3.connect(self._database, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                free = True
            except sqlite3.OperationalError:  # database is locked
                free = False
            finally:
                other.close()
            self.writable.append((request.url.path.rsplit("/", 1)[-1], free))
        return await self._inner.handle_async_request(request)


async def test_the_sis_is_first_asked_before_the_import_takes_the_write_lock(
    container: Container, tenant: Tenant
) -> None:
    """A SIS that is down or slow to answer must not hold up every other writer of the
    district: on SQLite the import's transaction holds the one write lock (BEGIN IMMEDIATE),
    so the sync asks for its first page before that transaction begins (decision 0085)."""
    if container.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL has no database-wide write lock: other writers go on")
    provider = FakeProvider(records=_roster_1_1())
    watch = _LockWatch(provider, str(make_url(container.settings.database_url).database))
    use_cases = await _connect(container, tenant, provider, _Sleeps(), watch)
    report = await use_cases.roster_sync.sync_roster(tenant.id)
    assert report.problem_count == 0
    # The first page of orgs was asked for with the database free; the later pages are read
    # inside the import's transaction, page by page, as it stages them.
    assert watch.writable[0] == ("orgs", True)
    assert [free for _, free in watch.writable[1:]] == [False] * (len(watch.writable) - 1)
