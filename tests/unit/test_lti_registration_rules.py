"""The rules every platform registration keeps, however it arrives (API, CLI, a platform
registering itself): what the registry can store, and URLs a browser or the service can use."""

from __future__ import annotations

from dataclasses import replace

from app.domain.lti.platform import Platform, registration_problems

GOOD = Platform(
    "https://lms.test",
    "tool-1",
    "https://lms.test/auth",
    "https://lms.test/token",
    "https://lms.test/jwks",
)


def test_a_good_registration_has_no_problem() -> None:
    assert registration_problems(GOOD, ("d-1",)) == []


def test_every_problem_is_named() -> None:
    bad = Platform("lms", "x" * 256, "ftp://lms/auth", "https://lms.test/t", "https://", "mailto:a")
    where = [p.loc for p in registration_problems(bad, ("", "d-2"))]
    assert where == [
        ("client_id",),
        ("issuer",),
        ("auth_login_url",),
        ("jwks_url",),
        ("token_audience",),
        ("deployment_ids", 0),
    ]
    assert [p.loc for p in registration_problems(GOOD, ())] == [("deployment_ids",)]
    long_issuer = replace(GOOD, issuer="https://" + "a" * 250)
    assert [p.loc for p in registration_problems(long_issuer, ("d",))] == [("issuer",)]
