"""`mastery changes sweep`: forget a tenant's change-feed events older than the retention
(MASTERY_CHANGES_RETENTION_DAYS); run it daily from the scheduler that runs the service."""

from __future__ import annotations

import json
from typing import Any

from app.cli.support import JsonFlag, TenantOption, command_group, console, with_use_cases

changes_cli = command_group("The change feed of a tenant.")


@changes_cli.command("sweep")
def changes_sweep(tenant: TenantOption, as_json: JsonFlag = False) -> None:
    """Delete the tenant's change events older than the retention period."""

    async def swept(u: Any) -> int:
        found = await u.access.tenant_by_slug(tenant)
        forgotten: int = await u.changes.sweep(found.id)
        return forgotten

    forgotten = with_use_cases(swept, as_json=as_json)
    if as_json:
        print(json.dumps({"forgotten": forgotten}))
        return
    console.print(f"{forgotten} change event(s) older than the retention forgotten")
