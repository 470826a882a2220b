"""Calculations: the methods that turn a series of scores into one score, and their
parameters. Split from frameworks.py (which re-exports them), as the methods grew Canvas's
names, mode's window and tie rule, and the fitted methods."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import ProblemList
from app.domain.scales import is_number

__all__ = [
    "DEFAULT_CALCULATION",
    "DEFAULT_N",
    "DEFAULT_WEIGHT",
    "DEPRECATED_METHOD_NAMES",
    "N_METHODS",
    "WEIGHT_METHODS",
    "Calculation",
    "CalculationMethod",
    "ModeTie",
]

# Canvas's default decaying weight; the table names it as the default.
DEFAULT_WEIGHT = 0.65
# Three results is the smallest window that is neither "the latest" nor "the average".
DEFAULT_N = 3


class CalculationMethod(StrEnum):
    """How a series of normalised scores becomes one score (see the issue's table).

    Canvas's names mean what they mean in Canvas's API: `decaying_average` weighs the latest
    result against the mean of the earlier ones, `standard_decaying_average` is the recursive
    (exponential) one. The old names are read through `DEPRECATED_METHOD_NAMES`."""

    LATEST = "latest"
    HIGHEST = "highest"
    AVERAGE = "average"
    MEDIAN = "median"
    MOST_RECENT_AVERAGE = "most_recent_average"
    DECAYING_AVERAGE = "decaying_average"
    STANDARD_DECAYING_AVERAGE = "standard_decaying_average"
    N_MASTERY = "n_mastery"
    POWER_LAW = "power_law"
    MODE = "mode"
    BEST_FIT = "best_fit"
    MAX_OF_AVERAGE_AND_POWER_LAW = "max_of_average_and_power_law"

    @classmethod
    def _missing_(cls, value: object) -> CalculationMethod | None:
        # A deprecated name is read as the method it names (REST, stored JSON, the CLI).
        canonical = DEPRECATED_METHOD_NAMES.get(value) if isinstance(value, str) else None
        return None if canonical is None else cls(canonical)


# Names accepted on input and answered with the canonical name: the weighted formula was
# `legacy_decaying_average` here before Canvas's name took over, and Canvas also calls it
# `weighted_average` (app/models/outcome_calculation_method.rb).
DEPRECATED_METHOD_NAMES = {
    "legacy_decaying_average": CalculationMethod.DECAYING_AVERAGE.value,
    "weighted_average": CalculationMethod.DECAYING_AVERAGE.value,
}

WEIGHT_METHODS = frozenset(
    {CalculationMethod.DECAYING_AVERAGE, CalculationMethod.STANDARD_DECAYING_AVERAGE}
)
N_METHODS = frozenset({CalculationMethod.N_MASTERY, CalculationMethod.MOST_RECENT_AVERAGE})


class ModeTie(StrEnum):
    """Which of equally frequent levels `mode` gives: the one seen last (what mode always did
    here), or the higher or lower (MasteryConnect and others take the higher)."""

    MOST_RECENT = "most_recent"
    HIGHEST = "highest"
    LOWEST = "lowest"


@dataclass(frozen=True)
class Calculation:
    """A calculation method with its parameters; missing parameters take their defaults."""

    method: CalculationMethod
    weight: float | None = None
    # The last n results (mode: all of them when None, Infinite Campus's "mode of last 3/5").
    n: int | None = None
    tie: ModeTie | None = None

    def __post_init__(self) -> None:
        problems = ProblemList()
        try:
            method = CalculationMethod(self.method)
        except ValueError:
            names = ", ".join(m.value for m in CalculationMethod)
            problems.add(("method",), f"must be one of {names}")
            method = None
        weight = _checked_weight(method, self.weight, problems)
        n = _checked_n(method, self.n, problems)
        tie = _checked_tie(method, self.tie, problems)
        problems.raise_if_any("The calculation is invalid")
        object.__setattr__(self, "method", method)
        object.__setattr__(self, "weight", float(weight) if weight is not None else None)
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "tie", tie)

    def as_dict(self) -> dict[str, str | float | int]:
        """JSON shape of a decision's method: {"name", "weight"?, "n"?, "tie"?}."""
        out: dict[str, str | float | int] = {"name": self.method.value}
        if self.weight is not None:
            out["weight"] = self.weight
        if self.n is not None:
            out["n"] = self.n
        if self.tie is not None:
            out["tie"] = self.tie.value
        return out


def _checked_weight(
    method: CalculationMethod | None, weight: float | None, problems: ProblemList
) -> float | None:
    if method in WEIGHT_METHODS:
        weight = DEFAULT_WEIGHT if weight is None else weight
        if not is_number(weight) or not 0 < weight < 1:
            problems.add(("weight",), "must be a number strictly between 0 and 1")
    elif weight is not None and method is not None:
        problems.add(("weight",), f"does not apply to {method.value}")
    return weight


def _checked_n(
    method: CalculationMethod | None, n: int | None, problems: ProblemList
) -> int | None:
    # mode takes n optionally (all results when left out); the others with n default to 3.
    if method in N_METHODS or (method is CalculationMethod.MODE and n is not None):
        n = DEFAULT_N if n is None else n
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            problems.add(("n",), "must be a whole number of at least 1")
    elif n is not None and method is not None:
        problems.add(("n",), f"does not apply to {method.value}")
    return n


def _checked_tie(
    method: CalculationMethod | None, tie: ModeTie | None, problems: ProblemList
) -> ModeTie | None:
    if method is CalculationMethod.MODE:
        try:
            return ModeTie.MOST_RECENT if tie is None else ModeTie(tie)
        except ValueError:
            problems.add(("tie",), "must be one of most_recent, highest, lowest")
    elif tie is not None and method is not None:
        problems.add(("tie",), f"does not apply to {method.value}")
    return None


# The recursive average, as before Canvas's names: a framework created without a calculation
# keeps computing what it always did (docs/decisions/0028-canvas-methods-and-rounding.md).
DEFAULT_CALCULATION = Calculation(CalculationMethod.STANDARD_DECAYING_AVERAGE)
