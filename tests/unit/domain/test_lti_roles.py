"""LTI roles in every vocabulary a platform uses map onto the page it opens (LTI Core 1.3 A.2)."""

from __future__ import annotations

import pytest

from app.domain.lti.people import person_id
from app.domain.lti.roles import RoleKind, page_role, role_kind, roster_role
from app.domain.lti.session import PageRole

M = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#"
ADMIN_11 = "urn:lti:instrole:ims/lis/Administrator"


@pytest.mark.parametrize(
    ("role", "kind"),
    [
        (M + "Learner", RoleKind.LEARNER),
        ("Learner", RoleKind.LEARNER),
        ("urn:lti:role:ims/lis/Learner", RoleKind.LEARNER),
        ("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student", RoleKind.LEARNER),
        (M + "Instructor", RoleKind.INSTRUCTOR),
        ("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty", RoleKind.INSTRUCTOR),
        (
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
            RoleKind.TEACHING_ASSISTANT,
        ),
        ("urn:lti:role:ims/lis/Instructor/TeachingAssistant", RoleKind.TEACHING_ASSISTANT),
        (M + "Mentor", RoleKind.MENTOR),
        (
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
            RoleKind.ADMINISTRATOR,
        ),
        ("urn:lti:instrole:ims/lis/Administrator", RoleKind.ADMINISTRATOR),
        (M + "ContentDeveloper", RoleKind.OTHER),
        ("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Guest", RoleKind.OTHER),
    ],
)
def test_each_vocabulary_names_the_same_role(role: str, kind: RoleKind) -> None:
    assert role_kind(role) == kind


def test_the_most_capable_role_picks_the_page() -> None:
    assert page_role([M + "Learner"]) == PageRole.STUDENT
    assert page_role([M + "Learner", M + "Instructor"]) == PageRole.TEACHER
    assert page_role([ADMIN_11, M + "Instructor"]) == PageRole.LEADER
    assert page_role([M + "ContentDeveloper"]) is None


def test_a_mentor_is_a_guardian_only_of_the_users_named() -> None:
    assert page_role([M + "Mentor"], ["sub-7"]) == PageRole.GUARDIAN
    assert page_role([M + "Mentor"]) is None  # a mentor of nobody in particular sees nothing


def test_class_members_become_teachers_or_students() -> None:
    assert roster_role([M + "Instructor"]) == "teacher"
    assert roster_role(["Learner"]) == "student"
    assert roster_role([M + "Mentor"]) is None


def test_a_person_is_the_sis_id_when_sent_and_otherwise_one_id_per_issuer_and_sub() -> None:
    assert person_id("https://lms.example", "u1", "stu-42") == "stu-42"
    made = person_id("https://lms.example", "u1")
    assert made == person_id("https://lms.example", "u1", None)
    assert made.startswith("lti-")
    assert len(made) == 28
    assert made != person_id("https://other.example", "u1")
    assert made != person_id("https://lms.example", "u2")
