"""The gradebook's filterable fields (the domain's) each have a column (the db adapter's)."""

from __future__ import annotations

from app.adapters.db.gradebook import CATEGORY_COLUMNS, LINE_ITEM_COLUMNS, RESULT_COLUMNS
from app.domain.gradebook import CATEGORY_FIELDS, LINE_ITEM_FIELDS, RESULT_FIELDS


def test_every_filterable_field_has_its_column() -> None:
    assert set(LINE_ITEM_COLUMNS) == set(LINE_ITEM_FIELDS)
    # An assessment result's filter names its line item assessmentLineItem: the same column.
    assert set(RESULT_COLUMNS) == set(RESULT_FIELDS) | {"assessmentLineItem.sourcedId"}
    assert set(CATEGORY_COLUMNS) == set(CATEGORY_FIELDS)


def test_score_scales_and_the_provider_read_every_filterable_field() -> None:
    from app.adapters.db.gradebook_scales import SCORE_SCALE_COLUMNS
    from app.domain.gradebook import SCORE_SCALE_FIELDS
    from app.use_cases.gradebook_provider import FIELDS

    assert set(SCORE_SCALE_COLUMNS) == set(SCORE_SCALE_FIELDS)
    for fields, getters in FIELDS.values():
        assert set(getters) == set(fields)
