"""`mastery audit list`: a tenant's audit trail, newest first."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from app.cli.support import JsonFlag, TenantOption, command_group, console, with_use_cases

if TYPE_CHECKING:
    from app.domain.audit import RecordedAuditEntry

audit_cli = command_group("The audit trail of a tenant.")


def _row(recorded: RecordedAuditEntry) -> dict[str, Any]:
    e = recorded.entry
    return {
        "seq": recorded.seq,
        "at": e.at.isoformat(),
        "actor": e.actor,
        "kind": e.kind.value,
        "subject": e.subject,
        "student_id": e.student_id,
        "before": e.before,
        "after": e.after,
    }


@audit_cli.command("list")
def audit_list(
    tenant: TenantOption,
    kind: Annotated[list[str] | None, typer.Option(help="Only this kind (repeatable).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="Entries to show.")] = 50,
    as_json: JsonFlag = False,
) -> None:
    """The newest entries of a tenant's audit trail."""
    from app.domain.audit import AuditKind, AuditQuery

    try:
        kinds = frozenset(AuditKind(k) for k in kind or ())
    except ValueError:
        known = ", ".join(k.value for k in AuditKind)
        raise typer.BadParameter(f"known kinds: {known}", param_hint="--kind") from None

    async def listed(u: Any) -> list[RecordedAuditEntry]:
        found = await u.access.tenant_by_slug(tenant)
        page = await u.audit.entries(found.id, AuditQuery(limit=limit, kinds=kinds))
        items: list[RecordedAuditEntry] = page.items
        return items

    rows = [_row(r) for r in with_use_cases(listed, as_json=as_json)]
    if as_json:
        print(json.dumps({"entries": rows}, indent=2))
        return
    for row in rows:
        console.print(f"{row['seq']}  {row['at']}  {row['actor']}  {row['kind']}  {row['subject']}")
