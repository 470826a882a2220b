"""The `Prefer` request header (RFC 7240) as far as this service honours it: `return=minimal`
on the routes that would otherwise answer every decision a write changed.

A preference is a hint: one this service does not know, a malformed header, or
`return=representation` leaves the default answer. A route that honours `return=minimal`
says so in `Preference-Applied`, so a client can tell a minimal answer from a default one."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header

PREFERENCE_APPLIED = "Preference-Applied"
RETURN_MINIMAL = "return=minimal"

PreferHeader = Annotated[
    str | None,
    Header(
        alias="Prefer",
        description=(
            "RFC 7240. `return=minimal` answers counts instead of every decision the batch "
            "changed (cheaper for high-volume senders); the answer then carries "
            "`Preference-Applied: return=minimal`. Anything else keeps the default answer."
        ),
    ),
]


def prefers_minimal(prefer: str | None) -> bool:
    """Whether a Prefer header asks for `return=minimal` (RFC 7240 section 4.2): preferences
    are separated by commas, parameters by semicolons, names are case-insensitive and a value
    may be quoted; the first `return` preference wins (section 2)."""
    if not prefer:
        return False
    for preference in prefer.split(","):
        token = preference.split(";", 1)[0]
        name, _, value = token.partition("=")
        if name.strip().lower() == "return":
            return value.strip().strip('"').lower() == "minimal"
    return False
