"""A framework served as CASE: stable identifiers for what was authored here, the package as it
came for what was imported, and an import of the export that loses nothing."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from app.adapters.case.package import read_package
from app.adapters.case.writer import package_json
from app.domain.case.export import export_package, served_associations, stored_associations
from app.domain.case.importing import plan_import
from app.domain.frameworks import Competency, Framework, Status
from tests.case_packages import NBT, NBT1, NBT2, NF, NF1, NF2, grade5, ident

BASE = "https://mastery.example/ims/case/v1p0"
# The namespace of identifiers derived here, written out so that a change to it fails a test.
NAMESPACE = uuid.UUID("2843d034-31d9-4d54-8d57-32620605bdf4")


def uuid5(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


NATIVE = Framework(
    id="fw-math",
    title="Grade 4 Mathematics",
    competencies=(
        Competency("d-nbt", "4.NBT", "Number and operations in base ten", kind="domain"),
        Competency("s-1", "4.NBT.1", "Place value", kind="standard", parent_id="d-nbt"),
        Competency(
            "s-2", "4.NBT.2", "Read and write", kind="standard", parent_id="d-nbt", position=1
        ),
    ),
    updated_at=datetime(2026, 9, 1, 9, 30, tzinfo=UTC),
)


def _import(data: object) -> Framework:
    read = read_package(data)
    assert read.package is not None
    return plan_import(read.package, None, elsewhere={}).framework


def test_a_framework_authored_here_is_served_with_stable_uuids_field_by_field() -> None:
    doc, domain, s1, s2 = (
        uuid5("CFDocument:fw-math"),
        uuid5("CFItem:d-nbt"),
        uuid5("CFItem:s-1"),
        uuid5("CFItem:s-2"),
    )
    domain_type, standard_type = uuid5("CFItemType:domain"), uuid5("CFItemType:standard")
    stamp = "2026-09-01T09:30:00+00:00"

    def type_link(title: str, identifier: str) -> dict[str, str]:
        return {"title": title, "identifier": identifier, "uri": f"{BASE}/CFItemTypes/{identifier}"}

    def link(identifier: str, kind: str, title: str) -> dict[str, str]:
        return {"title": title, "identifier": identifier, "uri": f"{BASE}/{kind}/{identifier}"}

    def child(origin: str, code: str, destination: dict[str, str], seq: int) -> dict[str, object]:
        identifier = uuid5(f"isChildOf:{origin}:{destination['identifier']}")
        return {
            "identifier": identifier,
            "associationType": "isChildOf",
            "sequenceNumber": seq,
            "uri": f"{BASE}/CFAssociations/{identifier}",
            "originNodeURI": link(origin, "CFItems", code),
            "destinationNodeURI": destination,
            "lastChangeDateTime": stamp,
        }

    assert package_json(export_package(NATIVE, BASE, "riverside")) == {
        "CFDocument": {
            "identifier": doc,
            "uri": f"{BASE}/CFDocuments/{doc}",
            "creator": "riverside",
            "title": "Grade 4 Mathematics",
            "lastChangeDateTime": stamp,
            "CFPackageURI": link(doc, "CFPackages", "Grade 4 Mathematics"),
        },
        "CFItems": [
            {
                "identifier": identifier,
                "fullStatement": statement,
                "CFItemType": kind,
                "uri": f"{BASE}/CFItems/{identifier}",
                "humanCodingScheme": code,
                "CFItemTypeURI": type_link(kind, type_id),
                "lastChangeDateTime": stamp,
            }
            for identifier, statement, kind, code, type_id in [
                (domain, "Number and operations in base ten", "domain", "4.NBT", domain_type),
                (s1, "Place value", "standard", "4.NBT.1", standard_type),
                (s2, "Read and write", "standard", "4.NBT.2", standard_type),
            ]
        ],
        "CFAssociations": [
            child(domain, "4.NBT", link(doc, "CFDocuments", "Grade 4 Mathematics"), 1),
            child(s1, "4.NBT.1", link(domain, "CFItems", "4.NBT"), 1),
            child(s2, "4.NBT.2", link(domain, "CFItems", "4.NBT"), 2),
        ],
        "CFDefinitions": {
            "CFConcepts": [],
            "CFSubjects": [],
            "CFLicenses": [],
            "CFItemTypes": [
                {
                    "identifier": type_id,
                    "uri": f"{BASE}/CFItemTypes/{type_id}",
                    "title": kind,
                    "description": kind,
                    "hierarchyCode": level,
                    "typeCode": kind,
                    "lastChangeDateTime": stamp,
                }
                for kind, type_id, level in [
                    ("domain", domain_type, "1"),
                    ("standard", standard_type, "2"),
                ]
            ],
            "CFAssociationGroupings": [],
        },
    }


def test_an_imported_package_is_served_as_it_came() -> None:
    data = grade5()
    subject = {"identifier": ident(901), "uri": "https://x/901", "title": "Mathematics"}
    data["CFDefinitions"]["CFSubjects"] = [{**subject, "hierarchyCode": "1"}]
    data["CFRubrics"] = [{"identifier": ident(902), "uri": "https://x/902", "title": "Rubric"}]
    served = package_json(export_package(_import(data), BASE, "riverside"))
    assert served["CFRubrics"] == data["CFRubrics"]
    assert served["CFDefinitions"] == {
        "CFConcepts": [],
        "CFSubjects": data["CFDefinitions"]["CFSubjects"],
        "CFLicenses": [],
        "CFItemTypes": data["CFDefinitions"]["CFItemTypes"],
        "CFAssociationGroupings": [],
    }
    assert served["CFDocument"] == data["CFDocument"]
    by_id = {i["identifier"]: i for i in served["CFItems"]}
    for original in data["CFItems"]:
        assert by_id[original["identifier"]] == original
    links = {a["identifier"]: a for a in served["CFAssociations"]}
    for original in data["CFAssociations"]:
        assert links[original["identifier"]] == original
    assert len(links) == len(data["CFAssociations"])


def test_an_import_of_the_export_gives_the_same_framework() -> None:
    first = _import(grade5())
    exported = package_json(export_package(first, BASE, "riverside"))
    second = _import(exported)
    assert [(c.id, c.code, c.statement, c.parent_id, c.position) for c in second.ordered] == [
        (c.id, c.code, c.statement, c.parent_id, c.position) for c in first.ordered
    ]
    # Served in tree order, so listed in another order than the package's; none is lost.
    assert sorted(second.associations, key=lambda a: a.identifier) == sorted(
        first.associations, key=lambda a: a.identifier
    )
    assert package_json(export_package(second, BASE, "riverside")) == exported


def test_a_move_made_here_replaces_the_stale_is_child_of_and_renumbers_its_siblings() -> None:
    imported = _import(grade5())
    moved = replace(
        imported,
        competencies=tuple(
            replace(c, parent_id=ident(NBT), position=5) if c.id == ident(NF1) else c
            for c in imported.competencies
        ),
    )
    served = {a.origin.competency_id: a for a in served_associations(moved, BASE) if a.tree}
    assert ident(105) not in {a.identifier for a in served_associations(moved, BASE)}
    fresh = served[ident(NF1)]
    assert fresh.identifier == uuid5(f"isChildOf:{ident(NF1)}:{ident(NBT)}")
    assert fresh.destination.competency_id == ident(NBT)
    numbers = [served[ident(n)].sequence_number for n in (NBT2, NBT1, NF1)]
    assert numbers == [1, 2, 3]
    assert served[ident(NF2)].sequence_number == 2  # alone under 5.NF, its stored number holds
    stored = [
        a.identifier for a in stored_associations(moved) if a.origin.competency_id == ident(NF1)
    ]
    assert stored == [fresh.identifier, ident(111), ident(114)]


def test_retired_competencies_and_their_associations_are_not_served() -> None:
    imported = _import(grade5())
    retired = replace(
        imported,
        competencies=tuple(
            replace(c, status=Status.RETIRED) if c.id in (ident(NF), ident(NBT1)) else c
            for c in imported.competencies
        ),
    )
    package = export_package(retired, BASE, "riverside")
    assert ident(NF) not in {i.identifier for i in package.items}
    served = {a.identifier: a for _, a in package.associations}
    # 5.NF.1 and 5.NF.2 hang under the document while 5.NF is retired.
    assert served[uuid5(f"isChildOf:{ident(NF1)}:d0c00000-0000-4000-8000-000000000001")]
    assert ident(110) not in served  # 5.NBT.2 precedes the retired 5.NBT.1
    assert ident(112) not in served  # 5.NF isPeerOf 5.NBT
    assert ident(111) in served
