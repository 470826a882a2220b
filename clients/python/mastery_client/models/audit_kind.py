from typing import Literal

AuditKind = Literal[
    "client.created",
    "client.deleted",
    "client.disabled",
    "client.rotated",
    "crosswalk.changed",
    "framework.changed",
    "grade_rules.changed",
    "override.cleared",
    "override.set",
    "roster.imported",
    "roster.synced",
    "student.erased",
    "student.exported",
    "term.closed",
    "term.reopened",
    "webhook.changed",
    "webhook.created",
    "webhook.deleted",
    "webhook.disabled",
    "webhook.replayed",
    "webhook.rotated",
]

AUDIT_KIND_VALUES: set[AuditKind] = {
    "client.created",
    "client.deleted",
    "client.disabled",
    "client.rotated",
    "crosswalk.changed",
    "framework.changed",
    "grade_rules.changed",
    "override.cleared",
    "override.set",
    "roster.imported",
    "roster.synced",
    "student.erased",
    "student.exported",
    "term.closed",
    "term.reopened",
    "webhook.changed",
    "webhook.created",
    "webhook.deleted",
    "webhook.disabled",
    "webhook.replayed",
    "webhook.rotated",
}


def check_audit_kind(value: str) -> AuditKind:
    if value in AUDIT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUDIT_KIND_VALUES!r}")
