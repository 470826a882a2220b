"""`mastery lti ...`: the LTI tool's platform registrations and its own keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from app.cli.support import JsonFlag, TenantOption, command_group, print_data, with_use_cases

if TYPE_CHECKING:
    from app.domain.lti.platform import Registration
    from app.use_cases.catalog import UseCases

lti_cli = command_group("The LTI 1.3 tool: platform registrations and the tool's keys.")
platforms_cli = command_group("LMS platforms a tenant registered the tool in.")
keys_cli = command_group("The tool's RSA keys (publish, sign, retire).")
lti_cli.add_typer(platforms_cli, name="platforms")
lti_cli.add_typer(keys_cli, name="keys")


def _registration(found: Registration) -> dict[str, Any]:
    p = found.platform
    return {
        "id": found.id,
        "issuer": p.issuer,
        "client_id": p.client_id,
        "auth_login_url": p.auth_login_url,
        "token_url": p.token_url,
        "token_audience": p.token_audience,
        "jwks_url": p.jwks_url,
        "deployment_ids": list(found.deployment_ids),
    }


@platforms_cli.command("add")
def platforms_add(
    tenant: TenantOption,
    issuer: Annotated[str, typer.Option(help="The platform's iss, as its id_tokens carry it.")],
    client_id: Annotated[str, typer.Option(help="The client id the platform gave the tool.")],
    auth_login_url: Annotated[str, typer.Option(help="The platform's OIDC auth endpoint.")],
    token_url: Annotated[str, typer.Option(help="The platform's OAuth 2 token endpoint.")],
    jwks_url: Annotated[str, typer.Option(help="Where the platform publishes its keys.")],
    deployment_id: Annotated[
        list[str], typer.Option(help="A deployment whose launches open this tenant's pages.")
    ],
    token_audience: Annotated[
        str | None, typer.Option(help="The aud of client assertions, if not the token URL.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Register the tool in an LMS platform for a tenant."""
    from app.domain.lti.platform import Platform

    platform = Platform(issuer, client_id, auth_login_url, token_url, jwks_url, token_audience)

    async def add(u: UseCases) -> Registration:
        found = await u.access.tenant_by_slug(tenant)
        return await u.lti.register(found.id, platform, tuple(deployment_id))

    print_data(_registration(with_use_cases(add, as_json=as_json)), as_json)


@platforms_cli.command("list")
def platforms_list(tenant: TenantOption, as_json: JsonFlag = False) -> None:
    """A tenant's platform registrations."""

    async def listed(u: UseCases) -> list[Registration]:
        found = await u.access.tenant_by_slug(tenant)
        return await u.lti.registrations(found.id)

    rows = [_registration(r) for r in with_use_cases(listed, as_json=as_json)]
    if as_json:
        print_data({"platforms": rows}, as_json)
        return
    for row in rows:
        deployments = ", ".join(row["deployment_ids"])
        print_data({row["id"]: f"{row['issuer']} {row['client_id']} [{deployments}]"}, False)


@platforms_cli.command("remove")
def platforms_remove(
    tenant: TenantOption,
    registration_id: Annotated[str, typer.Argument(help="The registration's id (see list).")],
    as_json: JsonFlag = False,
) -> None:
    """Remove a registration: its launches are refused from now on."""

    async def remove(u: UseCases) -> None:
        found = await u.access.tenant_by_slug(tenant)
        await u.lti.unregister(found.id, registration_id)

    with_use_cases(remove, as_json=as_json)
    print_data({"removed": registration_id}, as_json)


@lti_cli.command("registration-url")
def registration_url(tenant: TenantOption, as_json: JsonFlag = False) -> None:
    """A Dynamic Registration URL for the tenant, good once within a day: paste it into the
    LMS's "register by URL" form."""
    from app.config import Settings

    base = Settings().public_url
    url = with_use_cases(
        lambda u: u.lti_registration.registration_url(tenant, base), as_json=as_json
    )
    print_data({"registration_url": url}, as_json)


@keys_cli.command("generate")
def keys_generate(as_json: JsonFlag = False) -> None:
    """Make the tool's first signing key, unless it has one."""
    kid = with_use_cases(lambda u: u.lti.generate_keys(), as_json=as_json)
    print_data({"generated": kid} if kid else {"generated": None, "note": "a key exists"}, as_json)


@keys_cli.command("rotate")
def keys_rotate(as_json: JsonFlag = False) -> None:
    """Publish a new key; the published key starts signing; the signing key retires. Rotate no
    more often than the JWKS max-age (an hour), so platforms have fetched a key before it signs."""
    kid = with_use_cases(lambda u: u.lti.rotate_keys(), as_json=as_json)
    print_data({"published": kid}, as_json)
