"""CASE (app.ports.case): finding frameworks by CASE identifier in the fake store, and a CASE
provider that answers from a dict of URL -> body. The CASE JSON codec needs no fake: the real
one (app.adapters.case.codec.CaseJsonCodec) is pure, fast and reads nothing but its input."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace

from app.domain.case.identifiers import document_identifier, item_identifier
from app.domain.errors import Invalid, Problem, SourceUnavailable
from app.domain.frameworks import Framework
from app.ports.case import ProviderAuth
from tests.fakes.state import TenantTables


class FakeCaseCatalog:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    def _frameworks(self) -> list[Framework]:
        return sorted(self._tables.frameworks.values(), key=lambda f: f.id)

    async def framework_for_document(self, identifier: str) -> str | None:
        frameworks = self._frameworks()
        # The CASE identifier wins over an id that happens to be equal to it.
        by_identifier = [f.id for f in frameworks if document_identifier(f) == identifier]
        by_id = [f.id for f in frameworks if f.id == identifier]
        found = by_identifier or by_id
        return found[0] if found else None

    async def competency_owners(self, identifiers: Collection[str]) -> dict[str, tuple[str, str]]:
        wanted = set(identifiers)
        found: dict[str, tuple[str, str]] = {}
        competencies = [(f.id, c) for f in self._frameworks() for c in f.competencies]
        for framework_id, c in competencies:
            if c.id in wanted:
                found[c.id] = (framework_id, c.id)
        for framework_id, c in competencies:  # a CASE identifier wins over an equal id
            if item_identifier(c) in wanted:
                found[item_identifier(c)] = (framework_id, c.id)
        return found

    async def exact_match_links(self, identifiers: Collection[str]) -> list[tuple[str, str]]:
        wanted = set(identifiers)
        return sorted(
            {
                (a.origin.identifier, a.destination.identifier)
                for f in self._frameworks()
                for a in f.associations
                if a.type == "exactMatchOf"
                and (a.origin.identifier in wanted or a.destination.identifier in wanted)
            }
        )

    async def frameworks_with_association(self, identifier: str) -> list[str]:
        return [
            f.id
            for f in self._frameworks()
            if any(a.identifier == identifier for a in f.associations)
        ]

    async def frameworks_linking(self, identifier: str) -> list[str]:
        return [
            f.id
            for f in self._frameworks()
            if any(
                identifier in (a.origin.identifier, a.destination.identifier)
                for a in f.associations
            )
        ]

    async def headers(self) -> list[Framework]:
        return [replace(f, competencies=(), associations=()) for f in self._frameworks()]

    async def kinds(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for f in self._frameworks():
            for c in f.competencies:
                if c.kind is not None:
                    found.setdefault(f.id, set()).add(c.kind)
        return found


@dataclass
class FakeCaseSource:
    """A CASE provider: each URL answers its body; any other URL is unreachable. `refusing`
    URLs answer as a provider that refuses the credentials does. Every fetch is recorded."""

    bodies: dict[str, bytes] = field(default_factory=dict)
    refusing: set[str] = field(default_factory=set)
    fetched: list[tuple[str, ProviderAuth | None]] = field(default_factory=list)

    async def fetch(self, url: str, auth: ProviderAuth | None) -> bytes:
        self.fetched.append((url, auth))
        if url in self.refusing:
            raise Invalid("The CASE provider refused the request", [Problem(("auth",), "refused")])
        if url not in self.bodies:
            raise SourceUnavailable(f"The CASE provider at {url} could not be reached")
        return self.bodies[url]
