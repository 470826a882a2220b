"""The report minimum cell size: the domain's default, raised by settings only in whole steps
(a range must start exactly at the minimum, docs/decisions/0010)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.bootstrap import Policy
from app.config import Settings
from app.domain.reporting import DEFAULT_MIN_CELL


def test_the_default_is_the_domains_everywhere() -> None:
    assert Settings().report_min_cell == DEFAULT_MIN_CELL == 10
    assert Policy.__dataclass_fields__["report_min_cell"].default == DEFAULT_MIN_CELL
    assert Policy.of(Settings()).report_min_cell == DEFAULT_MIN_CELL


@pytest.mark.parametrize("wrong", [0, 5, 15, 21])
def test_a_minimum_that_is_not_whole_tens_is_refused(wrong: int) -> None:
    with pytest.raises(ValidationError, match="report_min_cell"):
        Settings(report_min_cell=wrong)


def test_a_minimum_of_whole_tens_is_taken() -> None:
    assert Settings(report_min_cell=20).report_min_cell == 20
