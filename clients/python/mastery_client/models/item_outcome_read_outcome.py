from typing import Literal

ItemOutcomeReadOutcome = Literal["created", "unchanged", "updated"]

ITEM_OUTCOME_READ_OUTCOME_VALUES: set[ItemOutcomeReadOutcome] = {
    "created",
    "unchanged",
    "updated",
}


def check_item_outcome_read_outcome(value: str) -> ItemOutcomeReadOutcome:
    if value in ITEM_OUTCOME_READ_OUTCOME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ITEM_OUTCOME_READ_OUTCOME_VALUES!r}"
    )
