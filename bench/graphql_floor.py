"""The floor under a GraphQL page (issue #14): the page of 100 students x 200 decisions that
bench_graphql asks, answered from objects already in memory by a bare strawberry schema through
the same ASGI transport, so that what is left is GraphQL execution, HTTP and JSON alone. Once
with graphql-core's own execution (every field resolved through its general path) and once with
the service's plans for plain objects (app/api/graphql/execution.py)."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import strawberry
from fastapi import FastAPI
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.fastapi import GraphQLRouter

from app.api.graphql.execution import PlainObjects
from app.api.graphql.types.enums import MasteryStatus

STUDENTS, COMPETENCIES = 100, 200
STATUSES = [MasteryStatus.MASTERED, MasteryStatus.NOT_YET, MasteryStatus.NO_EVIDENCE]
QUERY = """{ students { nodes { id givenName mastery { competencyId status score
  level { label } } } } }"""


@strawberry.type
class _Level:
    value: float
    label: str


@strawberry.type
class _Mastery:
    competency_id: strawberry.ID
    status: MasteryStatus
    score: float | None
    level: _Level | None


@strawberry.type
class _Student:
    id: strawberry.ID
    given_name: str
    cells: strawberry.Private[list[_Mastery]]

    @strawberry.field
    async def mastery(self) -> list[_Mastery]:
        return self.cells


@strawberry.type
class _Page:
    nodes: list[_Student]


_LEVEL = _Level(value=3.0, label="Proficient")
_PAGE = _Page(
    nodes=[
        _Student(
            id=strawberry.ID(f"s{s:06d}"),
            given_name=f"Given{s}",
            cells=[
                _Mastery(
                    competency_id=strawberry.ID(f"fw-c{c:03d}"),
                    status=STATUSES[(s + c) % 3],
                    score=None if (s + c) % 3 == 2 else 3.0,
                    level=None if (s + c) % 3 == 2 else _LEVEL,
                )
                for c in range(COMPETENCIES)
            ],
        )
        for s in range(STUDENTS)
    ]
)


@strawberry.type
class _Query:
    @strawberry.field
    async def students(self) -> _Page:
        return _PAGE


class _OrjsonRouter(GraphQLRouter[Any, None]):
    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)


def floor_app(execution: type[PlainObjects] | None) -> FastAPI:
    """A bare schema answering the page from memory; `execution` None: graphql-core's own."""
    schema = strawberry.Schema(
        _Query,
        execution_context_class=execution,
        extensions=[lambda: ParserCache(maxsize=256), lambda: ValidationCache(maxsize=256)],
    )
    app = FastAPI()
    app.include_router(_OrjsonRouter(schema, path="/graphql"))
    return app


GRAPHQL_CORE = "graphql-core's own execution"
PLANS = "plans for plain objects"
FLOORS: dict[str, type[PlainObjects] | None] = {GRAPHQL_CORE: None, PLANS: PlainObjects}


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://floor")
