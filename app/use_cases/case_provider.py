"""Serving the tenant's frameworks as a CASE 1.0 provider: documents, packages, items,
associations and item types, as CASE JSON. `base` is the provider's own URL
(".../ims/case/v1p0"), from which objects authored here get their URIs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.domain.access import Principal
from app.domain.case.export import (
    association_fields,
    document_link,
    document_of,
    export_package,
    item_of,
    item_types_of,
    served_associations,
)
from app.domain.case.identifiers import derived, item_identifier
from app.domain.case.package import DOCUMENT_TEXT
from app.domain.errors import InvalidQuery, NotFound, Problem
from app.domain.frameworks import Competency, Framework
from app.ports.case import CaseCodec
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory

Json = dict[str, Any]
# The CFDocument fields a document list may be sorted by.
SORTABLE = ("identifier", "uri", "title", "lastChangeDateTime", *DOCUMENT_TEXT)


async def _framework(uow: UnitOfWork, identifier: str) -> Framework:
    """The framework whose CFDocument identifier (or id) this is."""
    framework_id = await uow.case.framework_for_document(identifier)
    if framework_id is not None:
        found = await uow.frameworks.get_many([framework_id])
        if framework_id in found:
            return found[framework_id]
    raise NotFound(f"No CFDocument {identifier!r}")


async def _item(uow: UnitOfWork, identifier: str) -> tuple[Framework, Competency]:
    """The active competency whose CFItem identifier (or id) this is, with its framework."""
    owners = await uow.case.competency_owners([identifier])
    if identifier in owners:
        framework_id, competency_id = owners[identifier]
        framework = (await uow.frameworks.get_many([framework_id]))[framework_id]
        competency = framework.competency(competency_id)
        if competency.is_active:  # a retired competency is no longer part of the framework
            return framework, competency
    raise NotFound(f"No CFItem {identifier!r}")


@dataclass(frozen=True, kw_only=True)
class CaseProvider:
    """The district's frameworks served as CASE 1.0 JSON."""

    uow: UnitOfWorkFactory
    codec: CaseCodec

    async def case_documents(
        self,
        principal: Principal,
        *,
        base: str,
        sort: str | None,
        descending: bool,
        offset: int,
        limit: int,
    ) -> tuple[list[Json], int]:
        """A page of the tenant's CFDocuments, and how many there are in all. Districts have tens
        of frameworks, so the list is sorted here, over the frameworks' rows alone."""
        if sort is not None and sort not in SORTABLE:
            raise InvalidQuery(
                "The documents cannot be sorted so",
                [Problem(("sort",), f"must be one of {', '.join(SORTABLE)}")],
            )
        async with self.uow(principal.tenant_id, writes=False) as uow:
            headers = await uow.case.headers()
        documents = [
            self.codec.document(document_of(f, base, principal.tenant_slug)) for f in headers
        ]
        field = sort or "title"
        present = [d for d in documents if d.get(field) is not None]
        present.sort(key=lambda d: (str(d[field]), d["identifier"]), reverse=descending)
        ordered = present + [d for d in documents if d.get(field) is None]
        return ordered[offset : offset + limit], len(documents)

    async def case_package(self, principal: Principal, identifier: str, base: str) -> Json:
        """A framework's whole CFPackage."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            framework = await _framework(uow, identifier)
        return self.codec.package(export_package(framework, base, principal.tenant_slug))

    async def case_document(self, principal: Principal, identifier: str, base: str) -> Json:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            framework = await _framework(uow, identifier)
        return self.codec.document(document_of(framework, base, principal.tenant_slug))

    async def case_item(self, principal: Principal, identifier: str, base: str) -> Json:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            framework, competency = await _item(uow, identifier)
        item = item_of(framework, competency, base)
        return self.codec.item(item, document_link(framework, base))

    async def case_association(self, principal: Principal, identifier: str, base: str) -> Json:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            ids = await uow.case.frameworks_with_association(identifier)
            frameworks = await uow.frameworks.get_many(ids)
        for framework in frameworks.values():
            for association in served_associations(framework, base):
                if association.identifier == identifier:
                    fields = association_fields(framework, association, base)
                    return self.codec.association(
                        replace(association, case=fields), document_link(framework, base)
                    )
        raise NotFound(f"No CFAssociation {identifier!r}")

    async def case_item_associations(
        self, principal: Principal, identifier: str, base: str
    ) -> Json:
        """A CFItem with every association from or to it, its framework's and other frameworks'
        (a crosswalk from another framework of the tenant to this item)."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            framework, competency = await _item(uow, identifier)
            node = item_identifier(competency)
            others = [f for f in await uow.case.frameworks_linking(node) if f != framework.id]
            frameworks = [framework, *(await uow.frameworks.get_many(others)).values()]
        associations = [
            self.codec.association(replace(a, case=association_fields(f, a, base)))
            for f in frameworks
            for a in served_associations(f, base)
            if node in (a.origin.identifier, a.destination.identifier)
        ]
        item = self.codec.item(item_of(framework, competency, base), document_link(framework, base))
        return {"CFItem": item, "CFAssociations": associations}

    async def case_item_type(self, principal: Principal, identifier: str, base: str) -> Json:
        """One CFItemType, as the set CASE answers with: {"CFItemTypes": [type]}."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            headers = await uow.case.headers()
            kinds = await uow.case.kinds()
            users = sorted(
                f
                for f, names in kinds.items()
                if any(derived("CFItemType", k) == identifier for k in names)
            )
            # A type made up for a kind is the same in every framework using it: one will do.
            frameworks = [*headers, *(await uow.frameworks.get_many(users[:1])).values()]
        for framework in frameworks:
            for item_type in item_types_of(framework, base):
                if item_type["identifier"] == identifier:
                    return {"CFItemTypes": [self.codec.definition(item_type)]}
        raise NotFound(f"No CFItemType {identifier!r}")
