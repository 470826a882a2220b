"""REST shapes of CASE imports and of what a student is ready to learn (snake_case JSON)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest.framework_schemas import JobLink
from app.api.rest.mastery_schemas import DecisionRead
from app.domain.case.identifiers import document_identifier
from app.domain.case.package import LeniencyGroup
from app.use_cases.case_import import CaseImported
from app.use_cases.prerequisites import Ready


class ProviderAuthIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token_url: str = Field(min_length=1, max_length=2000, description="The OAuth 2.0 token URL")
    client_id: str = Field(min_length=1, max_length=500)
    client_secret: str = Field(min_length=1, max_length=2000)
    scope: str | None = Field(default=None, max_length=2000)


class CaseProviderImport(BaseModel):
    """Import from a CASE provider instead of sending the package."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        min_length=1,
        max_length=2000,
        description="The package's URL: https://…/ims/case/v1p0/CFPackages/{identifier}",
    )
    auth: ProviderAuthIn | None = Field(
        default=None, description="OAuth 2.0 client credentials, for providers that need them"
    )


# The request body: a CASE CFPackage, or a provider's URL (documented by hand, since the route
# reads the body itself to tell the two apart and to report a package's problems its own way).
IMPORT_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    {
                        "title": "CFPackage",
                        "description": "A CASE 1.0 CFPackage (CFDocument, CFItems, ...)",
                        "type": "object",
                        "required": ["CFDocument"],
                        "properties": {
                            "CFDocument": {"type": "object"},
                            "CFItems": {"type": "array", "items": {"type": "object"}},
                            "CFAssociations": {"type": "array", "items": {"type": "object"}},
                            "CFDefinitions": {"type": "object"},
                            "CFRubrics": {"type": "array", "items": {"type": "object"}},
                        },
                    },
                    {
                        "title": "CaseProviderImport",
                        "type": "object",
                        "required": ["url"],
                        "properties": {
                            "url": {"type": "string"},
                            "auth": {
                                "type": "object",
                                "required": ["token_url", "client_id", "client_secret"],
                                "properties": {
                                    "token_url": {"type": "string"},
                                    "client_id": {"type": "string"},
                                    "client_secret": {"type": "string"},
                                    "scope": {"type": "string"},
                                },
                            },
                        },
                    },
                ]
            }
        }
    },
}


class LeniencyRead(BaseModel):
    loc: list[str | int] = Field(description="Where, in the package as sent")
    msg: str


class CaseWarningRead(BaseModel):
    kind: str = Field(examples=["sequence_number_string"])
    message: str = Field(description="What was accepted, once for every place it was met")
    count: int
    examples: list[LeniencyRead] = Field(description="The first places (at most 20)")

    @classmethod
    def of(cls, group: LeniencyGroup) -> CaseWarningRead:
        return cls(
            kind=group.kind,
            message=group.message,
            count=group.count,
            examples=[LeniencyRead(loc=list(e.loc), msg=e.msg) for e in group.examples],
        )


class CaseImportRead(BaseModel):
    framework_id: str
    case_identifier: str = Field(description="The CFDocument identifier")
    title: str
    created: bool = Field(description="False when an earlier import was updated in place")
    added: list[str] = Field(description="Competency ids")
    changed: list[str] = Field(description="Text, type, place in the tree or status changed")
    reordered: list[str] = Field(description="Only their order among siblings changed")
    retired: list[str] = Field(description="Gone from the package: kept, with their history")
    unchanged: int
    warnings: list[CaseWarningRead] = Field(description="What was accepted though not CASE 1.0")
    recompute_job: JobLink | None = None

    @classmethod
    def of(cls, done: CaseImported) -> CaseImportRead:
        job = None
        if done.job is not None:
            job = JobLink(id=done.job.id, status=done.job.status, href=f"/v1/jobs/{done.job.id}")
        plan = done.plan
        return cls(
            framework_id=plan.framework.id,
            case_identifier=document_identifier(plan.framework),
            title=plan.framework.title,
            created=plan.created,
            added=list(plan.added),
            changed=list(plan.changed),
            reordered=list(plan.reordered),
            retired=list(plan.retired),
            unchanged=plan.unchanged,
            warnings=[CaseWarningRead.of(g) for g in done.warnings],
            recompute_job=job,
        )


class PrerequisiteRead(BaseModel):
    id: str
    code: str
    statement: str


class ReadyRead(BaseModel):
    competency_id: str
    code: str
    statement: str
    kind: str | None
    decision: DecisionRead = Field(description="Where the student stands on it now")
    prerequisites: list[PrerequisiteRead] = Field(description="Its own, all mastered")

    @classmethod
    def of(cls, ready: Ready) -> ReadyRead:
        c = ready.competency
        return cls(
            competency_id=c.id,
            code=c.code,
            statement=c.statement,
            kind=c.kind,
            decision=DecisionRead.of(ready.decision),
            prerequisites=[
                PrerequisiteRead(id=p.id, code=p.code, statement=p.statement)
                for p in ready.prerequisites
            ],
        )


class ReadyList(BaseModel):
    items: list[ReadyRead]
