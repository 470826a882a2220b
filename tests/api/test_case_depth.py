"""A CASE package whose isChildOf chain is 1,500 deep (issue #11, finding 9) imported (201),
then every read of its framework answered 500: it is refused at import now, nothing written."""

from __future__ import annotations

from typing import Any

from tests.case_packages import DOC, as_bytes, child, item, package
from tests.conftest import Api

IMPORT = "/v1/frameworks/import/case"


def _chain(length: int) -> dict[str, Any]:
    """Items 1..length, each the child of the one before (item 1 of the document)."""
    items = [item(n, f"C.{n}", f"Level {n}") for n in range(1, length + 1)]
    links = [child(10_000 + n, n, n - 1 if n > 1 else None) for n in range(1, length + 1)]
    return package(items, links)


async def test_a_chain_1500_deep_is_refused_at_import(api: Api) -> None:
    response = await api.post(IMPORT, content=as_bytes(_chain(1500)))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    [problem] = response.json()["errors"]
    # Item 65 is the first below the 64 levels; it is CFItems[64] in the package.
    assert problem == {
        "loc": ["body", "CFItems", 64],
        "msg": "parent_id nests the competency deeper than the 64 levels a framework may have",
    }
    assert (await api.get(f"/v1/frameworks/{DOC}")).status_code == 404


async def test_a_chain_64_deep_imports_and_reads(api: Api) -> None:
    response = await api.post(IMPORT, content=as_bytes(_chain(64)))
    assert response.status_code == 201, response.text
    framework = await api.get(f"/v1/frameworks/{DOC}")
    assert framework.status_code == 200
    depth, level = 0, framework.json()["competencies"]
    while level:
        depth, level = depth + 1, level[0]["children"]
    assert depth == 64
