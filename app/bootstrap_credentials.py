"""The credentials' part of the composition root (app/bootstrap.py has no room left): the
issuer's keys and the store of issued credentials, built from the process's sessions and service
key, and the use case wired from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.credentials.keys import SqlIssuerKeys
from app.adapters.credentials.store import SqlCredentials
from app.ports.clock import Clock
from app.ports.credentials import CredentialStore, IssuerKeys
from app.ports.security import SecretBox
from app.use_cases.access import Access
from app.use_cases.credentials import Credentials
from app.use_cases.mastery import MasteryReads

if TYPE_CHECKING:
    from app.bootstrap import Adapters


@dataclass(frozen=True, kw_only=True)
class CredentialAdapters:
    store: CredentialStore
    # The issuer's keys: sign, verify, publish and rotate.
    keys: IssuerKeys


def credential_adapters(
    sessions: async_sessionmaker[AsyncSession], secret_box: SecretBox, clock: Clock
) -> CredentialAdapters:
    return CredentialAdapters(
        store=SqlCredentials(sessions), keys=SqlIssuerKeys(sessions, secret_box, clock)
    )


def credentials(a: Adapters, mastery: MasteryReads, access: Access) -> Credentials:
    return Credentials(
        uow=a.uow,
        mastery=mastery,
        access=access,
        store=a.credentials.store,
        keys=a.credentials.keys,
        clock=a.clock,
        ids=a.ids,
    )
