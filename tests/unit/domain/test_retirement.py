"""The mass-retirement rule, on numbers worked out by hand."""

from __future__ import annotations

from app.domain.errors import Problem
from app.domain.oneroster.retirement import mass_retirement


def test_a_share_above_the_limit_is_refused_and_at_the_limit_is_not() -> None:
    # 3 of 10 is exactly 30%: allowed; 4 of 10 (40%) is not.
    assert mass_retirement("users.csv", 3, 10, 0.3) is None
    assert mass_retirement("users.csv", 4, 10, 0.3) == Problem(
        ("users.csv",),
        "would retire 4 of the 10 records held (40%), more than the 30% allowed; "
        "confirm with allow_mass_retire if this is intended",
    )
    # 162 of 170 demo users: 95%.
    refused = mass_retirement("users.csv", 162, 170, 0.3)
    assert refused is not None
    assert refused.msg.startswith("would retire 162 of the 170 records held (95%),")


def test_a_small_roster_is_never_refused() -> None:
    # 9 records held: below the minimum, even all of them retired is not refused.
    assert mass_retirement("classes.csv", 9, 9, 0.3) is None
    assert mass_retirement("classes.csv", 0, 0, 0.3) is None
