"""The LTI registry in SQL: platforms and deployments, login state and nonces, LTI users.

A login or a launch names a platform, not a district, so finding a registration reads across
districts (an all-tenants session, as the tenant directory does); everything the admin API does
reads and writes one district's rows. State and nonces are taken with DELETE ... RETURNING:
one statement, so of two concurrent launches with the same value exactly one gets the row, on
PostgreSQL and on SQLite (which serialises writers)."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.lti_tables import (
    LtiDeploymentRow,
    LtiNonceRow,
    LtiPlatformRow,
    LtiStateRow,
    LtiUserRow,
)
from app.adapters.db.row_security import all_tenants_session, tenant_session
from app.adapters.db.tables import table_of
from app.domain.access import TenantId
from app.domain.errors import Conflict
from app.domain.lti.platform import Deployment, Platform, Registration
from app.ports.lti_registry import LoginState

_platforms = table_of(LtiPlatformRow)
_deployments = table_of(LtiDeploymentRow)
_states = table_of(LtiStateRow)
_nonces = table_of(LtiNonceRow)
_users = table_of(LtiUserRow)

# Login state lives this long (Security Framework 1.0 §5.1.1.5: minutes, not hours).
LOGIN_SECONDS = 600
_TTL = timedelta(seconds=LOGIN_SECONDS)

TAKEN = "This issuer and client id are already registered"


class SqlLtiRegistry:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    # --- platforms ----------------------------------------------------------------------------

    async def add(
        self,
        tenant_id: TenantId,
        platform: Platform,
        deployment_ids: tuple[str, ...],
        now: datetime,
    ) -> Registration:
        registration = Registration(
            secrets.token_hex(8), tenant_id, platform, tuple(dict.fromkeys(deployment_ids))
        )
        p = platform
        try:
            async with tenant_session(self._sessions, tenant_id) as session, session.begin():
                await session.execute(
                    sa.insert(_platforms).values(
                        tenant_id=tenant_id,
                        id=registration.id,
                        issuer=p.issuer,
                        client_id=p.client_id,
                        auth_login_url=p.auth_login_url,
                        token_url=p.token_url,
                        token_audience=p.token_audience,
                        jwks_url=p.jwks_url,
                        created_at=now,
                    )
                )
                if registration.deployment_ids:
                    await session.execute(
                        sa.insert(_deployments),
                        [
                            {
                                "tenant_id": tenant_id,
                                "platform_id": registration.id,
                                "deployment_id": d,
                            }
                            for d in registration.deployment_ids
                        ],
                    )
        except IntegrityError:
            # Another district's registration is invisible here (row security), so the unique
            # key is the only witness of it.
            raise Conflict(TAKEN) from None
        return registration

    async def list(self, tenant_id: TenantId) -> list[Registration]:
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            rows = (
                (
                    await session.execute(
                        sa.select(_platforms)
                        .where(_platforms.c.tenant_id == tenant_id)
                        .order_by(_platforms.c.created_at, _platforms.c.id)
                    )
                )
                .mappings()
                .all()
            )
            return await _registrations(session, rows)

    async def get(self, tenant_id: TenantId, registration_id: str) -> Registration | None:
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            rows = (
                (
                    await session.execute(
                        sa.select(_platforms).where(
                            _platforms.c.tenant_id == tenant_id, _platforms.c.id == registration_id
                        )
                    )
                )
                .mappings()
                .all()
            )
            found = await _registrations(session, rows)
        return found[0] if found else None

    async def remove(self, tenant_id: TenantId, registration_id: str) -> bool:
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            # Deployments first: SQLite enforces the cascade only with foreign keys on.
            await session.execute(
                sa.delete(_deployments).where(
                    _deployments.c.tenant_id == tenant_id,
                    _deployments.c.platform_id == registration_id,
                )
            )
            done = await session.execute(
                sa.delete(_platforms).where(
                    _platforms.c.tenant_id == tenant_id, _platforms.c.id == registration_id
                )
            )
            return bool(getattr(done, "rowcount", 0))

    async def find(self, issuer: str, client_id: str | None) -> Registration | None:
        stmt = sa.select(_platforms).where(_platforms.c.issuer == issuer)
        if client_id is not None:
            stmt = stmt.where(_platforms.c.client_id == client_id)
        async with all_tenants_session(self._sessions) as session, session.begin():
            rows = (await session.execute(stmt.limit(2))).mappings().all()
            if len(rows) != 1:
                return None
            return (await _registrations(session, rows))[0]

    async def by_id(self, registration_id: str) -> Registration | None:
        stmt = sa.select(_platforms).where(_platforms.c.id == registration_id)
        async with all_tenants_session(self._sessions) as session, session.begin():
            found = await _registrations(session, (await session.execute(stmt)).mappings().all())
        return found[0] if found else None

    async def deployment(
        self, issuer: str, client_id: str, deployment_id: str
    ) -> Deployment | None:
        p, d = _platforms.c, _deployments.c
        stmt = (
            sa.select(d.tenant_id)
            .join_from(
                _deployments, _platforms, sa.and_(p.tenant_id == d.tenant_id, p.id == d.platform_id)
            )
            .where(p.issuer == issuer, p.client_id == client_id, d.deployment_id == deployment_id)
        )
        async with all_tenants_session(self._sessions) as session, session.begin():
            tenant = (await session.execute(stmt)).scalar_one_or_none()
        if tenant is None:
            return None
        return Deployment(issuer, client_id, deployment_id, TenantId(tenant))

    # --- login state and nonces ---------------------------------------------------------------

    async def remember(
        self, state: str, nonce: str, login: LoginState, expires_at: datetime
    ) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                sa.insert(_states).values(
                    state=state,
                    platform_id=login.registration_id,
                    binding=login.binding_digest,
                    expires_at=expires_at,
                )
            )
            await session.execute(sa.insert(_nonces).values(nonce=nonce, expires_at=expires_at))
            # Expired ones go as new ones come: the tables hold ten minutes of logins at most.
            await session.execute(
                sa.delete(_states).where(_states.c.expires_at <= expires_at - _TTL)
            )
            await session.execute(
                sa.delete(_nonces).where(_nonces.c.expires_at <= expires_at - _TTL)
            )

    async def take_state(self, state: str, now: datetime) -> LoginState | None:
        async with self._sessions() as session, session.begin():
            row = (
                await session.execute(
                    sa.delete(_states)
                    .where(_states.c.state == state)
                    .returning(_states.c.platform_id, _states.c.binding, _states.c.expires_at)
                )
            ).one_or_none()
        if row is None or row.expires_at <= now:
            return None
        return LoginState(row.platform_id, row.binding)

    async def take_nonce(self, nonce: str, now: datetime) -> bool:
        async with self._sessions() as session, session.begin():
            expires_at = (
                await session.execute(
                    sa.delete(_nonces)
                    .where(_nonces.c.nonce == nonce)
                    .returning(_nonces.c.expires_at)
                )
            ).scalar_one_or_none()
        return expires_at is not None and expires_at > now

    # --- LTI users ----------------------------------------------------------------------------

    async def link(
        self,
        tenant_id: TenantId,
        issuer: str,
        sub: str,
        person_id: str,
        roles: tuple[str, ...],
        now: datetime,
    ) -> None:
        key = (_users.c.tenant_id == tenant_id, _users.c.issuer == issuer, _users.c.sub == sub)
        values = {"person_id": person_id, "roles": list(roles), "seen_at": now}
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            done = await session.execute(sa.update(_users).where(*key).values(**values))
            if getattr(done, "rowcount", 0):
                return
            try:
                async with session.begin_nested():
                    await session.execute(
                        sa.insert(_users).values(
                            tenant_id=tenant_id, issuer=issuer, sub=sub, **values
                        )
                    )
            except IntegrityError:  # a concurrent launch of the same user inserted it first
                await session.execute(sa.update(_users).where(*key).values(**values))

    async def people(
        self, tenant_id: TenantId, issuer: str, subs: tuple[str, ...]
    ) -> dict[str, str]:
        if not subs:
            return {}
        c = _users.c
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            rows = (
                await session.execute(
                    sa.select(c.sub, c.person_id).where(
                        c.tenant_id == tenant_id, c.issuer == issuer, c.sub.in_(sorted(set(subs)))
                    )
                )
            ).all()
        return {r.sub: r.person_id for r in rows}


async def _registrations(
    session: AsyncSession, rows: Sequence[sa.RowMapping]
) -> list[Registration]:
    if not rows:
        return []
    d = _deployments.c
    keys = [(r["tenant_id"], r["id"]) for r in rows]
    deployments: dict[tuple[int, str], list[str]] = {k: [] for k in keys}
    found = await session.execute(
        sa.select(d.tenant_id, d.platform_id, d.deployment_id)
        .where(sa.tuple_(d.tenant_id, d.platform_id).in_(keys))
        .order_by(d.deployment_id)
    )
    for tenant, platform, deployment in found.all():
        deployments[(tenant, platform)].append(deployment)
    return [
        Registration(
            id=r["id"],
            tenant_id=TenantId(r["tenant_id"]),
            platform=Platform(
                issuer=r["issuer"],
                client_id=r["client_id"],
                auth_login_url=r["auth_login_url"],
                token_url=r["token_url"],
                jwks_url=r["jwks_url"],
                token_audience=r["token_audience"],
            ),
            deployment_ids=tuple(deployments[(r["tenant_id"], r["id"])]),
        )
        for r in rows
    ]
