"""How much of a district's roster one bulk import may retire before it must be confirmed.

A bulk file retires every stored record it does not list. A set exported from the wrong school,
a truncated file or a test set (one retired 162 demo users) would retire most of a district in
one go; past a share of a kind of record, the import is refused unless the operator confirms
it (`--allow-mass-retire`, REST `allow_mass_retire=true`)."""

from __future__ import annotations

from app.domain.errors import Problem

DEFAULT_MAX_RETIRE_SHARE = 0.3
# Below this many records held, a share says little (retiring 2 of 5 is routine): no refusal.
MIN_RECORDS_HELD = 10


def mass_retirement(file_name: str, retired: int, held: int, max_share: float) -> Problem | None:
    """The refusal when an import would retire more than `max_share` of the `held` active
    records of one kind (those the file kept, changed or retired), else None."""
    if held < MIN_RECORDS_HELD or retired <= max_share * held:
        return None
    return Problem(
        (file_name,),
        f"would retire {retired} of the {held} records held ({retired / held:.0%}), more than "
        f"the {max_share:.0%} allowed; confirm with allow_mass_retire if this is intended",
    )
