"""Frameworks and competencies: author the tree and the policy, preview a policy change.

One shape per resource (framework_schemas): GET's answer is what POST and PUT take, PATCH
takes any part of it as a JSON Merge Patch, and simulate takes the same patch."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status
from pydantic import BaseModel

from app.api.deps import FrameworkReader, FrameworkWriter, MasteryReader, UseCasesDep
from app.api.merge_patch import MERGE_PATCH
from app.api.problems import located, responses
from app.api.rest import framework_commands as commands
from app.api.rest import framework_documents as documents
from app.api.rest import framework_schemas as s
from app.api.rest import simulation_schemas as sim
from app.api.rest.framework_one_pass import FrameworkRoute
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.domain.mastery.simulation_groups import check_simulation_grouping
from app.domain.reporting import Dimension
from app.use_cases.frameworks import FrameworkChanged

router = APIRouter(tags=["frameworks"], route_class=FrameworkRoute)
Id = Annotated[str, Path(min_length=1, max_length=255)]


def _merge_patch_of(schema: str) -> dict[str, Any]:
    """The request body of a merge-patch PATCH: RFC 7396's media type, or plain JSON."""
    ref = {"schema": {"$ref": f"#/components/schemas/{schema}"}}
    return {"requestBody": {"content": {MERGE_PATCH: ref, "application/json": ref}}}


def _patch(body: BaseModel) -> dict[str, Any]:
    """The members the patch sent, nulls included (a null removes)."""
    return body.model_dump(mode="json", exclude_unset=True)


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
    """Creates a competency framework with its scale (levels and mastery threshold), its calculation
    (how results become a decision), `min_evidence` and its whole tree of competencies, nested
    under `children`. Every problem of the body is listed in one 422 and nothing is written.
    Answers 201 with the framework as GET reads it."""
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
    """The district's frameworks with their policy and how many competencies each has, without the
    trees (GET one for its tree). Paged with `limit` and `cursor`; also as CSV or Parquet."""
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
    """One framework with its policy and its whole competency tree, nested under `children` in
    order. This is the shape POST creates, PUT replaces and PATCH patches, so it can be edited
    and sent back. Another district's framework is a 404."""
    return s.FrameworkRead.of_tree(await use_cases.frameworks.get_framework(principal, id))


@router.put(
    "/v1/frameworks/{id}",
    response_model=s.FrameworkUpdated,
    summary="Replace a framework whole: what GET answers, changed",
    description="The body is the framework as GET answers it (read-only fields may stay: "
    "`competency_count` is not read back, `framework_id`, `parent_id` must agree with the "
    "nesting). Fields left out take their defaults; a competency left out is refused (retire "
    "it instead). Answers 202 with `recompute_job` when decisions are recomputed in the "
    "background.",
    operation_id="replace_framework",
    responses={
        202: {"description": "Replaced; decisions are being recomputed (see the job)"},
        **responses(401, 403, 404, 409, 422),
    },
)
async def replace(
    id: Id,
    body: s.FrameworkCreate,
    use_cases: UseCasesDep,
    principal: FrameworkWriter,
    response: Response,
) -> Any:
    stated = commands.create_framework(body)
    with located("body"):
        changed = await use_cases.frameworks.replace_framework(principal, id, lambda _: stated)
    return _changed(changed, response)


@router.patch(
    "/v1/frameworks/{id}",
    response_model=s.FrameworkUpdated,
    summary="Change part of a framework (JSON Merge Patch); a policy change recomputes",
    description="Any part of the framework as GET answers it, as a JSON Merge Patch (RFC "
    "7396, `application/merge-patch+json`; `application/json` is read the same way): a "
    "member left out stays, `null` removes it (its default applies), an object merges into "
    'the one it names (`{"scale": {"mastery_threshold": 2.5}}` keeps the levels), an array '
    "replaces the whole. A calculation naming another method starts from that method's "
    "parameters. Answers 202 with `recompute_job` when the recomputation runs in the "
    "background.",
    operation_id="update_framework",
    responses={
        202: {"description": "Changed; decisions are being recomputed (see the job)"},
        **responses(401, 403, 404, 409, 422),
    },
    openapi_extra=_merge_patch_of("FrameworkPatch"),
)
async def update(
    id: Id,
    body: s.FrameworkPatch,
    use_cases: UseCasesDep,
    principal: FrameworkWriter,
    response: Response,
) -> Any:
    patch = _patch(body)
    with located("body"):
        changed = await use_cases.frameworks.replace_framework(
            principal, id, lambda current: documents.patched_framework(current, patch)
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
    """Adds a competency to a framework, under `parent_id` or at the top level, with any nested
    `children`; a rollup above it is recomputed. Answers 201 with every competency added, in
    tree order. Every problem of the body is listed in one 422 and nothing is written."""
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
    """One competency with its place in the framework (`parent_id`, `position`), its own calculation
    or rollup rule where it has one, and its children. Another district's competency is a 404."""
    competency, framework = await use_cases.frameworks.get_competency(principal, id)
    return s.CompetencyRead.tree(framework, competency)


@router.patch(
    "/v1/competencies/{id}",
    response_model=s.CompetencyRead,
    summary="Change a competency (JSON Merge Patch); a change of its policy or place recomputes",
    description="Any part of the competency as GET answers it, as a JSON Merge Patch (RFC "
    "7396): `parent_id` and `position` move it, `calculation: null` gives it the framework's "
    "calculation again, `rollup: null` the default rule (all children). `id`, `framework_id` "
    "and `children` may be sent back as read, not changed.",
    operation_id="update_competency",
    responses={
        202: {"description": "Changed; decisions are being recomputed"},
        **responses(401, 403, 404, 422),
    },
    openapi_extra=_merge_patch_of("CompetencyPatch"),
)
async def update_competency(
    id: Id,
    body: s.CompetencyPatch,
    use_cases: UseCasesDep,
    principal: FrameworkWriter,
    response: Response,
) -> Any:
    patch = _patch(body)
    with located("body"):
        competency, changed = await use_cases.frameworks.patch_competency(
            principal, id, lambda framework: documents.patched_competency(framework, id, patch)
        )
    if changed.job is not None:
        response.status_code = status.HTTP_202_ACCEPTED
        response.headers["Location"] = f"/v1/jobs/{changed.job.id}"
    return s.CompetencyRead.tree(changed.framework, competency)


@router.post(
    "/v1/frameworks/{id}/simulate",
    response_model=sim.SimulationRead,
    summary="Preview a policy change: which decisions would gain or lose mastery",
    description="The candidate is the framework as GET answers it with another policy, or "
    'any part of it as a merge patch (as PATCH takes it: `{"scale": {"mastery_threshold": '
    "2.5}}`); only `scale`, `calculation`, `min_evidence` and `include_formative` may differ. "
    "Computed from the stored evidence and overrides; nothing is written. "
    "The answer names each student whose decisions would change, so it needs `mastery:read` "
    "(reading the framework alone does not show students' results). "
    "With `group_by` (school, grade, sex, race_ethnicity, english_learner, special_education, "
    "economically_disadvantaged; repeat for several) `by_subgroup` counts the changes for each "
    "group of each dimension, hidden and blurred exactly as reports are. "
    "The body is the PATCH body: sent to `PATCH /v1/frameworks/{id}` as it is, it applies the "
    "policy (202 and a recompute job when many decisions change).",
    operation_id="simulate_policy",
    responses=responses(401, 403, 404, 422),
)
async def simulate(
    id: Id,
    body: s.SimulationRequest,
    use_cases: UseCasesDep,
    principal: MasteryReader,
    group_by: Annotated[
        list[Dimension] | None,
        Query(max_length=7, description="Repeat for several: group_by=sex&group_by=grade"),
    ] = None,
) -> Any:
    patch = _patch(body)
    with located("query"):
        check_simulation_grouping(group_by or ())
    with located("body"):
        report = await use_cases.simulation.simulate_framework(
            principal,
            id,
            lambda current: documents.simulated_framework(current, patch),
            group_by or (),
        )
    return report.as_dict()
