"""The schema's enums are the domain's own, named for GraphQL: one list of values, one place,
and resolvers hand domain values straight through.

`strawberry.enum` marks the domain's class itself and hands it back; the names here are plain
aliases of those classes, so type checkers read them as the types they are."""

from __future__ import annotations

from typing import TypeAlias

import strawberry

from app.domain import categories, denominators, evidence, frameworks, reporting, roster
from app.domain.mastery import decision, override

MasteryStatus: TypeAlias = decision.MasteryStatus
EvidenceKind: TypeAlias = evidence.EvidenceKind
EvidenceMark: TypeAlias = categories.Mark
RecordState: TypeAlias = frameworks.Status
OrgType: TypeAlias = roster.OrgType
Sex: TypeAlias = roster.Sex
RaceEthnicity: TypeAlias = reporting.RaceEthnicity
SummaryDimension: TypeAlias = reporting.Dimension
TrendInterval: TypeAlias = reporting.Interval
Denominator: TypeAlias = denominators.Denominator
OverrideState: TypeAlias = override.OverrideState

strawberry.enum(MasteryStatus, name="MasteryStatus")
strawberry.enum(EvidenceKind, name="EvidenceKind")
strawberry.enum(
    EvidenceMark,
    name="EvidenceMark",
    description="missing counts as the framework's missingLevel; exempt and incomplete "
    "are listed, not counted.",
)
strawberry.enum(RecordState, name="RecordState")
strawberry.enum(OrgType, name="OrgType")
strawberry.enum(Sex, name="Sex")
strawberry.enum(
    RaceEthnicity,
    name="RaceEthnicity",
    description="The federal reporting category, derived from the flags.",
)
strawberry.enum(
    OverrideState,
    name="OverrideState",
    description="CURRENT (in force), REMOVED (cleared, or replaced by another), EXPIRED.",
)
strawberry.enum(SummaryDimension, name="SummaryDimension")
strawberry.enum(TrendInterval, name="TrendInterval")
strawberry.enum(
    Denominator,
    name="Denominator",
    description="Which competencies a student counts for: GRADE_LEVEL, those of their grade "
    "(the competencies' education levels, inherited from the nearest ancestor; without levels, "
    "every grade); ALL, every competency in scope.",
)
