"""CASE associations to rows and back."""

from __future__ import annotations

from typing import Any

from app.adapters.db.rows import StoredRow
from app.domain.associations import Association, NodeLink


def association_values(
    association: Association, framework_id: str, position: int, tenant: int
) -> dict[str, Any]:
    origin, destination = association.origin, association.destination
    return {
        "tenant_id": tenant,
        "framework_id": framework_id,
        "identifier": association.identifier,
        "position": position,
        "association_type": association.type,
        "origin_identifier": origin.identifier,
        "origin_uri": origin.uri,
        "origin_title": origin.title,
        "origin_competency_id": origin.competency_id,
        "destination_identifier": destination.identifier,
        "destination_uri": destination.uri,
        "destination_title": destination.title,
        "destination_competency_id": destination.competency_id,
        "sequence_number": association.sequence_number,
        "tree": association.tree,
        "case_meta": dict(association.case) or None,
    }


def association_from_row(row: StoredRow) -> Association:
    return Association(
        identifier=row["identifier"],
        type=row["association_type"],
        origin=NodeLink(
            row["origin_identifier"],
            row["origin_uri"],
            row["origin_title"],
            row["origin_competency_id"],
        ),
        destination=NodeLink(
            row["destination_identifier"],
            row["destination_uri"],
            row["destination_title"],
            row["destination_competency_id"],
        ),
        sequence_number=row["sequence_number"],
        tree=row["tree"],
        case=row["case_meta"] or {},
    )
