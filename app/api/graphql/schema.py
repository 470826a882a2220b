"""The GraphQL schema at /graphql: root fields translate their arguments, call the same use
cases as REST, and return types; every association resolves through per-request DataLoaders.

Scopes: root fields and every list or sensitive field check the scope of what they return
(roster:read, mastery:read, frameworks:read, reports:read); a single record a field points to
(a class's school, a decision's competency) is readable by whoever reached the field."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any

import orjson
import strawberry
from fastapi import Request
from fastapi.responses import HTMLResponse
from graphql import GraphQLError
from strawberry.extensions import ParserCache
from strawberry.extensions.query_depth_limiter import create_validator
from strawberry.fastapi import GraphQLRouter
from strawberry.types import ExecutionContext, ExecutionResult

from app.api.graphql.context import GraphInfo, context_getter, needs
from app.api.graphql.errors import answered, log_unexpected, unavailable
from app.api.graphql.execution import PlainObjects
from app.api.graphql.limits import Limits, QueryLimits, page_size
from app.api.graphql.scalars import SCALAR_OVERRIDES
from app.api.graphql.types.changes import ChangesQuery
from app.api.graphql.types.enums import Denominator, OrgType, SummaryDimension, TrendInterval
from app.api.graphql.types.frameworks import Competency, Framework
from app.api.graphql.types.overrides import district_overrides
from app.api.graphql.types.relay import Connection, after_key, connection
from app.api.graphql.types.reports import (
    AS_OF,
    DENOMINATOR,
    HABITS,
    KNOWN_AT,
    Labels,
    MasterySummary,
    MasteryTrend,
    SummaryFilter,
    TrendPoint,
    rows_of,
)
from app.api.graphql.types.roster import Class, Org, Student, org_of
from app.api.graphql.types.simulation import CandidatePolicyInput, PolicySimulation
from app.api.pages.graphiql import graphiql_html
from app.api.pages.html import page
from app.api.problems import located
from app.api.utc import aware
from app.domain import reporting as rep
from app.domain import roster as r
from app.domain.access import Scope, format_scopes
from app.domain.mastery.habits import DecisionKind
from app.ports.roster import RosterQuery


@strawberry.type(description="The caller: its client, district and scopes.")
class Viewer:
    client_id: str
    tenant: str
    scopes: list[str]


@strawberry.input
class OrgFilter:
    type: OrgType | None = None
    parent_id: strawberry.ID | None = None


@strawberry.input
class ClassFilter:
    school_id: strawberry.ID | None = None
    course_id: strawberry.ID | None = None


@strawberry.input
class StudentFilter:
    org_id: strawberry.ID | None = None
    class_id: strawberry.ID | None = None
    grade: str | None = None
    search: str | None = strawberry.field(
        default=None, description="Part of a given or family name, or of the identifier."
    )


async def _roster_page(
    info: GraphInfo,
    kind: r.RosterKind,
    filters: dict[str, str],
    first: int | None,
    after: str | None,
) -> tuple[list[r.RosterRecord], bool, Any]:
    context = info.context
    tenant = context.principal.tenant_id
    query = RosterQuery(
        filters=filters, after=after_key(after), limit=page_size(first, context.limits)
    )
    page = await context.use_cases.roster.list_records(tenant, kind, query)

    async def count() -> int:
        return await context.use_cases.roster.count_records(tenant, kind, query)

    return page.items, page.last_key is not None, count


def _given(**values: Any) -> dict[str, str]:
    return {k: str(v) for k, v in values.items() if v is not None}


@strawberry.type
class Query(ChangesQuery):
    @strawberry.field
    def viewer(self, info: GraphInfo) -> Viewer:
        p = info.context.principal
        return Viewer(
            client_id=p.client_id, tenant=p.tenant_slug, scopes=format_scopes(p.scopes).split()
        )

    @strawberry.field(permission_classes=needs(Scope.FRAMEWORKS_READ))
    async def frameworks(
        self, info: GraphInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Framework] | None:
        c = info.context
        page = await c.use_cases.frameworks.list_frameworks(
            c.principal, after_key(after), page_size(first, c.limits)
        )

        async def count() -> int:
            return await c.use_cases.frameworks.count_frameworks(c.principal)

        items = [Framework.of(f) for f in page.items]
        return connection(items, [f.id for f in page.items], page.last_key is not None, count)

    overrides = strawberry.field(
        resolver=district_overrides,
        permission_classes=needs(Scope.MASTERY_READ),
        description="Every override of a decision in the district, past and present, oldest "
        "first; by class, competency, student, or in force now (`active`).",
    )

    @strawberry.field(permission_classes=needs(Scope.FRAMEWORKS_READ))
    async def framework(self, info: GraphInfo, id: strawberry.ID) -> Framework | None:
        c = info.context
        return Framework.of(await c.use_cases.frameworks.get_framework(c.principal, id))

    @strawberry.field(permission_classes=needs(Scope.FRAMEWORKS_READ))
    async def competency(self, info: GraphInfo, id: strawberry.ID) -> Competency | None:
        c = info.context
        found, framework = await c.use_cases.frameworks.get_competency(c.principal, id)
        return Competency.of(framework, found)

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ))
    async def orgs(
        self,
        info: GraphInfo,
        filter: OrgFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Org] | None:
        given = filter or OrgFilter()
        filters = _given(type=given.type, parent_id=given.parent_id)
        items, more, count = await _roster_page(info, r.RosterKind.ORG, filters, first, after)
        return connection([Org.of(o) for o in items], [o.id for o in items], more, count)  # type: ignore[arg-type]

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ))
    async def org(self, info: GraphInfo, id: strawberry.ID) -> Org | None:
        c = info.context
        return org_of(
            await c.use_cases.roster.get_record(c.principal.tenant_id, r.RosterKind.ORG, id)
        )

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ))
    async def classes(
        self,
        info: GraphInfo,
        filter: ClassFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Class] | None:
        given = filter or ClassFilter()
        filters = _given(school_id=given.school_id, course_id=given.course_id)
        items, more, count = await _roster_page(info, r.RosterKind.CLASS, filters, first, after)
        return connection([Class.of(c) for c in items], [c.id for c in items], more, count)  # type: ignore[arg-type]

    @strawberry.field(name="class", permission_classes=needs(Scope.ROSTER_READ))
    async def class_(self, info: GraphInfo, id: strawberry.ID) -> Class | None:
        c = info.context
        found = await c.use_cases.roster.get_record(c.principal.tenant_id, r.RosterKind.CLASS, id)
        return Class.of(found) if isinstance(found, r.SchoolClass) else None

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ))
    async def students(
        self,
        info: GraphInfo,
        filter: StudentFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Student] | None:
        given = filter or StudentFilter()
        filters = _given(
            role=r.UserRole.STUDENT.value,
            org_id=given.org_id,
            class_id=given.class_id,
            grade=given.grade,
            search=given.search,
        )
        if given.class_id is not None:
            filters["enrollment_role"] = r.EnrollmentRole.STUDENT.value
        items, more, count = await _roster_page(info, r.RosterKind.USER, filters, first, after)
        return connection([Student.of(u) for u in items], [u.id for u in items], more, count)

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ))
    async def student(self, info: GraphInfo, id: strawberry.ID) -> Student | None:
        c = info.context
        return Student.of(await c.use_cases.roster.get_student(c.principal.tenant_id, id))

    @strawberry.field(
        permission_classes=needs(Scope.MASTERY_READ),
        description="What a candidate policy would change (nothing is written); `groupBy` "
        "counts it per school, grade or subgroup, protected as reports are. It names each "
        "student whose decisions would change, so it needs mastery:read.",
    )
    async def policy_simulation(
        self,
        info: GraphInfo,
        framework_id: strawberry.ID,
        candidate: CandidatePolicyInput,
        group_by: list[SummaryDimension] | None = None,
    ) -> PolicySimulation:
        c = info.context
        with located("candidate"):
            policy = candidate.domain()
        report = await c.use_cases.simulation.simulate_policy(
            c.principal, framework_id, policy, group_by or ()
        )
        return PolicySimulation.of_report(report)

    @strawberry.field(permission_classes=needs(Scope.REPORTS_READ))
    async def mastery_summary(
        self,
        info: GraphInfo,
        framework_id: strawberry.ID,
        group_by: list[SummaryDimension],
        filter: SummaryFilter | None = None,
        as_of: Annotated[datetime | None, strawberry.argument(description=AS_OF)] = None,
        known_at: Annotated[datetime | None, strawberry.argument(description=KNOWN_AT)] = None,
        denominator: Annotated[
            Denominator, strawberry.argument(description=DENOMINATOR)
        ] = Denominator.GRADE_LEVEL,
        habits_of_work: Annotated[bool, strawberry.argument(description=HABITS)] = False,
    ) -> MasterySummary | None:
        c = info.context
        summary = await c.use_cases.reports.mastery_summary(
            c.principal,
            framework_id,
            group_by,
            (filter or SummaryFilter()).domain(),
            as_of=aware(as_of),
            known_at=aware(known_at),
            denominator=denominator,
            kind=DecisionKind.HABITS_OF_WORK if habits_of_work else DecisionKind.ACADEMIC,
        )
        labels = await Labels.load(info, summary.framework, summary.cells, summary.dimensions)
        return MasterySummary(
            framework=Framework.of(summary.framework),
            group_by=group_by,
            min_cell_size=summary.min_cell_size,
            count_step=rep.COUNT_STEP,
            as_of=aware(as_of),
            known_at=aware(known_at),
            rows=rows_of(summary.cells, summary.dimensions, labels),
        )

    @strawberry.field(permission_classes=needs(Scope.REPORTS_READ))
    async def mastery_trend(
        self,
        info: GraphInfo,
        framework_id: strawberry.ID,
        group_by: list[SummaryDimension],
        from_: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime | None = None,
        interval: TrendInterval = rep.Interval.MONTH,
        filter: SummaryFilter | None = None,
        known_at: Annotated[datetime | None, strawberry.argument(description=KNOWN_AT)] = None,
        denominator: Annotated[
            Denominator, strawberry.argument(description=DENOMINATOR)
        ] = Denominator.GRADE_LEVEL,
    ) -> MasteryTrend | None:
        c = info.context
        trend = await c.use_cases.reports.mastery_trend(
            c.principal,
            framework_id,
            group_by,
            aware(from_) or from_,
            aware(to),
            interval,
            (filter or SummaryFilter()).domain(),
            known_at=aware(known_at),
            denominator=denominator,
        )
        every = [cell for p in trend.points for cell in p.cells]
        labels = await Labels.load(info, trend.framework, every, trend.dimensions)
        return MasteryTrend(
            framework=Framework.of(trend.framework),
            group_by=group_by,
            interval=interval,
            min_cell_size=trend.min_cell_size,
            count_step=rep.COUNT_STEP,
            points=[
                TrendPoint(
                    period_start=p.period.start,
                    period_end=p.period.end,
                    rows=rows_of(p.cells, trend.dimensions, labels),
                )
                for p in trend.points
            ],
        )


class MasterySchema(strawberry.Schema):
    """Errors are answered here, after every path of execution (an extension's hook does not
    run after a parse error); and no query runs longer than its time budget."""

    time_budget_seconds: float = Limits.time_budget_seconds

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        try:
            async with asyncio.timeout(self.time_budget_seconds):
                result = await super().execute(*args, **kwargs)
        except TimeoutError:
            # Cancelling the resolvers returns their connections to the pool (SQLAlchemy
            # discards a connection cancelled mid-statement).
            return ExecutionResult(data=None, errors=[_over_budget(self.time_budget_seconds)])
        cause = unavailable(result.errors)
        if cause is not None:
            raise cause
        return answered(result)

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_unexpected(errors, execution_context)


def build_schema(limits: Limits) -> strawberry.Schema:
    """The schema with its limits and caches (extensions are built per request)."""
    # One depth rule for the schema's life: the validation cache is keyed by the rules, and
    # QueryDepthLimiter makes a new rule class per instance, which would never hit the cache.
    depth_rule = create_validator(limits.max_depth, should_ignore=None)
    schema = MasterySchema(
        query=Query,
        scalar_overrides=SCALAR_OVERRIDES,
        # Plain objects (a page's thousands of decisions) completed without graphql-core's
        # path per field: 20,000 decisions from memory in about a seventh of its time.
        execution_context_class=PlainObjects,
        # QueryLimits validates (through its own cache) only documents whose shape passed.
        extensions=[lambda: QueryLimits(limits, depth_rule), lambda: ParserCache(maxsize=256)],
    )
    schema.time_budget_seconds = limits.time_budget_seconds
    return schema


def _over_budget(seconds: float) -> GraphQLError:
    return GraphQLError(
        f"The query ran longer than its time budget of {seconds:g} s and was stopped: ask for "
        "smaller pages or fewer nested lists",
        extensions={"code": "TIME_BUDGET_EXCEEDED"},
    )


SCHEMA = build_schema(Limits())
"""The schema as the contract file (openapi/schema.graphql) prints it; limits do not change it."""


GRAPHQL_PATH = "/graphql"


class _Router(GraphQLRouter[Any, None]):
    def encode_json(self, data: object) -> bytes:
        # orjson: a page of 20,000 decisions encoded in a sixth of json.dumps's time.
        return orjson.dumps(data)

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        # Our page, not strawberry's: it loads GraphiQL from this app, never from a CDN.
        return page(graphiql_html())


def graphql_router(limits: Limits, *, ide: bool = True) -> GraphQLRouter[Any, None]:
    """POST /graphql runs queries; GET /graphql opens GraphiQL (its headers editor takes the
    Authorization header) unless `ide` is off. Not in the OpenAPI document: its contract is
    schema.graphql."""
    return _Router(
        build_schema(limits),
        path=GRAPHQL_PATH,
        context_getter=context_getter(limits),
        graphql_ide="graphiql" if ide else None,
        include_in_schema=False,
    )
