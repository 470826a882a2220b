"""CASE 1.0: finding frameworks by their CASE identifiers, the JSON binding, and providers."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from app.domain.associations import Association
from app.domain.case.package import CaseDocument, CaseItem, CasePackage, ReadPackage
from app.domain.frameworks import Framework


class CaseCatalog(Protocol):
    """Finding frameworks, competencies and associations by their CASE identifiers."""

    async def framework_for_document(self, identifier: str) -> str | None:
        """The id of the framework whose CFDocument identifier (or id) this is."""
        ...

    async def competency_owners(self, identifiers: Collection[str]) -> dict[str, tuple[str, str]]:
        """For each identifier that is a competency's CFItem identifier or id: (framework id,
        competency id)."""
        ...

    async def exact_match_links(self, identifiers: Collection[str]) -> list[tuple[str, str]]:
        """The (origin, destination) identifiers of every `exactMatchOf` association, of any
        framework, with an end among these identifiers."""
        ...

    async def frameworks_with_association(self, identifier: str) -> list[str]:
        """The frameworks that hold an association with this identifier."""
        ...

    async def frameworks_linking(self, identifier: str) -> list[str]:
        """The frameworks holding an association from or to the node with this identifier."""
        ...

    async def headers(self) -> list[Framework]:
        """Every framework of the tenant without its competencies (for listing documents)."""
        ...

    async def kinds(self) -> dict[str, set[str]]:
        """The competency kinds each framework uses, by framework id."""
        ...


class CaseCodec(Protocol):
    """CASE 1.0 JSON: reading packages, and writing what the CASE provider endpoints serve."""

    def read(self, raw: bytes | str | object) -> ReadPackage:
        """A package from JSON text (or a decoded JSON value), with every problem and leniency."""
        ...

    def package(self, package: CasePackage) -> dict[str, Any]: ...

    def document(self, document: CaseDocument) -> dict[str, Any]: ...

    def item(self, item: CaseItem, document: Mapping[str, str] | None = None) -> dict[str, Any]:
        """A CFItem; with `document` (its CFDocumentURI) when served on its own."""
        ...

    def association(
        self, association: Association, document: Mapping[str, str] | None = None
    ) -> dict[str, Any]: ...

    def definition(self, definition: Mapping[str, Any]) -> dict[str, Any]: ...


@dataclass(frozen=True)
class ProviderAuth:
    """OAuth 2.0 client-credentials settings of a CASE provider that requires a token."""

    token_url: str
    client_id: str
    client_secret: str
    scope: str | None = None


class CaseSource(Protocol):
    async def fetch(self, url: str, auth: ProviderAuth | None) -> bytes:
        """The body a CASE provider answers at `url`. Raises `SourceUnavailable` when it cannot
        be reached or fails, `Invalid` (located at "url" or "auth") when it refuses."""
