"""The schema's enums are the domain's own, named for GraphQL: one list of values, one place,
and resolvers hand domain values straight through."""

from __future__ import annotations

import strawberry

from app.domain import evidence, frameworks, reporting, roster
from app.domain.mastery import decision

MasteryStatus = strawberry.enum(decision.MasteryStatus, name="MasteryStatus")
EvidenceKind = strawberry.enum(evidence.EvidenceKind, name="EvidenceKind")
RecordState = strawberry.enum(frameworks.Status, name="RecordState")
OrgType = strawberry.enum(roster.OrgType, name="OrgType")
Sex = strawberry.enum(roster.Sex, name="Sex")
RaceEthnicity = strawberry.enum(
    reporting.RaceEthnicity,
    name="RaceEthnicity",
    description="The federal reporting category, derived from the flags.",
)
SummaryDimension = strawberry.enum(reporting.Dimension, name="SummaryDimension")
TrendInterval = strawberry.enum(reporting.Interval, name="TrendInterval")
