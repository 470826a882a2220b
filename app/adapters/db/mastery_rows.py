"""Frameworks, evidence, decisions and overrides to rows and back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from app.adapters.db.framework_json import (
    calculation_from_json,
    calculation_json,
    method_from_json,
    rollup_from_json,
    rollup_json,
    scale_from_json,
    scale_json,
)
from app.adapters.db.rows import StoredRow
from app.domain.associations import Association
from app.domain.case.identifiers import document_identifier, item_identifier
from app.domain.categories import Mark, categories_from
from app.domain.evidence import Evidence, EvidenceKind
from app.domain.frameworks import (
    DEFAULT_CALCULATION,
    Competency,
    Framework,
    RollupScore,
    Status,
)
from app.domain.mastery.decision import ComputedDecision, DecisionState, MasteryStatus
from app.domain.mastery.override import Override
from app.domain.mastery.record import ChangeCause, DecisionChange, DecisionRecord
from app.domain.scales import Level, Scale


def framework_values(framework: Framework, tenant: int, at: datetime) -> dict[str, Any]:
    return {
        "tenant_id": tenant,
        "id": framework.id,
        "title": framework.title,
        "description": framework.description,
        "version": framework.version,
        "status": framework.status.value,
        "scale": scale_json(framework.scale),
        "calculation": calculation_json(framework.calculation),
        "min_evidence": framework.min_evidence,
        "include_formative": framework.include_formative,
        "rollup_score": framework.rollup_score.value,
        "categories": [c.as_dict() for c in framework.categories],
        "missing_level": framework.missing_level,
        "uncategorised_category": framework.uncategorised_category,
        "category_map": dict(framework.category_map) or None,
        "case_identifier": document_identifier(framework),
        "case_meta": dict(framework.case) or None,
        "updated_at": at,
    }


def competency_values(
    competency: Competency, framework_id: str, tenant: int, at: datetime
) -> dict[str, Any]:
    return {
        "tenant_id": tenant,
        "id": competency.id,
        "framework_id": framework_id,
        "code": competency.code,
        "statement": competency.statement,
        "kind": competency.kind,
        "parent_id": competency.parent_id,
        "position": competency.position,
        "calculation": calculation_json(competency.calculation),
        "rollup": rollup_json(competency.rollup),
        "weight": competency.weight,
        "min_evidence": competency.min_evidence,
        "scale": None if competency.scale is None else scale_json(competency.scale),
        "mastery_threshold": competency.mastery_threshold,
        "status": competency.status.value,
        "case_identifier": item_identifier(competency),
        "case_meta": dict(competency.case) or None,
        "updated_at": at,
    }


def framework_from_rows(
    row: StoredRow,
    competencies: Sequence[StoredRow],
    associations: Sequence[Association] = (),
) -> Framework:
    return Framework(
        id=row["id"],
        title=row["title"],
        description=row["description"],
        version=row["version"],
        status=Status(row["status"]),
        scale=scale_from_json(row["scale"]),
        calculation=calculation_from_json(row["calculation"]) or DEFAULT_CALCULATION,
        min_evidence=row["min_evidence"],
        include_formative=row["include_formative"],
        rollup_score=RollupScore(row["rollup_score"]),
        categories=categories_from(row["categories"] or ()),
        missing_level=row["missing_level"],
        uncategorised_category=row["uncategorised_category"],
        category_map=tuple((row["category_map"] or {}).items()),
        competencies=tuple(
            Competency(
                id=c["id"],
                code=c["code"],
                statement=c["statement"],
                kind=c["kind"],
                parent_id=c["parent_id"],
                position=c["position"],
                calculation=calculation_from_json(c["calculation"]),
                rollup=rollup_from_json(c["rollup"]),
                weight=c["weight"],
                min_evidence=c["min_evidence"],
                scale=None if c["scale"] is None else scale_from_json(c["scale"]),
                mastery_threshold=c["mastery_threshold"],
                status=Status(c["status"]),
                case=c["case_meta"] or {},
            )
            for c in competencies
        ),
        case=row["case_meta"] or {},
        associations=tuple(associations),
        updated_at=row["updated_at"],
    )


def evidence_from_row(row: StoredRow) -> Evidence:
    return Evidence(
        id=row["id"],
        student_id=row["student_id"],
        competency_id=row["competency_id"],
        score=row["score"],
        max_score=row["max_score"],
        observed_at=row["observed_at"],
        source=row["source"],
        source_id=row["source_id"],
        kind=EvidenceKind(row["kind"]),
        comment=row["comment"],
        seq=row["seq"],
        voided_at=row["voided_at"],
        category=row["category"],
        weight=row["weight"],
        mark=None if row["mark"] is None else Mark(row["mark"]),
    )


STATUS_OF: dict[str, MasteryStatus] = {status.value: status for status in MasteryStatus}
"""A stored status's member by a dict, not the enum's own call (a page reads 20,000)."""


def _level(value: float | None, label: str | None) -> Level | None:
    return None if value is None or label is None else _level_of(value, label)


@lru_cache(maxsize=1024)
def _level_of(value: float, label: str) -> Level:
    # Levels are frozen values: a scale's few serve every decision read.
    return Level(value, label)


def _method_json(decision: ComputedDecision) -> dict[str, Any]:
    return dict(decision.method_dict())


def _computed(row: StoredRow) -> ComputedDecision:
    calculation, rollup = method_from_json(row["method"])
    return ComputedDecision(
        status=STATUS_OF[row["computed_status"]],
        score=row["computed_score"],
        level=_level(row["computed_level_value"], row["computed_level_label"]),
        evidence_count=row["evidence_count"],
        calculation=calculation,
        rollup=rollup,
    )


def override_json(override: Override | None) -> dict[str, Any] | None:
    return None if override is None else override.as_dict()


def override_from_json(data: Mapping[str, Any] | None) -> Override | None:
    if not data:
        return None
    level = data.get("level")
    return Override(
        level=Level(level["value"], level["label"]) if level else None,
        status=MasteryStatus(data["status"]) if data.get("status") else None,
        reason=data["reason"],
        expires_at=datetime.fromisoformat(data["expires_at"]) if data.get("expires_at") else None,
        set_at=datetime.fromisoformat(data["set_at"]),
        set_by=data["set_by"],
    )


def decision_values(
    record: DecisionRecord, shown_at: datetime, scale: Scale, tenant: int
) -> dict[str, Any]:
    shown = record.shown(shown_at, scale)
    c = record.computed
    return {
        "tenant_id": tenant,
        "student_id": record.student_id,
        "competency_id": record.competency_id,
        "framework_id": record.framework_id,
        "status": shown.status.value,
        "score": shown.score,
        "level_value": shown.level.value if shown.level else None,
        "level_label": shown.level.label if shown.level else None,
        "computed_status": c.status.value,
        "computed_score": c.score,
        "computed_level_value": c.level.value if c.level else None,
        "computed_level_label": c.level.label if c.level else None,
        "evidence_count": c.evidence_count,
        "method": _method_json(c),
        "state": record.state.to_dict() if record.state else None,
        "override": override_json(record.override),
        "override_expires_at": record.override.expires_at if record.override else None,
        "next_score_to_master": record.next_score_to_master,
        "updated_at": record.updated_at,
    }


def decision_from_row(row: StoredRow, *, with_state: bool = True) -> DecisionRecord:
    return DecisionRecord(
        student_id=row["student_id"],
        competency_id=row["competency_id"],
        framework_id=row["framework_id"],
        computed=_computed(row),
        # Reads that only show decisions leave the incremental state unloaded.
        state=DecisionState.from_dict(row["state"]) if with_state and row["state"] else None,
        override=override_from_json(row["override"]),
        next_score_to_master=row["next_score_to_master"],
        updated_at=row["updated_at"],
    )


def change_values(change: DecisionChange, tenant: int) -> dict[str, Any]:
    return {
        "tenant_id": tenant,
        "student_id": change.student_id,
        "competency_id": change.competency_id,
        "framework_id": change.framework_id,
        "changed_at": change.changed_at,
        "cause": change.cause.value,
        "status": change.status.value,
        "score": change.score,
        "level_value": change.level_value,
        "computed_status": change.computed_status.value,
        "computed_score": change.computed_score,
        "overridden": change.overridden,
        "valid_from": change.valid_from,
    }


def change_from_row(row: StoredRow) -> DecisionChange:
    return DecisionChange(
        student_id=row["student_id"],
        competency_id=row["competency_id"],
        framework_id=row["framework_id"],
        changed_at=row["changed_at"],
        cause=ChangeCause(row["cause"]),
        status=MasteryStatus(row["status"]),
        score=row["score"],
        level_value=row["level_value"],
        computed_status=MasteryStatus(row["computed_status"]),
        computed_score=row["computed_score"],
        overridden=row["overridden"],
        valid_from=row["valid_from"],
    )
