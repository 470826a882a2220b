"""A class roster from the platform (Names and Role Provisioning Services 2.0): what each member
of a context is to the roster, and the roster records a pull writes.

- A member (NRPS 2.0 membership: user_id, roles, status, names, email, lis_person_sourcedid) is the
  roster person `person_id(issuer, user_id, lis_person_sourcedid)`: the SIS's person when the
  platform names one, else a person of the service's own making (app/domain/lti/people.py).
- Instructors and teaching assistants are the class's teachers, learners its students; other
  roles (mentors, observers, administrators of the account) are no class members.
- `status` Inactive or Deleted (the differences list sends Deleted for those who left)
  makes the enrollment `tobedeleted`; so does absence from a whole (non-differences) pull, for
  the enrollments the pulls made, never the SIS's.
- The class is the SIS's section when the launch names one the roster has
  (`lis.course_section_sourcedid`), else a class of the service's own making, one per
  (issuer, context_id), under a course of the same id and a school org per platform."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.errors import Problem
from app.domain.lti.people import LTI_PERSON_PREFIX, person_id
from app.domain.lti.roles import roster_role

ACTIVE = "Active"
LEFT = ("Inactive", "Deleted")


@dataclass(frozen=True)
class Member:
    person_id: str
    role: str  # 'teacher' or 'student' (app/domain/lti/roles.roster_role)
    active: bool
    given_name: str
    family_name: str
    email: str | None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]


def lti_class_id(issuer: str, context_id: str) -> str:
    """The class of the service's making for a platform's context (course) with no SIS section."""
    return f"{LTI_PERSON_PREFIX}class-{_digest(issuer, context_id)}"


def lti_school_id(issuer: str) -> str:
    """The school org a platform's own classes belong to (the roster wants one per class)."""
    return f"{LTI_PERSON_PREFIX}org-{_digest(issuer)}"


def enrollment_id(class_id: str, person: str) -> str:
    """The enrollment a pull makes for a person in a class: the same id on every pull."""
    return f"{LTI_PERSON_PREFIX}enr-{_digest(class_id, person)}"


def made_by_pulls(record_id: str) -> bool:
    """Whether a roster record is one the service made from a platform (not the SIS's)."""
    return record_id.startswith(LTI_PERSON_PREFIX)


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _names(raw: Mapping[str, Any]) -> tuple[str, str]:
    given, family = _text(raw.get("given_name")), _text(raw.get("family_name"))
    if given is None and family is None and (full := _text(raw.get("name"))):
        given, _, rest = full.partition(" ")
        family = rest or None
    return given or "", family or ""


def read_members(
    issuer: str, raw_members: Iterable[object], problems: list[Problem]
) -> list[Member]:
    """The class members among a page's `members` (others skipped); a member without a
    user_id or roles list is a problem of the platform's answer, located by its index."""
    members: list[Member] = []
    for i, raw in enumerate(raw_members):
        if not isinstance(raw, dict):
            problems.append(Problem(("members", i), "is not an object"))
            continue
        user_id, roles = _text(raw.get("user_id")), raw.get("roles")
        if user_id is None or not isinstance(roles, list):
            problems.append(Problem(("members", i), "has no user_id or no roles list"))
            continue
        role = roster_role(str(r) for r in roles)
        if role is None:
            continue
        status = raw.get("status", ACTIVE)
        given, family = _names(raw)
        members.append(
            Member(
                person_id=person_id(issuer, user_id, _text(raw.get("lis_person_sourcedid"))),
                role=role,
                active=status not in LEFT,
                given_name=given,
                family_name=family,
                email=_text(raw.get("email")),
            )
        )
    return members
