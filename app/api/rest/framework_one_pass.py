"""A framework body (POST or PUT) whose types are wrong also answers the ids its competency
tree repeats, in one 422: the author fixes both in one round trip (issue 12, finding 5). The
rest of the tree's rules (a scale, a policy, a parent) need a body that can be read, and come
once it can (docs/decisions/0030-one-pass-validation.md)."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from app.domain.errors import Invalid, Location, Problem

_ROUTES = ("create_framework", "replace_framework")


class FrameworkRoute(APIRoute):
    """Framework routes: type errors come with the competency tree's repeated ids."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()
        if self.operation_id not in _ROUTES:
            return handle

        async def route(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as exc:
                repeats = repeated_ids(await request.body())
                if not repeats:
                    raise
                problems = [Problem(tuple(e["loc"]), e["msg"]) for e in exc.errors()]
                raise Invalid("The request is not valid", problems + repeats) from None

        return route


def repeated_ids(body: bytes) -> list[Problem]:
    """Each competency, nested children included, whose id an earlier one has (in the order
    written), located where the author wrote it, as the tree's own check words it."""
    try:
        tree = json.loads(body)
    except ValueError:
        return []
    seen: set[str] = set()
    found: list[Problem] = []

    def walk(nodes: object, at: Location) -> None:
        if not isinstance(nodes, list):
            return
        for i, node in enumerate(nodes):
            if not isinstance(node, dict):
                continue
            id_ = node.get("id")
            if isinstance(id_, str) and id_:
                if id_ in seen:
                    found.append(Problem((*at, i, "id"), f"repeats the id {id_!r}"))
                seen.add(id_)
            walk(node.get("children"), (*at, i, "children"))

    if isinstance(tree, dict):
        walk(tree.get("competencies"), ("body", "competencies"))
    return found
