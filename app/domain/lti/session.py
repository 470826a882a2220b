"""A page session: who a launch from the LMS let in, and what they may see.

The launch (app/api/lti) checks the platform's signed id_token, maps the LTI roles to one of the
four pages and names the people the viewer may see; the pages (app/api/pages/lti) trust nothing
but this session. It travels as a short-lived token of ours (the `session` query parameter or an
`Authorization: Bearer` header), because an LMS iframe may block the third-party cookie a
session would otherwise ride on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.access import TenantId

# Long enough for a lesson, short enough that a copied link soon stops working.
PAGE_SESSION_SECONDS = 3600


class PageRole(StrEnum):
    """The page a launch opens, from the LTI roles (Learner, Instructor, Mentor, Administrator)."""

    STUDENT = "student"
    TEACHER = "teacher"
    GUARDIAN = "guardian"
    LEADER = "leader"


# Where each role's page lives; the launch answers a redirect to it with the session attached.
PAGE_PATHS: dict[PageRole, str] = {
    PageRole.STUDENT: "/lti/pages/student",
    PageRole.TEACHER: "/lti/pages/class",
    PageRole.GUARDIAN: "/lti/pages/guardian",
    PageRole.LEADER: "/lti/pages/school",
}


@dataclass(frozen=True)
class PageSession:
    """What one launch grants, for PAGE_SESSION_SECONDS.

    `user_id` is the service's LTI user (one per platform issuer and `sub`); `person_id` the
    roster user's sourcedId it is linked to, when the platform sent `lis.person_sourcedid` or the
    link was made before. `student_ids` are the students this viewer may see: the student
    themself, a mentor's mentees (`role_scope_mentor`), empty for teachers and leaders, whose
    students come from `class_id` and `org_ids` at page time. `framework_ids` are the frameworks
    a teacher chose for the course or resource link (empty: every framework with evidence).
    `frame_origin` is the platform's origin, the only page allowed to frame ours.
    """

    tenant_id: TenantId
    tenant_slug: str
    role: PageRole
    user_id: str
    person_id: str | None
    student_ids: tuple[str, ...] = ()
    class_id: str | None = None
    org_ids: tuple[str, ...] = ()
    framework_ids: tuple[str, ...] = ()
    frame_origin: str | None = None
    can_override: bool = False
    # The verified launch kept server-side (LaunchRecords), for what a page does with the
    # platform's services afterwards: NRPS, AGS and the Deep Linking answer.
    launch_id: str | None = None

    @property
    def page_path(self) -> str:
        return PAGE_PATHS[self.role]
