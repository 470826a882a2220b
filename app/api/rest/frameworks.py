"""Frameworks and competencies: author the tree and the policy, preview a policy change."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response, status

from app.api.deps import FrameworkReader, FrameworkWriter, MasteryReader, UseCasesDep
from app.api.problems import located, responses
from app.api.rest import framework_commands as commands
from app.api.rest import mastery_schemas as s
from app.api.rest import simulation_schemas as sim
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.use_cases.frameworks import FrameworkChanged

router = APIRouter(tags=["frameworks"])
Id = Annotated[str, Path(min_length=1, max_length=255)]


class FrameworkList(ListPage[s.FrameworkSummary]):
    pass


def _changed(changed: FrameworkChanged, response: Response) -> s.FrameworkUpdated:
    job = None
    if changed.job is not None:
        href = f"/v1/jobs/{changed.job.id}"
        job = s.JobLink(id=changed.job.id, status=changed.job.status, href=href)
        response.status_code = status.HTTP_202_ACCEPTED
        response.headers["Location"] = href
    return s.FrameworkUpdated(
        **s.FrameworkRead.of_tree(changed.framework).model_dump(), recompute_job=job
    )


@router.post(
    "/v1/frameworks",
    status_code=status.HTTP_201_CREATED,
    response_model=s.FrameworkRead,
    summary="Create a framework with its whole competency tree",
    operation_id="create_framework",
    responses=responses(401, 403, 409, 413, 422),
)
async def create(
    body: s.FrameworkCreate, use_cases: UseCasesDep, principal: FrameworkWriter
) -> Any:
    with located("body"):
        framework = await use_cases.frameworks.create_framework(
            principal, commands.create_framework(body)
        )
    return s.FrameworkRead.of_tree(framework)


@router.get(
    "/v1/frameworks",
    response_model=FrameworkList,
    summary="List frameworks",
    operation_id="list_frameworks",
    responses=responses(401, 403, 422),
)
async def list_(
    use_cases: UseCasesDep, principal: FrameworkReader, limit: Limit = 100, cursor: Cursor = None
) -> Any:
    page = await use_cases.frameworks.list_frameworks(principal, decode_cursor(cursor), limit)
    return {
        "items": [s.FrameworkSummary.of(f) for f in page.items],
        "next_cursor": encode_cursor(page.last_key),
    }


@router.get(
    "/v1/frameworks/{id}",
    response_model=s.FrameworkRead,
    summary="Get a framework with its competency tree",
    operation_id="get_framework",
    responses=responses(401, 403, 404),
)
async def get(id: Id, use_cases: UseCasesDep, principal: FrameworkReader) -> Any:
    return s.FrameworkRead.of_tree(await use_cases.frameworks.get_framework(principal, id))


@router.patch(
    "/v1/frameworks/{id}",
    response_model=s.FrameworkUpdated,
    summary="Change a framework; a policy change recomputes its decisions",
    description="Answers 202 with `recompute_job` when the recomputation runs in the background.",
    operation_id="update_framework",
    responses={
        202: {"description": "Changed; decisions are being recomputed (see the job)"},
        **responses(401, 403, 404, 422),
    },
)
async def update(
    id: Id,
    body: s.FrameworkUpdate,
    use_cases: UseCasesDep,
    principal: FrameworkWriter,
    response: Response,
) -> Any:
    with located("body"):
        changed = await use_cases.frameworks.update_framework(
            principal, id, commands.update_framework(body)
        )
    return _changed(changed, response)


@router.post(
    "/v1/frameworks/{id}/competencies",
    status_code=status.HTTP_201_CREATED,
    response_model=list[s.CompetencyRead],
    summary="Add a competency (with nested children) to a framework",
    operation_id="add_competency",
    responses=responses(401, 403, 404, 409, 422),
)
async def add(
    id: Id, body: s.CompetencyAdd, use_cases: UseCasesDep, principal: FrameworkWriter
) -> Any:
    with located("body"):
        added, changed = await use_cases.frameworks.add_competency(
            principal, id, commands.add_competency(body)
        )
    return [s.CompetencyRead.tree(changed.framework, c, deep=False) for c in added]


@router.get(
    "/v1/competencies/{id}",
    response_model=s.CompetencyRead,
    summary="Get a competency with its children",
    operation_id="get_competency",
    responses=responses(401, 403, 404),
)
async def get_competency(id: Id, use_cases: UseCasesDep, principal: FrameworkReader) -> Any:
    competency, framework = await use_cases.frameworks.get_competency(principal, id)
    return s.CompetencyRead.tree(framework, competency)


@router.patch(
    "/v1/competencies/{id}",
    response_model=s.CompetencyRead,
    summary="Change a competency; a change of its policy or place recomputes decisions",
    operation_id="update_competency",
    responses={
        202: {"description": "Changed; decisions are being recomputed"},
        **responses(401, 403, 404, 422),
    },
)
async def update_competency(
    id: Id,
    body: s.CompetencyUpdate,
    use_cases: UseCasesDep,
    principal: FrameworkWriter,
    response: Response,
) -> Any:
    with located("body"):
        competency, changed = await use_cases.frameworks.update_competency(
            principal, id, commands.update_competency(body)
        )
    if changed.job is not None:
        response.status_code = status.HTTP_202_ACCEPTED
        response.headers["Location"] = f"/v1/jobs/{changed.job.id}"
    return s.CompetencyRead.tree(changed.framework, competency)


@router.post(
    "/v1/frameworks/{id}/simulate",
    response_model=sim.SimulationRead,
    summary="Preview a policy change: which decisions would gain or lose mastery",
    description="Computed from the stored evidence and overrides; nothing is written. "
    "The answer names each student whose decisions would change, so it needs `mastery:read` "
    "(reading the framework alone does not show students' results).",
    operation_id="simulate_policy",
    responses=responses(401, 403, 404, 422),
)
async def simulate(
    id: Id, body: sim.SimulationRequest, use_cases: UseCasesDep, principal: MasteryReader
) -> Any:
    with located("body"):
        report = await use_cases.simulation.simulate_policy(
            principal, id, commands.candidate_policy(body)
        )
    return report.as_dict()
