"""GET /v1/students/{id}/ready: what a student is ready to learn, from `precedes` and the
decisions as shown (overrides included), for a chain and for a diamond."""

from __future__ import annotations

from typing import Any

from app.bootstrap import Container
from app.domain.access import Principal, Scope
from tests.api.graphql_data import data
from tests.api.mastery_data import post, result
from tests.api.roster_data import seed_roster
from tests.api.test_case_import_api import imported
from tests.case_packages import association, child, ident, item, node, package
from tests.conftest import Api

CHAIN_DOC = "d0c00000-0000-4000-8000-00000000000c"
DIAMOND_DOC = "d0c00000-0000-4000-8000-00000000000d"


def _framework(doc: str, first: int, codes: str, links: list[tuple[int, int]]) -> dict[str, Any]:
    names = codes.split()
    data = package(
        [item(first + i, code, f"Learn {code}") for i, code in enumerate(names)],
        [child(first + 50 + i, first + i, None, i + 1) for i in range(len(names))]
        + [
            association(first + 80 + n, "precedes", node(first + a), node(first + b))
            for n, (a, b) in enumerate(links)
        ],
        identifier=doc,
        title=doc,
    )
    del data["CFDocument"]["CFPackageURI"]
    for link in data["CFAssociations"][: len(names)]:
        link["destinationNodeURI"]["identifier"] = doc
    return data


async def _ready(api: Api, doc: str) -> list[tuple[str, str, list[str]]]:
    response = await api.get(f"/v1/students/student-1/ready?framework_id={doc}")
    assert response.status_code == 200, response.text
    return [
        (r["code"], r["decision"]["status"], [p["code"] for p in r["prerequisites"]])
        for r in response.json()["items"]
    ]


async def _master(api: Api, code_id: str, when: float) -> None:
    await post(api, result(4, when, competency=code_id))


async def test_a_chain_is_learnt_one_step_at_a_time_overrides_included(api: Api) -> None:
    await seed_roster(api)
    await imported(api, _framework(CHAIN_DOC, 100, "A B C", [(0, 1), (1, 2)]))
    a, b, c = ident(100), ident(101), ident(102)
    assert await _ready(api, CHAIN_DOC) == [("A", "no_evidence", [])]
    await _master(api, a, 1)
    assert await _ready(api, CHAIN_DOC) == [("B", "no_evidence", ["A"])]
    await post(api, result(2, 2, competency=b))
    assert await _ready(api, CHAIN_DOC) == [("B", "not_yet", ["A"])]
    override = await api.put(
        f"/v1/students/student-1/mastery/{b}/override",
        {"status": "mastered", "reason": "Shown in class"},
    )
    assert override.status_code == 200
    assert await _ready(api, CHAIN_DOC) == [("C", "no_evidence", ["B"])]
    await _master(api, c, 3)
    assert await _ready(api, CHAIN_DOC) == []


async def test_a_diamond_needs_both_of_its_prerequisites(api: Api) -> None:
    await seed_roster(api)
    links = [(0, 1), (0, 2), (1, 3), (2, 3)]
    await imported(api, _framework(DIAMOND_DOC, 200, "A B C D", links))
    assert await _ready(api, DIAMOND_DOC) == [("A", "no_evidence", [])]
    await _master(api, ident(200), 1)
    assert await _ready(api, DIAMOND_DOC) == [
        ("B", "no_evidence", ["A"]),
        ("C", "no_evidence", ["A"]),
    ]
    await _master(api, ident(201), 2)
    assert await _ready(api, DIAMOND_DOC) == [("C", "no_evidence", ["A"])]
    await _master(api, ident(202), 3)
    assert await _ready(api, DIAMOND_DOC) == [("D", "no_evidence", ["B", "C"])]


async def test_a_competencys_prerequisites_and_unlocks_for_graphql(
    api: Api, container: Container
) -> None:
    await imported(api, _framework(DIAMOND_DOC, 200, "A B C D", [(0, 1), (0, 2), (1, 3), (2, 3)]))
    principal = Principal(
        "test", api.tenant.id, api.tenant.slug, frozenset({Scope.FRAMEWORKS_READ})
    )
    needs = await container.use_cases.prerequisites.competency_prerequisites(principal, ident(203))
    opens = await container.use_cases.prerequisites.competency_unlocks(principal, ident(200))
    assert [c.code for c in needs] == ["B", "C"]
    assert [c.code for c in opens] == ["B", "C"]
    assert await container.use_cases.prerequisites.competency_unlocks(principal, ident(203)) == ()


async def test_an_unknown_student_or_framework_is_not_found(api: Api) -> None:
    await seed_roster(api)
    await imported(api, _framework(CHAIN_DOC, 100, "A B C", [(0, 1), (1, 2)]))
    nobody = await api.get(f"/v1/students/nobody/ready?framework_id={CHAIN_DOC}")
    assert nobody.status_code == 404
    nothing = await api.get("/v1/students/student-1/ready?framework_id=nothing")
    assert nothing.status_code == 404
    missing = await api.get("/v1/students/student-1/ready")
    assert missing.status_code == 422


READY = """query($student: ID!, $framework: ID!) {
  student(id: $student) { readyToLearn(frameworkId: $framework) { code prerequisites { code } } }
}"""
EDGES = (
    """query($id: ID!) { competency(id: $id) { code prerequisites { code } unlocks { code } } }"""
)


async def test_graphql_ready_to_learn_equals_rest_through_a_diamond(api: Api) -> None:
    await seed_roster(api)
    await imported(api, _framework(DIAMOND_DOC, 200, "A B C D", [(0, 1), (0, 2), (1, 3), (2, 3)]))
    expected = [
        [("A", [])],
        [("B", ["A"]), ("C", ["A"])],
        [("C", ["A"])],
        [("D", ["B", "C"])],
    ]
    for step, want in enumerate(expected):
        if step:
            await _master(api, ident(199 + step), step)
        rest = [(code, needs) for code, _, needs in await _ready(api, DIAMOND_DOC)]
        answer = await data(api, READY, student="student-1", framework=DIAMOND_DOC)
        graph = [
            (c["code"], [p["code"] for p in c["prerequisites"]])
            for c in answer["student"]["readyToLearn"]
        ]
        assert rest == graph == want, step


async def test_graphql_prerequisites_and_unlocks(api: Api) -> None:
    await imported(api, _framework(DIAMOND_DOC, 200, "A B C D", [(0, 1), (0, 2), (1, 3), (2, 3)]))
    top = (await data(api, EDGES, id=ident(200)))["competency"]
    bottom = (await data(api, EDGES, id=ident(203)))["competency"]
    assert top == {"code": "A", "prerequisites": [], "unlocks": [{"code": "B"}, {"code": "C"}]}
    assert bottom == {"code": "D", "prerequisites": [{"code": "B"}, {"code": "C"}], "unlocks": []}
