"""REST resources of the roster under /v1: PUT (create or replace), GET, list, DELETE (retire).

Every resource has the same five operations, so one function declares them from a table."""

# No `from __future__ import annotations`: FastAPI reads the route annotations, which name
# classes chosen per resource at run time.
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status
from pydantic import BaseModel, Field, create_model

from app.api.bounded import Instant
from app.api.deps import RosterReader, RosterWriter, UseCasesDep
from app.api.problems import located, responses
from app.api.rest import roster_schemas as s
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.domain.errors import Invalid, Problem
from app.domain.roster import (
    AcademicSession,
    Course,
    Demographics,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RecordStatus,
    RoleAssignment,
    RosterKind,
    RosterRecord,
    SchoolClass,
    SessionType,
    User,
    UserRole,
)
from app.ports.paging import Page
from app.ports.roster import RosterQuery

router = APIRouter(tags=["roster"])

Id = Annotated[str, Path(min_length=1, max_length=255, description="The record's sourcedId.")]


class _Filters(BaseModel):
    status: RecordStatus = Field(
        default=RecordStatus.ACTIVE, description="`tobedeleted` lists retired records."
    )
    updated_since: Instant | None = Field(
        default=None, description="Only records changed at or after this instant (UTC if no zone)."
    )


class OrgFilters(_Filters):
    type: OrgType | None = None
    parent_id: str | None = None


class AcademicSessionFilters(_Filters):
    type: SessionType | None = None
    parent_id: str | None = None


class CourseFilters(_Filters):
    org_id: str | None = None


class ClassFilters(_Filters):
    course_id: str | None = None
    school_id: str | None = None


class UserFilters(_Filters):
    role: UserRole | None = None
    org_id: str | None = None
    class_id: str | None = Field(default=None, description="Users enrolled in this class.")
    grade: str | None = None


class EnrollmentFilters(_Filters):
    class_id: str | None = None
    user_id: str | None = None
    role: EnrollmentRole | None = None


def _query(filters: _Filters | None, limit: int, cursor: str | None) -> RosterQuery:
    if filters is None:
        return RosterQuery(after=decode_cursor(cursor), limit=limit)
    since = filters.updated_since
    extra = filters.model_dump(mode="json", exclude={"status", "updated_since"}, exclude_none=True)
    return RosterQuery(
        status=filters.status,
        updated_since=since,
        filters=extra,
        after=decode_cursor(cursor),
        limit=limit,
    )


def _page(model: type[BaseModel], page: Page[RosterRecord]) -> dict[str, Any]:
    return {
        "items": [model.model_validate(r) for r in page.items],
        "next_cursor": encode_cursor(page.last_key),
    }


def _record(record_type: type[RosterRecord], id_: str, body: s._Write) -> RosterRecord:
    if body.id is not None and body.id != id_:
        raise Invalid(
            "The body's id differs from the path's",
            [Problem(("id",), f"must be {id_!r} or omitted")],
        )
    fields = body.model_dump(exclude={"id"})
    if "roles" in fields:  # nested shapes become the domain's value objects
        fields["roles"] = tuple(RoleAssignment(**r) for r in fields["roles"])
    return record_type(id=id_, **fields)


@dataclass(frozen=True)
class Resource:
    kind: RosterKind
    plural: str  # the path segment and the operation-id stem
    title: str
    about: str  # what the record is, in the district's words (OneRoster's name in brackets)
    record: type[RosterRecord]
    write: type[s._Write]
    read: type[s._Read]
    filters: type[_Filters]


RESOURCES = (
    Resource(
        RosterKind.ORG,
        "orgs",
        "org",
        "A district, school or other organisation (OneRoster org)",
        Org,
        s.OrgWrite,
        s.OrgRead,
        OrgFilters,
    ),
    Resource(
        RosterKind.ACADEMIC_SESSION,
        "academic-sessions",
        "academic session",
        "A school year, semester, term or grading period (OneRoster academicSession)",
        AcademicSession,
        s.AcademicSessionWrite,
        s.AcademicSessionRead,
        AcademicSessionFilters,
    ),
    Resource(
        RosterKind.COURSE,
        "courses",
        "course",
        "A course of the district's catalogue, such as Mathematics Grade 4 (OneRoster course)",
        Course,
        s.CourseWrite,
        s.CourseRead,
        CourseFilters,
    ),
    Resource(
        RosterKind.CLASS,
        "classes",
        "class",
        "A section of a course taught at a school in a session (OneRoster class)",
        SchoolClass,
        s.ClassWrite,
        s.ClassRead,
        ClassFilters,
    ),
    Resource(
        RosterKind.USER,
        "users",
        "user",
        "A student, teacher, administrator or guardian (OneRoster user, with its roles)",
        User,
        s.UserWrite,
        s.UserRead,
        UserFilters,
    ),
    Resource(
        RosterKind.ENROLLMENT,
        "enrollments",
        "enrollment",
        "A user's place in a class as student or teacher (OneRoster enrollment)",
        Enrollment,
        s.EnrollmentWrite,
        s.EnrollmentRead,
        EnrollmentFilters,
    ),
)


def _article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _declare(res: Resource) -> None:
    stem = res.title.replace(" ", "_")
    one = _article(res.title)
    # The models are chosen per resource at run time, which FastAPI reads and a type checker
    # cannot: the three annotations naming them are checked by the tests' OpenAPI contract.
    list_model = create_model(
        f"{res.read.__name__.removesuffix('Read')}List",
        __base__=ListPage[res.read],  # type: ignore[name-defined]
    )

    @router.put(
        f"/v1/{res.plural}/{{id}}",
        response_model=res.read,
        summary=f"Create or replace {one}",
        description=f"{res.about}, written under its sourcedId, as a roster import or the SIS "
        "sync would write it: for a district script or a vendor keeping the roster current. "
        "201 when created, 200 when replaced; a body `id` must equal the path's. Every "
        "problem of the body is listed in one 422 and nothing is written.",
        operation_id=f"put_{stem}",
        responses={
            201: {"description": "Created", "model": res.read},
            **responses(401, 403, 413, 422),
        },
    )
    async def put(
        id: Id,
        body: res.write,  # type: ignore[name-defined]
        use_cases: UseCasesDep,
        principal: RosterWriter,
        response: Response,
    ) -> Any:
        with located("body"):
            record = _record(res.record, id, body)
            saved = await use_cases.roster.put_record(principal.tenant_id, record)
        response.status_code = status.HTTP_201_CREATED if saved.created else status.HTTP_200_OK
        return saved.record

    @router.get(
        f"/v1/{res.plural}/{{id}}",
        response_model=res.read,
        summary=f"Get {one}",
        description=f"{res.about}; its `status` says whether it is retired (`tobedeleted`). "
        "One the district does not have is a 404.",
        operation_id=f"get_{stem}",
        responses=responses(401, 403, 404),
    )
    async def get(id: Id, use_cases: UseCasesDep, principal: RosterReader) -> Any:
        return await use_cases.roster.get_record(principal.tenant_id, res.kind, id)

    @router.get(
        f"/v1/{res.plural}",
        response_model=list_model,
        summary=f"List {res.plural.replace('-', ' ')}",
        description=f"The district's records of this kind ({res.about[0].lower()}"
        f"{res.about[1:]}), active ones unless `status=tobedeleted`, in sourcedId order. The "
        "filters narrow the list; `updated_since` gives what changed since a last read. Paged "
        "with `limit` and `cursor`; also as CSV or Parquet for the whole list.",
        operation_id=f"list_{res.plural.replace('-', '_')}",
        responses=responses(401, 403, 422),
    )
    async def list_(
        use_cases: UseCasesDep,
        principal: RosterReader,
        filters: Annotated[res.filters, Query()],  # type: ignore[name-defined]
        limit: Limit = 100,
        cursor: Cursor = None,
    ) -> Any:
        page = await use_cases.roster.list_records(
            principal.tenant_id, res.kind, _query(filters, limit, cursor)
        )
        return _page(res.read, page)

    @router.delete(
        f"/v1/{res.plural}/{{id}}",
        status_code=status.HTTP_204_NO_CONTENT,
        summary=f"Retire {one} (marked tobedeleted, kept for history)",
        description=f"{res.about}, marked `tobedeleted` as OneRoster retires records: it stays, "
        "with the evidence and decisions that refer to it. Answers 204; one the district does "
        "not have is a 404.",
        operation_id=f"delete_{stem}",
        responses=responses(401, 403, 404),
    )
    async def delete(id: Id, use_cases: UseCasesDep, principal: RosterWriter) -> None:
        await use_cases.roster.delete_record(principal.tenant_id, res.kind, id)


for _resource in RESOURCES:
    _declare(_resource)


@router.put(
    "/v1/users/{id}/demographics",
    response_model=s.DemographicsRead,
    summary="Set a user's demographics",
    description="A student's demographics (OneRoster demographics): sex, birth date, race and "
    "ethnicity, English learner, special education and economic disadvantage, which the "
    "reports group and filter by. The user must exist. 201 when created, 200 when replaced.",
    operation_id="put_demographics",
    responses={
        201: {"description": "Created", "model": s.DemographicsRead},
        **responses(401, 403, 404, 413, 422),
    },
)
async def put_demographics(
    id: Id,
    body: s.DemographicsWrite,
    use_cases: UseCasesDep,
    principal: RosterWriter,
    response: Response,
) -> Any:
    with located("body"):
        record = _record(Demographics, id, body)
        assert isinstance(record, Demographics)
        saved = await use_cases.roster.put_demographics(principal.tenant_id, record)
    response.status_code = status.HTTP_201_CREATED if saved.created else status.HTTP_200_OK
    return saved.record


@router.get(
    "/v1/users/{id}/demographics",
    response_model=s.DemographicsRead,
    summary="Get a user's demographics",
    description="The demographics held for a user, as the SIS or a PUT gave them; 404 when the "
    "district holds none for that user.",
    operation_id="get_demographics",
    responses=responses(401, 403, 404),
)
async def get_demographics(id: Id, use_cases: UseCasesDep, principal: RosterReader) -> Any:
    return await use_cases.roster.get_record(principal.tenant_id, RosterKind.DEMOGRAPHICS, id)


@router.delete(
    "/v1/users/{id}/demographics",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Retire a user's demographics",
    description="Marks a user's demographics `tobedeleted`, as OneRoster retires records (kept "
    "for history). Answers 204; 404 when there are none.",
    operation_id="delete_demographics",
    responses=responses(401, 403, 404),
)
async def delete_demographics(id: Id, use_cases: UseCasesDep, principal: RosterWriter) -> None:
    await use_cases.roster.delete_record(principal.tenant_id, RosterKind.DEMOGRAPHICS, id)


UserList = create_model("ClassMemberList", __base__=ListPage[s.UserRead])


def _members(role: EnrollmentRole, noun: str) -> None:
    @router.get(
        f"/v1/classes/{{id}}/{noun}",
        response_model=UserList,
        summary=f"The {noun} enrolled in a class",
        description=f"The users with an active enrollment in the class as {role.value}, in "
        "sourcedId order: the class's own list. Paged with `limit` and `cursor`; also "
        "as CSV or Parquet. A class the district does not have is a 404.",
        operation_id=f"list_class_{noun}",
        responses=responses(401, 403, 404, 422),
    )
    async def members(
        id: Id,
        use_cases: UseCasesDep,
        principal: RosterReader,
        limit: Limit = 100,
        cursor: Cursor = None,
    ) -> Any:
        page = await use_cases.roster.class_members(
            principal.tenant_id, id, role, _query(None, limit, cursor)
        )
        return _page(s.UserRead, page)


_members(EnrollmentRole.STUDENT, "students")
_members(EnrollmentRole.TEACHER, "teachers")
