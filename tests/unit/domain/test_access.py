from __future__ import annotations

import pytest

from app.domain.access import (
    Principal,
    Scope,
    ScopeNotGranted,
    TenantId,
    format_scopes,
    grant_scopes,
    parse_scopes,
    validate_slug,
)
from app.domain.errors import Invalid


def test_scopes_parse_and_format_canonically() -> None:
    scopes = parse_scopes("  roster:write roster:read ")
    assert scopes == {Scope.ROSTER_READ, Scope.ROSTER_WRITE}
    assert format_scopes(scopes) == "roster:read roster:write"


def test_every_unknown_scope_is_reported() -> None:
    with pytest.raises(Invalid) as caught:
        parse_scopes("roster:read fly swim")
    assert [p.msg.split(";")[0] for p in caught.value.problems] == [
        "unknown scope 'fly'",
        "unknown scope 'swim'",
    ]


def test_a_token_gets_all_held_scopes_or_the_requested_subset() -> None:
    held = frozenset({Scope.ROSTER_READ, Scope.MASTERY_READ})
    assert grant_scopes(held, None) == held
    assert grant_scopes(held, frozenset()) == held
    assert grant_scopes(held, frozenset({Scope.MASTERY_READ})) == {Scope.MASTERY_READ}
    with pytest.raises(ScopeNotGranted):
        grant_scopes(held, frozenset({Scope.ADMIN}))


def test_admin_allows_everything_and_others_only_themselves() -> None:
    admin = Principal("c", TenantId(1), "t", frozenset({Scope.ADMIN}))
    reader = Principal("c", TenantId(1), "t", frozenset({Scope.ROSTER_READ}))
    assert all(admin.allows(s) for s in Scope)
    assert reader.allows(Scope.ROSTER_READ)
    assert not reader.allows(Scope.ROSTER_WRITE)


@pytest.mark.parametrize("slug", ["demo", "d", "north-district-7", "a" * 63])
def test_valid_slugs(slug: str) -> None:
    assert validate_slug(slug) == slug


@pytest.mark.parametrize("slug", ["", "-lead", "Upper", "has space", "a" * 64, "ünï"])
def test_invalid_slugs(slug: str) -> None:
    with pytest.raises(Invalid):
        validate_slug(slug)


def test_gradebook_scopes_grant_their_names_and_the_services_own_grant_them() -> None:
    vendor = Principal("c", TenantId(1), "t", frozenset({Scope.GRADEBOOK_CREATEPUT}))
    assert vendor.allows(Scope.GRADEBOOK_CREATEPUT)
    assert not vendor.allows(Scope.EVIDENCE_WRITE)  # it may not void a teacher's evidence
    assert not vendor.allows(Scope.GRADEBOOK_DELETE)
    assert not vendor.allows(Scope.MASTERY_READ)
    assert not vendor.allows(Scope.GRADEBOOK_READONLY)
    deleter = Principal("c", TenantId(1), "t", frozenset({Scope.GRADEBOOK_DELETE}))
    assert not deleter.allows(Scope.EVIDENCE_WRITE)  # it may not post evidence
    assert not deleter.allows(Scope.GRADEBOOK_CREATEPUT)
    gradebook_reader = Principal("c", TenantId(1), "t", frozenset({Scope.GRADEBOOK_READONLY}))
    assert not gradebook_reader.allows(Scope.MASTERY_READ)
    writer = Principal("c", TenantId(1), "t", frozenset({Scope.EVIDENCE_WRITE}))
    assert writer.allows(Scope.GRADEBOOK_CREATEPUT)
    assert writer.allows(Scope.GRADEBOOK_DELETE)
    reader = Principal("c", TenantId(1), "t", frozenset({Scope.MASTERY_READ}))
    assert reader.allows(Scope.GRADEBOOK_READONLY)
    assert not reader.allows(Scope.GRADEBOOK_DELETE)
    parsed = parse_scopes("https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly")
    assert parsed == {Scope.GRADEBOOK_READONLY}
