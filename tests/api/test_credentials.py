"""Open Badges 3.0 and CLR 2.0 credentials, through the real app on both databases: issued only
for mastery, valid against 1EdTech's JSON schemas (../shared/data/badges, read in place), their
VC-JWT signature checked here with `cryptography` alone (not the code that signed), revoked
through the district's 1EdTech Revocation List, and still verifying after the key that signed
them retired."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers
from sqlalchemy import text

from app.bootstrap import Container
from app.domain.case.identifiers import derived
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the checkout (a worktree under ../wt/ looks one level further up).
_BADGES = [p / "shared" / "data" / "badges" for p in (ROOT.parent, ROOT.parent.parent)]
BASE = "http://test"
OB_SCHEMA = "ob_v3p0_achievementcredential_schema_draft4.json"
CLR_SCHEMA = "clr_v2p0_clrcredential_schema_draft4.json"


def _badges() -> Path:
    for path in _BADGES:
        if path.is_dir():
            return path
    pytest.skip(f"{_BADGES[0]} is absent: 1EdTech's schemas live in ../shared/data/badges")


def schema_errors(schema: str, document: dict[str, Any]) -> list[str]:
    """Every way `document` breaks one of the draft-04 schemas (empty: it validates)."""
    loaded = json.loads((_badges() / "schema" / schema).read_text())
    validator = jsonschema_rs.Draft4Validator(loaded)
    return [f"{list(e.instance_path)}: {e.message}" for e in validator.iter_errors(document)]


def example(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((_badges() / "examples" / name).read_text())
    return loaded


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


async def verified_independently(api: Api, token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JOSE header and payload of a compact JWS whose RS256 signature (RFC 7515 §5.2,
    RFC 7518 §3.3: RSASSA-PKCS1-v1_5 with SHA-256 over `header.payload`) verifies with the key
    its `kid` URL serves; the key must also be in the published JWK Set."""
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(_b64(header_b64))
    assert header["alg"] == "RS256"
    assert header["typ"] == "vc+jwt"
    assert header["kid"].startswith(f"{BASE}/credentials/keys/")
    jwk = (await api.http.get(header["kid"].removeprefix(BASE))).json()
    published = (await api.http.get("/credentials/jwks.json")).json()["keys"]
    assert jwk in published
    assert jwk["kty"] == "RSA"
    assert "d" not in jwk
    public = RSAPublicNumbers(
        int.from_bytes(_b64(jwk["e"])), int.from_bytes(_b64(jwk["n"]))
    ).public_key()
    public.verify(  # raises InvalidSignature
        _b64(signature_b64),
        f"{header_b64}.{payload_b64}".encode(),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    return header, json.loads(_b64(payload_b64))


async def mastered_s1(api: Api) -> None:
    """fw-math with student-1's results 2, 3, 4 on s-1: decaying average 3.53, mastered
    (worked in tests/api/test_mastery_api.py); s-2 has no evidence."""
    await seed_framework(api)
    await post(api, result(2, 1), result(3, 2), result(4, 3))


async def issue(api: Api, body: dict[str, Any], student: str = "student-1") -> Any:
    return await api.post(f"/v1/students/{student}/credentials", json=body)


def test_the_schemas_accept_the_published_examples_and_refuse_the_invalid_one() -> None:
    # The shared schemas are OB 3.0's and CLR 2.0's draft-04 ones, which still require VCDM
    # 1.1's issuanceDate; the examples are 3.0.3's (VCDM 2.0: validFrom only). So the simple
    # examples fail for that one property, and pass once it is added (positive control)...
    simple = example("ob30-simple.json")
    assert schema_errors(OB_SCHEMA, simple) == ['[]: "issuanceDate" is a required property']
    assert schema_errors(OB_SCHEMA, {**simple, "issuanceDate": simple["validFrom"]}) == []
    assert schema_errors(CLR_SCHEMA, example("clr20-complex.json")) == []
    clr = example("clr20-simple.json")
    clr["issuanceDate"] = clr["validFrom"]
    for nested in clr["credentialSubject"]["verifiableCredential"]:
        nested["issuanceDate"] = nested["validFrom"]
    assert schema_errors(CLR_SCHEMA, clr) == []
    # ... and the invalid example fails (negative control).
    assert schema_errors(OB_SCHEMA, example("ob30-INVALID-credential-subject-result-type.json"))
    # A credential without its achievement fails too: the validator does check nested parts.
    del simple["credentialSubject"]["achievement"]
    assert any("achievement" in e for e in schema_errors(OB_SCHEMA, simple))


async def test_an_open_badge_of_a_mastered_competency_validates_and_verifies(api: Api) -> None:
    await mastered_s1(api)
    response = await issue(api, {"competency_id": "s-1"})
    assert response.status_code == 201, response.text
    issued = response.json()
    header, payload = await verified_independently(api, issued["jwt"])
    url = f"{BASE}/credentials/{issued['id']}"
    issuer = f"{BASE}/credentials/issuers/{api.tenant.slug}"
    # OB 3.0 §8.2: the payload is the credential, with iss, jti and nbf mirroring it.
    assert payload["iss"] == issuer
    assert payload["jti"] == url == issued["url"]
    issued_at = datetime.fromisoformat(issued["issued_at"])
    assert payload["nbf"] == int(issued_at.timestamp())
    assert "sub" not in payload  # the subject has no id: it is named by a hashed identifier
    credential = issued["credential"]
    assert {k: v for k, v in payload.items() if k not in ("iss", "jti", "nbf")} == credential
    assert schema_errors(OB_SCHEMA, credential) == []
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["id"] == issuer
    assert credential["validFrom"] == credential["issuanceDate"]
    assert credential["credentialStatus"] == {
        "id": f"{issuer}/revocations",
        "type": "1EdTechRevocationList",
    }
    subject = credential["credentialSubject"]
    (identity,) = subject["identifier"]
    digest = hashlib.sha256(("student-1" + identity["salt"]).encode()).hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "sisSourcedId",
        "hashed": True,
        "salt": identity["salt"],
    }
    assert len(identity["salt"]) == 32
    assert "student-1" not in json.dumps(payload)  # nor the student's name: only the hash
    achievement = subject["achievement"]
    assert achievement["id"] == f"{issuer}/achievements/s-1"
    assert achievement["humanCode"] == "4.NBT.1"
    assert achievement["description"] == "Place value"
    (alignment,) = achievement["alignment"]
    # An authored competency's CFItem is served under its name-based identifier.
    cf_item = f"{BASE}/ims/case/v1p0/CFItems/{derived('CFItem', 's-1')}"
    assert alignment["targetUrl"] == cf_item
    assert alignment["targetType"] == "CFItem"
    served = await api.get(cf_item.removeprefix(BASE))
    assert served.status_code == 200
    assert served.json()["uri"] == cf_item
    # The public documents the credential points at answer without a token.
    public = api.http
    assert (await public.get(achievement["id"].removeprefix(BASE))).json()["id"] == achievement[
        "id"
    ]
    profile = (await public.get(issuer.removeprefix(BASE))).json()
    assert profile["id"] == issuer
    assert profile["type"] == ["Profile"]
    assert (await public.get(f"/credentials/{issued['id']}")).json() == credential
    as_jwt = await public.get(
        f"/credentials/{issued['id']}", headers={"Accept": "application/vc+jwt"}
    )
    assert as_jwt.headers["content-type"].startswith("application/vc+jwt")
    assert as_jwt.text == issued["jwt"]
    verdict = (await public.get(f"/credentials/{issued['id']}/verify")).json()
    assert verdict["verified"] is True
    assert verdict["revoked"] is False
    assert [(c["check"], c["passed"]) for c in verdict["checks"]] == [
        ("signature", True),
        ("credential_id", True),
        ("revocation", True),
    ]
    listed = (await api.get("/v1/students/student-1/credentials")).json()["items"]
    assert [(i["id"], i["kind"], i["competency_id"], i["revoked"]) for i in listed] == [
        (issued["id"], "open_badge", "s-1", False)
    ]
    assert set(header) == {"alg", "typ", "kid"}


def _kid_of(issued: dict[str, Any]) -> str:
    header = json.loads(_b64(issued["jwt"].split(".")[0]))
    return str(header["kid"].rsplit("/", 1)[1])


async def test_a_clr_holds_every_mastered_competency_and_their_associations(api: Api) -> None:
    await mastered_s1(api)
    # s-2 set mastered by a teacher.
    override = {"status": "mastered", "reason": "Shown in class"}
    put = await api.put("/v1/students/student-1/mastery/s-2/override", json=override)
    assert put.status_code == 200, put.text
    mastery = (await api.get("/v1/students/student-1/mastery")).json()
    mastered = sorted(d["competency_id"] for d in mastery["items"] if d["status"] == "mastered")
    # s-1 by its results (3.53), s-2 by the override, d-nbt (rule "all") by both children.
    assert mastered == ["d-nbt", "s-1", "s-2"]
    response = await issue(api, {"kind": "clr"})
    assert response.status_code == 201, response.text
    issued = response.json()
    _, payload = await verified_independently(api, issued["jwt"])
    credential = issued["credential"]
    assert schema_errors(CLR_SCHEMA, credential) == []
    assert credential["type"] == ["VerifiableCredential", "ClrCredential"]
    subject = credential["credentialSubject"]
    issuer = f"{BASE}/credentials/issuers/{api.tenant.slug}/achievements"
    assert sorted(a["id"] for a in subject["achievement"]) == [f"{issuer}/{c}" for c in mastered]
    assert "s-1" in mastered
    assert "s-2" in mastered
    nested = subject["verifiableCredential"]
    assert sorted(n["credentialSubject"]["achievement"]["id"] for n in nested) == sorted(
        a["id"] for a in subject["achievement"]
    )
    for one in nested:
        assert schema_errors(OB_SCHEMA, one) == []
    expected = sorted(
        (f"{issuer}/{child}", f"{issuer}/d-nbt") for child in ("s-1", "s-2") if "d-nbt" in mastered
    )
    assert sorted((a["sourceId"], a["targetId"]) for a in subject.get("association", [])) == (
        expected
    )
    assert issued["kind"] == "clr"
    assert issued["competency_id"] is None
    assert payload["jti"] == issued["url"]


async def test_what_is_not_mastered_is_refused_and_nothing_is_written(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(1, 1))  # s-1 at 1: not yet; s-2 has no evidence
    refused = await issue(api, {"competency_id": "s-1"})
    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["errors"] == [
        {"loc": ["competency_id"], "msg": "the decision is not_yet, not mastered"}
    ]
    no_evidence = (await issue(api, {"competency_id": "s-2"})).json()
    assert no_evidence["errors"][0]["msg"] == "the decision is no_evidence, not mastered"
    clr = await issue(api, {"kind": "clr"})
    assert clr.status_code == 409
    assert clr.json()["errors"][0]["loc"] == ["kind"]
    assert (await issue(api, {"competency_id": "nope"})).status_code == 404
    assert (await issue(api, {"competency_id": "s-1"}, student="nobody")).status_code == 404
    both = await issue(api, {"kind": "clr", "competency_id": "s-1"})
    assert both.status_code == 422
    assert [e["loc"] for e in both.json()["errors"]] == [["competency_id"]]
    neither = await issue(api, {})
    assert neither.status_code == 422
    assert (await api.get("/v1/students/student-1/credentials")).json() == {"items": []}


async def test_another_district_cannot_issue_list_or_revoke(api: Api, other_api: Api) -> None:
    await mastered_s1(api)
    issued = (await issue(api, {"competency_id": "s-1"})).json()
    assert (await issue(other_api, {"competency_id": "s-1"})).status_code == 404
    assert (await other_api.get("/v1/students/student-1/credentials")).status_code == 404
    theirs = await other_api.post(f"/v1/credentials/{issued['id']}/revoke")
    assert theirs.status_code == 404
    assert theirs.json()["type"] == "/problems/not-found"
    listed = (await api.get("/v1/students/student-1/credentials")).json()["items"]
    assert [i["revoked"] for i in listed] == [False]


async def test_a_revoked_credential_is_listed_and_verifies_as_revoked(api: Api) -> None:
    await mastered_s1(api)
    kept = (await issue(api, {"competency_id": "s-1"})).json()
    revoked = (await issue(api, {"competency_id": "s-1"})).json()
    answer = await api.post(f"/v1/credentials/{revoked['id']}/revoke")
    assert answer.status_code == 200
    assert answer.json()["revoked"] is True
    again = await api.post(f"/v1/credentials/{revoked['id']}/revoke")
    assert again.json()["revoked_at"] == answer.json()["revoked_at"]
    # The list the credential itself names (credentialStatus.id), fetched without a token.
    status = revoked["credential"]["credentialStatus"]
    listed = (await api.http.get(status["id"].removeprefix(BASE))).json()
    assert listed["id"] == status["id"]
    assert listed["issuer"] == revoked["credential"]["issuer"]["id"]
    assert listed["revokedCredentials"] == [{"id": revoked["url"]}]
    assert kept["url"] not in json.dumps(listed)
    verdict = (await api.http.get(f"/credentials/{revoked['id']}/verify")).json()
    assert verdict["verified"] is False
    assert verdict["revoked"] is True
    assert [c["passed"] for c in verdict["checks"]] == [True, True, False]
    still = (await api.http.get(f"/credentials/{kept['id']}/verify")).json()
    assert still["verified"] is True
    items = (await api.get("/v1/students/student-1/credentials")).json()["items"]
    states = {i["id"]: i["revoked"] for i in items}
    assert states == {kept["id"]: False, revoked["id"]: True}


async def test_a_credential_signed_by_a_retired_key_still_verifies(
    api: Api, container: Container
) -> None:
    await mastered_s1(api)
    old = (await issue(api, {"competency_id": "s-1"})).json()
    keys = container.adapters.credentials.keys
    now = container.adapters.clock.now()
    # published -> signing -> retired: after two rotations the old signing key is retired.
    await keys.rotate(now)
    await keys.rotate(now)
    new = (await issue(api, {"competency_id": "s-1"})).json()
    old_kid, new_kid = _kid_of(old), _kid_of(new)
    assert old_kid != new_kid
    async with container.engine.connect() as connection:
        state = (
            await connection.execute(
                text("SELECT state FROM credential_issuer_keys WHERE kid = :kid"), {"kid": old_kid}
            )
        ).scalar_one()
    assert state == "retired"
    await verified_independently(api, old["jwt"])
    await verified_independently(api, new["jwt"])
    for issued in (old, new):
        verdict = (await api.http.get(f"/credentials/{issued['id']}/verify")).json()
        assert verdict["verified"] is True, verdict


async def test_erasing_a_student_erases_their_credentials(api: Api) -> None:
    await mastered_s1(api)
    issued = (await issue(api, {"competency_id": "s-1"})).json()
    exported = (await api.get("/v1/students/student-1/export")).json()
    assert [c["id"] for c in exported["records"]["credentials"]] == [issued["id"]]
    erased = await api.delete("/v1/students/student-1", params={"confirm": "student-1"})
    assert erased.status_code == 200, erased.text
    assert erased.json()["credentials"] == 1
    assert (await api.http.get(f"/credentials/{issued['id']}/verify")).status_code == 404
    assert (await api.http.get(f"/credentials/{issued['id']}")).status_code == 404


async def test_a_tampered_credential_or_an_unknown_one_does_not_verify(
    api: Api, container: Container
) -> None:
    await mastered_s1(api)
    issued = (await issue(api, {"competency_id": "s-1"})).json()
    keys = container.adapters.credentials.keys
    assert (await keys.verify(issued["jwt"]))["jti"] == issued["url"]
    header, payload, signature = issued["jwt"].split(".")
    claims = json.loads(_b64(payload))
    claims["name"] = "Mastered everything"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert await keys.verify(f"{header}.{forged}.{signature}") is None
    assert await keys.verify(f"{header}.{payload}.{signature[:-4]}AAAA") is None
    public = api.http
    for url in (
        "/credentials/00000000-0000-4000-8000-000000000000/verify",
        "/credentials/00000000-0000-4000-8000-000000000000",
        "/credentials/keys/no-such-key",
        "/credentials/issuers/no-such-district",
        f"/credentials/issuers/{api.tenant.slug}/achievements/no-such-competency",
    ):
        answer = await public.get(url)
        assert answer.status_code == 404, url
        assert answer.headers["content-type"] == "application/problem+json"
