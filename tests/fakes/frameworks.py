"""An in-memory framework repository (app.ports.frameworks) that stores a framework as the SQL
adapter's rows give it back: competencies by position and never deleted, the associations the
domain keeps for it, `updated_at` the instant of the write."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime

from app.domain.associations import Association
from app.domain.case.export import stored_associations
from app.domain.errors import Conflict, Problem
from app.domain.frameworks import Framework
from app.ports.paging import Page
from tests.fakes.state import TenantTables


def as_stored(framework: Framework, before: Framework | None, at: datetime) -> Framework:
    """The framework as a read after this write returns it: competencies that the write left out
    stay (a framework's competencies are never deleted), every one in position order; the
    associations are those the domain stores for it, each identifier once."""
    given = {c.id for c in framework.competencies}
    kept = [c for c in before.competencies if c.id not in given] if before else []
    competencies = sorted([*framework.competencies, *kept], key=lambda c: c.position)
    unique: dict[str, Association] = {}
    for a in stored_associations(framework):
        unique.setdefault(a.identifier, a)
    return replace(
        framework,
        competencies=tuple(competencies),
        associations=tuple(unique.values()),
        updated_at=at,
    )


class FakeFrameworkRepository:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def get_many(self, framework_ids: Collection[str]) -> dict[str, Framework]:
        stored = self._tables.frameworks
        return {i: stored[i] for i in framework_ids if i in stored}

    async def add(self, framework: Framework, at: datetime) -> None:
        taken = self._taken([c.id for c in framework.competencies])
        if taken:
            raise Conflict(
                "Competency ids are unique in a district; these are taken",
                [Problem(("competencies",), f"id {cid!r} is taken") for cid in sorted(taken)],
            )
        if framework.id in self._tables.frameworks:
            raise Conflict(
                f"A framework {framework.id!r} exists already", [Problem(("id",), "taken")]
            )
        self._tables.frameworks[framework.id] = as_stored(framework, None, at)

    async def save(self, framework: Framework, at: datetime) -> None:
        elsewhere = self._taken([c.id for c in framework.competencies], other_than=framework.id)
        if elsewhere:
            raise Conflict(
                "Competency ids are unique in a district; these belong to another framework",
                [Problem(("competencies",), f"id {cid!r} is taken") for cid in sorted(elsewhere)],
            )
        before = self._tables.frameworks.get(framework.id)
        assert before is not None, "save() replaces a stored framework"
        self._tables.frameworks[framework.id] = as_stored(framework, before, at)

    def _taken(self, ids: Collection[str], other_than: str | None = None) -> set[str]:
        owners = self._owners()
        return {i for i in ids if i in owners and owners[i] != other_than}

    def _owners(self) -> dict[str, str]:
        return {c.id: f.id for f in self._tables.frameworks.values() for c in f.competencies}

    async def list(self, after: str | None, limit: int) -> Page[Framework]:
        ids = sorted(i for i in self._tables.frameworks if after is None or i > after)
        items = [self._tables.frameworks[i] for i in ids[:limit]]
        return Page(items, items[-1].id if len(ids) > limit and items else None)

    async def of_competencies(
        self, competency_ids: Collection[str]
    ) -> tuple[dict[str, str], dict[str, Framework]]:
        owners = self._owners()
        framework_of = {c: owners[c] for c in competency_ids if c in owners}
        return framework_of, await self.get_many(set(framework_of.values()))

    async def count(self) -> int:
        return len(self._tables.frameworks)

    async def grade_rules(self, framework_id: str) -> tuple[str, datetime] | None:
        return self._tables.grade_rules.get(framework_id)

    async def put_grade_rules(self, framework_id: str, text: str | None, at: datetime) -> None:
        if text is None:
            self._tables.grade_rules.pop(framework_id, None)
        else:
            self._tables.grade_rules[framework_id] = (text, at)
