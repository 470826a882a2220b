"""LTI roles → what the service shows (LTI Core 1.3 §5.3.7 and Appendix A.2; LTI 1.1 URNs).

A platform names roles as full URIs (context, institution or system vocabularies), as the
deprecated short context names ("Learner"), or as LTI 1.1 URNs; a sub-role
(`membership/Instructor#TeachingAssistant`) counts as its principal role. One launch may carry
several: the page shown is the most capable one the person holds in this context, except that a
Mentor scoped to particular users (`role_scope_mentor`) is a guardian of those users only."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from app.domain.lti.session import PageRole

_CONTEXT = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
_CONTEXT_SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/"
_INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#"
_SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#"
_LTI11 = ("urn:lti:role:ims/lis/", "urn:lti:instrole:ims/lis/", "urn:lti:sysrole:ims/lis/")


class RoleKind(StrEnum):
    LEARNER = "Learner"
    INSTRUCTOR = "Instructor"
    TEACHING_ASSISTANT = "TeachingAssistant"
    MENTOR = "Mentor"
    ADMINISTRATOR = "Administrator"
    OTHER = "Other"


# Institution and system role names that mean the same as a context role here.
_SAME_AS = {
    "Student": RoleKind.LEARNER,
    "Learner": RoleKind.LEARNER,
    "Faculty": RoleKind.INSTRUCTOR,
    "Instructor": RoleKind.INSTRUCTOR,
    "TeachingAssistant": RoleKind.TEACHING_ASSISTANT,
    "Mentor": RoleKind.MENTOR,
    "Administrator": RoleKind.ADMINISTRATOR,
    "SysAdmin": RoleKind.ADMINISTRATOR,
}


def role_kind(role: str) -> RoleKind:
    """What one role string names, whatever vocabulary it is written in."""
    name = role.strip()
    for prefix in (_CONTEXT, _INSTITUTION, _SYSTEM, *_LTI11):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    else:
        if name.startswith(_CONTEXT_SUB):  # a sub-role: membership/Instructor#TeachingAssistant
            principal, _, sub = name[len(_CONTEXT_SUB) :].partition("#")
            if sub == "TeachingAssistant":
                return RoleKind.TEACHING_ASSISTANT
            name = principal
    # LTI 1.1 writes sub-roles as "Instructor/TeachingAssistant"
    name = name.rpartition("/")[2] if "/" in name else name
    return _SAME_AS.get(name, RoleKind.OTHER)


def page_role(roles: Iterable[str], mentor_scope: Iterable[str] = ()) -> PageRole | None:
    """The page a launch opens, or None when no role the service knows was sent."""
    kinds = {role_kind(r) for r in roles}
    if RoleKind.ADMINISTRATOR in kinds:
        return PageRole.LEADER
    if kinds & {RoleKind.INSTRUCTOR, RoleKind.TEACHING_ASSISTANT}:
        return PageRole.TEACHER
    if RoleKind.MENTOR in kinds and any(True for _ in mentor_scope):
        return PageRole.GUARDIAN
    if RoleKind.LEARNER in kinds:
        return PageRole.STUDENT
    return None


def roster_role(roles: Iterable[str]) -> str | None:
    """The OneRoster role of a class member (NRPS): 'teacher', 'student', or None to skip."""
    kinds = {role_kind(r) for r in roles}
    if kinds & {RoleKind.INSTRUCTOR, RoleKind.TEACHING_ASSISTANT}:
        return "teacher"
    if RoleKind.LEARNER in kinds:
        return "student"
    return None
