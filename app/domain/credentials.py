"""Open Badges 3.0 and CLR 2.0 credentials of mastered competencies (docs/decisions/0049).

What a district may attest and how the documents read: an `Achievement` per competency aligned
to its CASE CFItem, the district's issuer `Profile`, an `OpenBadgeCredential` for one mastered
competency and a `ClrCredential` of them all. The student is named by a salted hash of their
sourcedId (an OB3 `IdentityObject`), never by name: guardians and students carry these
documents to other schools and employers. Signing and storage are the adapters'."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from app.domain.errors import Conflict, Invalid, Problem
from app.domain.frameworks import Competency, Framework

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
# Defines `1EdTechRevocationList`, the status method the credentials name.
OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
REVOCATION_LIST = "1EdTechRevocationList"
# OB3 IdentifierTypeEnum: the student's id here is the SIS's sourcedId (OneRoster's).
IDENTITY_TYPE = "sisSourcedId"


class CredentialKind(StrEnum):
    """What was issued: one competency's badge, or the learner's record of them all."""

    OPEN_BADGE = "open_badge"
    CLR = "clr"


@dataclass(frozen=True)
class Issuer:
    """The district as an OB3 issuer: its Profile's URL and name."""

    id: str
    name: str

    def profile(self) -> dict[str, Any]:
        """The issuer `Profile`."""
        return {"id": self.id, "type": ["Profile"], "name": self.name}


@dataclass(frozen=True)
class Aligned:
    """A competency with where its achievement and its CASE CFItem are served."""

    competency: Competency
    framework: Framework
    achievement_id: str
    case_uri: str


@dataclass(frozen=True)
class Issue:
    """One credential to write: its URL, when, whose, and where its revocation is listed."""

    id: str
    issued_at: datetime
    student_id: str
    salt: str
    revocation_list: str


@dataclass(frozen=True)
class IssuedCredential:
    """A credential as issued: signed (a VC-JWT), whose, and whether it is revoked."""

    id: str
    kind: CredentialKind
    student_id: str
    competency_id: str | None
    kid: str
    jws: str
    issued_at: datetime
    revoked_at: datetime | None = None


def require_mastered(student_id: str, competency_id: str, status: str | None) -> None:
    """A badge attests mastery: refused (Conflict) unless the decision shown is mastered."""
    if status != "mastered":
        shown = status or "no_evidence"
        raise Conflict(
            f"Student {student_id!r} has not mastered {competency_id!r}",
            [Problem(("competency_id",), f"the decision is {shown}, not mastered")],
        )


def require_any_mastered(student_id: str, mastered: Sequence[Aligned]) -> None:
    """A CLR lists at least one achievement (CLR 2.0: verifiableCredential has minItems 1)."""
    if not mastered:
        raise Conflict(
            f"Student {student_id!r} has mastered no competency yet",
            [Problem(("kind",), "a CLR needs at least one mastered competency")],
        )


def require_kind(body: Mapping[str, Any]) -> tuple[CredentialKind, str | None]:
    """What a request asks to issue: `{"competency_id"}` or `{"kind": "clr"}`, not both."""
    competency_id = body.get("competency_id")
    kind = body.get("kind")
    problems: list[Problem] = []
    if kind not in (None, "clr", "open_badge"):
        problems.append(Problem(("kind",), "must be clr or open_badge"))
    if kind == "clr" and competency_id is not None:
        problems.append(Problem(("competency_id",), "a CLR covers every mastered competency"))
    if kind != "clr" and not (isinstance(competency_id, str) and competency_id.strip()):
        problems.append(Problem(("competency_id",), "required unless kind is clr"))
    if problems:
        raise Invalid("Cannot issue this credential", problems)
    if kind == "clr":
        return CredentialKind.CLR, None
    return CredentialKind.OPEN_BADGE, str(competency_id)


def identity_hash(identity: str, salt: str) -> str:
    """OB3 IdentityHash: `sha256$` and the hex SHA-256 of the identity with the salt appended."""
    return "sha256$" + hashlib.sha256((identity + salt).encode()).hexdigest()


def identity_of(student_id: str, salt: str) -> dict[str, Any]:
    """The student as an OB3 `IdentityObject`: hashed, so the document names no one."""
    return {
        "type": "IdentityObject",
        "identityHash": identity_hash(student_id, salt),
        "identityType": IDENTITY_TYPE,
        "hashed": True,
        "salt": salt,
    }


def instant(at: datetime) -> str:
    """An OB3 DateTimeZ: UTC, whole seconds, `Z`."""
    return at.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def achievement(aligned: Aligned, issuer: Issuer) -> dict[str, Any]:
    """The OB3 `Achievement` of a competency, aligned to its CASE CFItem."""
    c, framework = aligned.competency, aligned.framework
    return {
        "id": aligned.achievement_id,
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": f"{c.code} {c.statement}" if c.code not in c.statement else c.statement,
        "description": c.statement,
        "humanCode": c.code,
        "criteria": {
            "narrative": (
                f"Awarded when {issuer.name}'s mastery policy for {framework.title} decides "
                f"that the learner has mastered {c.code}: the learner's evidence on it meets "
                "the mastery threshold, or a teacher has recorded mastery."
            )
        },
        "alignment": [
            {
                "type": ["Alignment"],
                "targetType": "CFItem",
                "targetName": c.code,
                "targetDescription": c.statement,
                "targetCode": c.code,
                "targetFramework": framework.title,
                "targetUrl": aligned.case_uri,
            }
        ],
        "creator": issuer.profile(),
    }


def _envelope(issue: Issue, issuer: Issuer, kind: str, contexts: list[str]) -> dict[str, Any]:
    at = instant(issue.issued_at)
    return {
        "@context": contexts,
        "id": issue.id,
        "type": ["VerifiableCredential", kind],
        "issuer": issuer.profile(),
        # validFrom is VCDM 2.0's (OB 3.0.3); issuanceDate the VCDM 1.1 name that the OB 3.0
        # and CLR 2.0 JSON schemas still require. Both name the same instant.
        "validFrom": at,
        "issuanceDate": at,
    }


def open_badge(issue: Issue, issuer: Issuer, aligned: Aligned) -> dict[str, Any]:
    """The `OpenBadgeCredential` attesting that the student mastered one competency."""
    document = _envelope(
        issue, issuer, "OpenBadgeCredential", [VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS]
    )
    document["name"] = f"Mastered {aligned.competency.code}"
    document["credentialSubject"] = {
        "type": ["AchievementSubject"],
        "identifier": [identity_of(issue.student_id, issue.salt)],
        "achievement": achievement(aligned, issuer),
    }
    document["credentialStatus"] = {"id": issue.revocation_list, "type": REVOCATION_LIST}
    return document


def associations(mastered: Iterable[Aligned]) -> list[dict[str, Any]]:
    """`isChildOf` between achievements whose competencies are parent and child."""
    by_competency = {(a.framework.id, a.competency.id): a for a in mastered}
    found = []
    for (framework_id, _), a in sorted(by_competency.items()):
        parent = a.competency.parent_id
        if parent is not None and (framework_id, parent) in by_competency:
            found.append(
                {
                    "type": "Association",
                    "associationType": "isChildOf",
                    "sourceId": a.achievement_id,
                    "targetId": by_competency[(framework_id, parent)].achievement_id,
                }
            )
    return found


def clr(issue: Issue, issuer: Issuer, mastered: Sequence[tuple[Aligned, str]]) -> dict[str, Any]:
    """The `ClrCredential` of every mastered competency: one nested OpenBadgeCredential per
    competency (ids given beside each), their achievements and the associations between them.
    The nested credentials carry no proof of their own: the CLR's signature covers them."""
    require_any_mastered(issue.student_id, [a for a, _ in mastered])
    document = _envelope(
        issue, issuer, "ClrCredential", [VC_CONTEXT, CLR_CONTEXT, OB_CONTEXT, OB_EXTENSIONS]
    )
    document["name"] = f"Comprehensive Learner Record from {issuer.name}"
    nested = [
        open_badge(
            Issue(nested_id, issue.issued_at, issue.student_id, issue.salt, issue.revocation_list),
            issuer,
            a,
        )
        for a, nested_id in mastered
    ]
    subject: dict[str, Any] = {
        "type": ["ClrSubject"],
        "identifier": [identity_of(issue.student_id, issue.salt)],
        "verifiableCredential": nested,
        "achievement": [achievement(a, issuer) for a, _ in mastered],
    }
    linked = associations(a for a, _ in mastered)
    if linked:
        subject["association"] = linked
    document["credentialSubject"] = subject
    document["credentialStatus"] = {"id": issue.revocation_list, "type": REVOCATION_LIST}
    return document


def jwt_claims(document: Mapping[str, Any]) -> dict[str, Any]:
    """The VC-JWT payload (OB 3.0 §8.2): the credential itself, with the registered claims
    that mirror it (`iss`, `jti`, `nbf`; `sub` only where the subject has an id)."""
    claims = dict(document)
    claims["iss"] = document["issuer"]["id"]
    claims["jti"] = document["id"]
    claims["nbf"] = int(datetime.fromisoformat(document["validFrom"]).timestamp())
    subject_id = document["credentialSubject"].get("id")
    if subject_id is not None:
        claims["sub"] = subject_id
    return claims


def revocation_list(list_id: str, issuer: Issuer, revoked: Iterable[str]) -> dict[str, Any]:
    """The 1EdTech Revocation List a credential's `credentialStatus.id` names: the issuer's
    revoked credentials by id (the list names credentials, never students)."""
    return {
        "id": list_id,
        "issuer": issuer.id,
        "revokedCredentials": [{"id": credential_id} for credential_id in sorted(revoked)],
    }
