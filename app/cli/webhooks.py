"""`mastery webhooks list`: a tenant's webhook subscriptions, where each stands in the change
feed and whether it is failing (never a secret)."""

from __future__ import annotations

import json
from typing import Any

from app.cli.support import JsonFlag, TenantOption, command_group, console, with_use_cases

webhooks_cli = command_group("The webhook subscriptions of a tenant.")


@webhooks_cli.command("list")
def webhooks_list(tenant: TenantOption, as_json: JsonFlag = False) -> None:
    """List the tenant's webhook subscriptions."""

    async def listed(u: Any) -> list[dict[str, Any]]:
        from app.domain.changes import cursor_of

        found = await u.access.tenant_by_slug(tenant)
        if u.webhooks is None:
            return []
        return [
            {
                "id": s.id,
                "url": s.url,
                "event_types": list(s.event_types),
                "filters": s.filters.as_json(),
                "status": s.status.value,
                "position": cursor_of(s.position),
                "failures": s.failures,
                "next_attempt_at": s.next_attempt_at.isoformat() if s.next_attempt_at else None,
            }
            for s in await u.webhooks.subscriptions(found.id)
        ]

    subscriptions = with_use_cases(listed, as_json=as_json)
    if as_json:
        print(json.dumps(subscriptions))
        return
    if not subscriptions:
        console.print("No webhook subscriptions")
    for s in subscriptions:
        failing = f", {s['failures']} failure(s)" if s["failures"] else ""
        console.print(
            f"{s['id']}  {s['status']}  {s['url']}  {','.join(s['event_types'])}{failing}"
        )
