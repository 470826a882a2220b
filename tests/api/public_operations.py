"""The operations that need no token, for the tests that go through every operation (the
scope matrix, tenancy)."""

PUBLIC = {("GET", "/healthz"), ("GET", "/readyz"), ("POST", "/oauth/token")} | {
    # The credentials' public side: what a wallet, school or employer verifies with.
    ("GET", f"/credentials{tail}")
    for tail in (
        "/jwks.json",
        "/keys/{kid}",
        "/issuers/{slug}",
        "/issuers/{slug}/achievements/{competency_id}",
        "/issuers/{slug}/revocations",
        "/{id}",
        "/{id}/verify",
    )
}
