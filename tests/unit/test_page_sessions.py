"""Page-session tokens: what a launch grants comes back whole, and nothing else opens a page."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest

from app.adapters.security.keys import KeyRing
from app.adapters.security.page_sessions import JwtPageSessionCodec
from app.adapters.security.tokens import JwtTokenCodec
from app.domain.access import Principal, Scope, TenantId
from app.domain.errors import Unauthorized
from app.domain.lti.session import PageRole, PageSession
from tests.fakes.clock import START

KEY = "page-session-test-key-0123456789-abcdefgh"
OTHER = "another-service-key-9876543210-ijklmnopq"
GUARDIAN = PageSession(
    tenant_id=TenantId(4),
    tenant_slug="lakeside",
    role=PageRole.GUARDIAN,
    user_id="lti-user-9",
    person_id="parent-1",
    student_ids=("stu-1", "stu-2"),
    org_ids=("school-1",),
    framework_ids=("fw-math",),
    frame_origin="https://lms.example.edu",
)


def test_a_session_comes_back_as_it_was_issued() -> None:
    codec = JwtPageSessionCodec(KeyRing((KEY,)))
    token = codec.issue(GUARDIAN, START, 600)
    assert codec.read(token, START + timedelta(seconds=599)) == GUARDIAN
    assert GUARDIAN.page_path == "/lti/pages/guardian"


def test_an_expired_session_is_refused() -> None:
    codec = JwtPageSessionCodec(KeyRing((KEY,)))
    token = codec.issue(GUARDIAN, START, 600)
    with pytest.raises(Unauthorized, match="expired"):
        codec.read(token, START + timedelta(seconds=600))


def test_a_session_signed_by_a_retired_key_still_opens_and_an_unknown_key_does_not() -> None:
    token = JwtPageSessionCodec(KeyRing((OTHER,))).issue(GUARDIAN, START, 600)
    assert JwtPageSessionCodec(KeyRing((KEY, OTHER))).read(token, START) == GUARDIAN
    with pytest.raises(Unauthorized):
        JwtPageSessionCodec(KeyRing((KEY,))).read(token, START)


def test_an_api_token_does_not_open_a_page_nor_a_page_token_call_the_api() -> None:
    ring = KeyRing((KEY,))
    principal = Principal("c-1", TenantId(4), "lakeside", frozenset({Scope.MASTERY_READ}), 1)
    api_token = JwtTokenCodec(ring).issue(principal, START, 600)
    with pytest.raises(Unauthorized):
        JwtPageSessionCodec(ring).read(api_token, START)
    page_token = JwtPageSessionCodec(ring).issue(GUARDIAN, START, 600)
    with pytest.raises(Unauthorized):
        JwtTokenCodec(ring).read(page_token, START)


def test_a_session_with_a_changed_claim_is_refused() -> None:
    codec = JwtPageSessionCodec(KeyRing((KEY,)))
    token = codec.issue(GUARDIAN, START, 600)
    claims = jwt.decode(token, options={"verify_signature": False})
    claims["stu"] = ["stu-1", "stu-2", "stu-3"]
    forged = jwt.encode(claims, OTHER, algorithm="HS256", headers=jwt.get_unverified_header(token))
    with pytest.raises(Unauthorized):
        codec.read(forged, START)
