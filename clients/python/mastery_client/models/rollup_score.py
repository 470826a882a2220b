from typing import Literal

RollupScore = Literal["highest", "lowest", "mean", "weighted"]

ROLLUP_SCORE_VALUES: set[RollupScore] = {
    "highest",
    "lowest",
    "mean",
    "weighted",
}


def check_rollup_score(value: str) -> RollupScore:
    if value in ROLLUP_SCORE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLLUP_SCORE_VALUES!r}")
