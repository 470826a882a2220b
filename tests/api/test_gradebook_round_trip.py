"""The provider's records read by the project's own consumer (decision 0051): every category,
score scale, line item and result the provider serves, PUT as read into another district's
consumer (which has the same roster), reads back equal. What may differ is what each side owns:
dateLastModified (when each stored or derived it), the hrefs (each points at its own base) and
what the consumer adds (metadata.masteryEvidence); academicSession, which the consumer does not
keep, is compared separately."""

from __future__ import annotations

from typing import Any

from tests.api.gradebook_data import GRADEBOOK
from tests.api.oneroster_gradebook_schema import validate
from tests.api.provider_data import PROVIDER, seed_grades, with_term
from tests.api.roster_data import seed_roster
from tests.conftest import Api

ORDER = [
    ("categories", "category"),
    ("scoreScales", "scoreScale"),
    ("lineItems", "lineItem"),
    ("results", "result"),
]


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in record.items():
        if key in ("dateLastModified", "academicSession"):
            continue
        if key == "metadata":
            value = {k: v for k, v in value.items() if k != "masteryEvidence"} or None
            if value is None:
                continue
        if isinstance(value, dict) and "href" in value:
            value = {k: v for k, v in value.items() if k != "href"}
        out[key] = value
    return out


async def test_the_consumer_reads_back_what_the_provider_serves(api: Api, other_api: Api) -> None:
    await seed_grades(api)
    await seed_roster(other_api)
    await with_term(other_api)
    served: dict[str, list[dict[str, Any]]] = {}
    for collection, one in ORDER:
        response = await api.get(f"{PROVIDER}/{collection}")
        assert response.status_code == 200, response.text
        served[collection] = response.json()[collection]
        assert served[collection], collection
        for record in served[collection]:
            put = await other_api.put(
                f"{GRADEBOOK}/{collection}/{record['sourcedId']}", {one: record}
            )
            assert put.status_code == 201, (collection, put.text)
    for collection, _ in ORDER:
        response = await other_api.get(f"{GRADEBOOK}/{collection}")
        assert response.status_code == 200, response.text
        validate(collection, response.json(), many=True)
        read_back = response.json()[collection]
        assert [_comparable(r) for r in read_back] == [
            _comparable(r) for r in served[collection]
        ], collection
    # 2 categories, 2 score scales, 3 line items, 5 results (tests/api/provider_data.py).
    assert [len(served[c]) for c, _ in ORDER] == [2, 2, 3, 5]
