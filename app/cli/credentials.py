"""`mastery credentials ...`: the Open Badges 3.0 / CLR 2.0 issuer's keys."""

from __future__ import annotations

from app.cli.support import JsonFlag, command_group, print_data, with_use_cases

credentials_cli = command_group("Open Badges 3.0 / CLR 2.0 credentials: the issuer's keys.")
keys_cli = command_group(
    "The issuer's RSA keys (publish, sign, retire; retired keys stay published)."
)
credentials_cli.add_typer(keys_cli, name="keys")


@keys_cli.command("rotate")
def keys_rotate(as_json: JsonFlag = False) -> None:
    """Publish a new key; the published key starts signing; the signing key retires but stays
    in /credentials/jwks.json, so every credential it signed still verifies."""
    kid = with_use_cases(lambda u: u.credentials.rotate_keys(), as_json=as_json)
    print_data({"published": kid}, as_json)
