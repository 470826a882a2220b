"""JSON Merge Patch (RFC 7396): how a PATCH body changes a resource's JSON.

Hand-written after the RFC's own algorithm (section 2), since it is eight lines and the
service adds one rule of its own on top (app/api/rest/framework_documents.py)."""

from __future__ import annotations

from typing import Any

MERGE_PATCH = "application/merge-patch+json"


def merge_patch(target: Any, patch: Any) -> Any:
    """`target` changed by `patch`: a member set to null is removed, an object merges into
    the object it names, anything else (an array, a number, a string) replaces the value."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = merge_patch(merged.get(name), value)
    return merged
