"""The consumer's score scales repository (decision 0051) on the fakes, SQLite and PostgreSQL.
The fake queries with app.domain.oneroster.matching, the provider's in-memory reading of a
collection query: the same answers as the SQL prove the provider filters and sorts as the
consumer's tables do."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.access import TenantId
from app.domain.gradebook import SCORE_SCALE_FIELDS, ScoreScale, ScoreScaleValue
from app.domain.oneroster.query import collection_query
from app.domain.roster import RecordStatus
from tests.contracts.conftest import Backend
from tests.contracts.records import day

LEVELS = (ScoreScaleValue("Developing", "2"), ScoreScaleValue("Proficient", "3"))
SCALES = [
    ScoreScale(
        "sc-1",
        "Levels",
        "proficiency",
        "class-1",
        LEVELS,
        course_id="course-1",
        metadata={"vendor": 1},
        updated_at=day(1),
    ),
    ScoreScale("sc-2", "letters", "letter", "class-2", LEVELS[:1], updated_at=day(3)),
    ScoreScale("sc-3", "Levels", "proficiency", "class-2", LEVELS, updated_at=day(2)),
    ScoreScale(
        "sc-4",
        "Old",
        "letter",
        "class-1",
        LEVELS,
        status=RecordStatus.TOBEDELETED,
        updated_at=day(4),
    ),
]


async def _stored(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        for scale in SCALES:
            await uow.gradebook_score_scales.save(scale)
        await uow.commit()


async def _ids(
    backend: Backend,
    tenant: TenantId,
    *,
    filter_text: str | None = None,
    sort: str | None = None,
    order_by: str | None = None,
    offset: int = 0,
    limit: int = 100,
    deleted: bool = False,
    class_id: str | None = None,
) -> tuple[list[str], int]:
    query = collection_query(
        filter_text=filter_text,
        sort=sort,
        order_by=order_by,
        offset=offset,
        limit=limit,
        fields=SCORE_SCALE_FIELDS,
    )
    async with backend.uow(tenant) as uow:
        page = await uow.gradebook_score_scales.list(
            query, include_deleted=deleted, class_id=class_id
        )
    return [s.id for s in page.items], page.total


async def test_a_score_scale_comes_back_as_saved(backend: Backend, tenant: TenantId) -> None:
    await _stored(backend, tenant)
    changed = replace(SCALES[0], title="Levels 2-3", updated_at=day(5))
    async with backend.uow(tenant) as uow:
        await uow.gradebook_score_scales.save(changed)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.gradebook_score_scales.get("sc-1") == changed
        assert await uow.gradebook_score_scales.get("sc-4") == SCALES[3]  # whatever its status
        assert await uow.gradebook_score_scales.get("sc-9") is None


@pytest.mark.parametrize(
    ("filter_text", "expected"),
    [
        ("title='Levels'", ["sc-1", "sc-3"]),
        ("title~'LEVEL'", ["sc-1", "sc-3"]),  # contains, ignoring case
        ("type!='letter'", ["sc-1", "sc-3"]),
        # A missing value compares with nothing: neither equal nor different.
        ("course.sourcedId!='course-1'", []),
        ("class.sourcedId='class-2' OR course.sourcedId='course-1'", ["sc-1", "sc-2", "sc-3"]),
        ("class.sourcedId='class-2' AND type='proficiency'", ["sc-3"]),
        ("dateLastModified>'2025-09-02T12:00:00Z'", ["sc-2", "sc-3"]),
        ("sourcedId>='sc-2'", ["sc-2", "sc-3"]),
    ],
)
async def test_score_scales_are_filtered(
    backend: Backend, tenant: TenantId, filter_text: str, expected: list[str]
) -> None:
    await _stored(backend, tenant)
    assert await _ids(backend, tenant, filter_text=filter_text) == (expected, len(expected))


async def test_score_scales_are_sorted_paged_and_chosen_by_class(
    backend: Backend, tenant: TenantId
) -> None:
    await _stored(backend, tenant)
    # Binary order of text: upper case first; ties in sourcedId order either way.
    assert await _ids(backend, tenant, sort="title") == (["sc-1", "sc-3", "sc-2"], 3)
    assert await _ids(backend, tenant, sort="title", order_by="desc") == (
        ["sc-2", "sc-1", "sc-3"],
        3,
    )
    # Missing values last, in either direction.
    assert await _ids(backend, tenant, sort="course.sourcedId", order_by="desc") == (
        ["sc-1", "sc-2", "sc-3"],
        3,
    )
    assert await _ids(backend, tenant, sort="dateLastModified", offset=1, limit=1) == (
        ["sc-3"],
        3,
    )
    assert await _ids(backend, tenant, deleted=True, class_id="class-1") == (["sc-1", "sc-4"], 2)
