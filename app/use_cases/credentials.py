"""Open Badges 3.0 and CLR 2.0 credentials of mastered competencies: issued on request, signed
as VC-JWT with the issuer's keys, listed, revoked, served and verified publicly."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from app.domain.access import Principal, Tenant
from app.domain.case.export import item_uri
from app.domain.credentials import (
    OB_CONTEXT,
    Aligned,
    Issue,
    IssuedCredential,
    Issuer,
    achievement,
    clr,
    jwt_claims,
    open_badge,
    require_kind,
    require_mastered,
    revocation_list,
)
from app.domain.errors import NotFound
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import MasteryStatus
from app.ports.clock import Clock, IdGenerator
from app.ports.credentials import CredentialStore, IssuerKeys
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.access import Access
from app.use_cases.lookups import require_competency, require_student
from app.use_cases.mastery import MasteryReads

# Where the service serves CASE (app/api/standards/case.py): the CFItems the badges align to.
CASE_PATH = "/ims/case/v1p0"
# The JOSE `typ` of a VC secured as a JWT (W3C VC-JOSE-COSE §3.1.1, for VCDM 2.0 credentials).
JWT_TYPE = "vc+jwt"
# The JWT claims OB 3.0 §8.2 adds beside the credential's own members.
REGISTERED_CLAIMS = ("iss", "jti", "nbf", "sub", "exp")


def credential_url(base: str, credential_id: str) -> str:
    return f"{base}/credentials/{credential_id}"


def issuer_url(base: str, slug: str) -> str:
    return f"{base}/credentials/issuers/{slug}"


def achievement_url(base: str, slug: str, competency_id: str) -> str:
    return f"{issuer_url(base, slug)}/achievements/{quote(competency_id, safe='')}"


def revocations_url(base: str, slug: str) -> str:
    return f"{issuer_url(base, slug)}/revocations"


def document_of(jws: str) -> dict[str, Any]:
    """The credential a stored VC-JWT carries (its payload without the JWT claims); the JWS
    was signed here, so its payload is read without checking it again."""
    payload = jws.split(".")[1]
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return {k: v for k, v in claims.items() if k not in REGISTERED_CLAIMS}


@dataclass(frozen=True)
class Verdict:
    """What a verifier learns of a credential: its signature, its id, whether it is revoked."""

    credential: IssuedCredential
    signature: bool
    matches: bool

    @property
    def revoked(self) -> bool:
        return self.credential.revoked_at is not None

    @property
    def verified(self) -> bool:
        return self.signature and self.matches and not self.revoked


@dataclass(frozen=True, kw_only=True)
class Credentials:
    uow: UnitOfWorkFactory
    mastery: MasteryReads
    access: Access
    store: CredentialStore
    keys: IssuerKeys
    clock: Clock
    ids: IdGenerator

    async def _issuer(self, slug: str, base: str) -> tuple[Tenant, Issuer]:
        tenant = await self.access.tenant_by_slug(slug)
        return tenant, Issuer(issuer_url(base, slug), tenant.name or tenant.slug)

    def _aligned(
        self, slug: str, base: str, competency: Competency, framework: Framework
    ) -> Aligned:
        return Aligned(
            competency,
            framework,
            achievement_url(base, slug, competency.id),
            item_uri(competency, base + CASE_PATH),
        )

    async def issue(
        self, principal: Principal, student_id: str, body: Mapping[str, Any], base: str
    ) -> tuple[IssuedCredential, dict[str, Any]]:
        """Issue an OpenBadgeCredential of one mastered competency (`{"competency_id"}`) or a
        ClrCredential of them all (`{"kind": "clr"}`); the credential and its document."""
        kind, competency_id = require_kind(body)
        slug = principal.tenant_slug
        views = await self.mastery.student_mastery(principal, student_id)  # 404: no student
        _, issuer = await self._issuer(slug, base)
        now = self.clock.now()
        credential_id = self.ids.new_id()
        issue = Issue(
            credential_url(base, credential_id),
            now,
            student_id,
            self.ids.new_id().replace("-", ""),
            revocations_url(base, slug),
        )
        if competency_id is not None:
            async with self.uow(principal.tenant_id, writes=False) as uow:
                competency, framework = await require_competency(uow, competency_id)
            shown = {v.competency_id: v.shown.status.value for v in views}
            require_mastered(student_id, competency_id, shown.get(competency_id))
            document = open_badge(issue, issuer, self._aligned(slug, base, competency, framework))
        else:
            mastered = [v for v in views if v.shown.status is MasteryStatus.MASTERED]
            async with self.uow(principal.tenant_id, writes=False) as uow:
                frameworks = await uow.frameworks.get_many({v.framework_id for v in mastered})
            aligned = [
                (
                    self._aligned(
                        slug,
                        base,
                        frameworks[v.framework_id].competency(v.competency_id),
                        frameworks[v.framework_id],
                    ),
                    f"urn:uuid:{self.ids.new_id()}",
                )
                for v in mastered
                if v.framework_id in frameworks
            ]
            document = clr(issue, issuer, aligned)
        payload = json.dumps(jwt_claims(document), ensure_ascii=False, separators=(",", ":"))
        kid, jws = await self.keys.sign_jws(
            {"typ": JWT_TYPE}, payload.encode(), f"{base}/credentials/keys"
        )
        issued = IssuedCredential(credential_id, kind, student_id, competency_id, kid, jws, now)
        await self.store.add(principal.tenant_id, issued)
        return issued, document

    async def of_student(self, principal: Principal, student_id: str) -> list[IssuedCredential]:
        """The credentials issued to a student, oldest first."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
        return await self.store.of_student(principal.tenant_id, student_id)

    async def revoke(self, principal: Principal, credential_id: str) -> IssuedCredential:
        """Revoke a credential: its district's revocation list names it from now on."""
        revoked = await self.store.revoke(principal.tenant_id, credential_id, self.clock.now())
        if revoked is None:
            raise NotFound(f"No credential {credential_id!r}")
        return revoked

    async def credential(self, credential_id: str) -> IssuedCredential:
        """A credential by id, whoever issued it (public: its id is an unguessable UUID)."""
        found = await self.store.find(credential_id)
        if found is None:
            raise NotFound(f"No credential {credential_id!r}")
        return found[1]

    async def verify(self, credential_id: str, base: str) -> Verdict:
        """Check a stored credential as a verifier would: its signature by a published key,
        that it is the credential at this URL, and whether its district revoked it."""
        credential = await self.credential(credential_id)
        payload = await self.keys.verify(credential.jws)
        matches = payload is not None and payload.get("id") == credential_url(base, credential.id)
        return Verdict(credential, payload is not None, matches)

    async def rotate_keys(self) -> str:
        """Publish a new issuer key; the published one signs from now; the signing one retires
        (and stays published: what it signed still verifies). The new key's kid."""
        return await self.keys.rotate(self.clock.now())

    async def issuer_profile(self, slug: str, base: str) -> dict[str, Any]:
        """The district's issuer Profile, with where its keys are published."""
        _, issuer = await self._issuer(slug, base)
        return {
            "@context": ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT],
            **issuer.profile(),
            "url": base,
        }

    async def achievement(self, slug: str, competency_id: str, base: str) -> dict[str, Any]:
        """The OB3 Achievement of one of the district's competencies."""
        tenant, issuer = await self._issuer(slug, base)
        async with self.uow(tenant.id, writes=False) as uow:
            competency, framework = await require_competency(uow, competency_id)
        return {
            "@context": ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT],
            **achievement(self._aligned(slug, base, competency, framework), issuer),
        }

    async def revocations(self, slug: str, base: str) -> dict[str, Any]:
        """The district's 1EdTech Revocation List."""
        tenant, issuer = await self._issuer(slug, base)
        revoked = await self.store.revoked_ids(tenant.id)
        return revocation_list(
            revocations_url(base, slug), issuer, [credential_url(base, i) for i in revoked]
        )
