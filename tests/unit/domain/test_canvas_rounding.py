"""Scores round as Canvas rounds them: Ruby's `Float#round(2)` on the binary double.

Canvas rounds every rollup with `.round(PRECISION)`, PRECISION = 2 (app/models/rollup_score.rb),
and Ruby's Float#round with positive digits is numeric.c's `flo_round`: zero stays, too many
digits for the double (`float_round_overflow`) keeps it, too few (`float_round_underflow`)
gives 0, else `round_half_up(x, 100) / 100`, where round_half_up takes C's round(x * 100)
(halves away from zero) and adds one when `(f + 0.5) / 100 <= x` still holds in doubles.

The reference below is written from that published algorithm, not from app code: it does each
double operation on exact rationals and rounds to the nearest double explicitly (Fraction to
float is correctly rounded), and finds the binary exponent by comparing with powers of two.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.frameworks import Calculation, CalculationMethod, MasteryPolicy
from app.domain.mastery.decision import MasteryStatus, decide, round_score

from .builders import series_evidence

M = CalculationMethod


def _double(q: Fraction) -> float:
    """The double nearest q (CPython's int / int is correctly rounded)."""
    return q.numerator / q.denominator


def _binexp(x: float) -> int:
    """frexp's exponent: 2 ** (e - 1) <= |x| < 2 ** e."""
    e, v = 0, Fraction(abs(x))
    while Fraction(2) ** e <= v:
        e += 1
    while Fraction(2) ** (e - 1) > v:
        e -= 1
    return e


def _toward_zero(a: int, b: int) -> int:
    return math.trunc(Fraction(a, b))


def ruby_round_2(x: float) -> float:
    """Ruby's `x.round(2)` for x >= 0, operation by operation (numeric.c, flo_round)."""
    if x == 0:
        return x
    e, ndigits = _binexp(x), 2
    if ndigits >= 17 - (_toward_zero(e, 4) if e > 0 else _toward_zero(e, 3) - 1):
        return x
    if ndigits < -(_toward_zero(e, 3) + 1 if e > 0 else _toward_zero(e, 4)):
        return 0.0
    xs = Fraction(_double(Fraction(x) * 100))
    f = math.floor(xs + Fraction(1, 2))  # C round, x >= 0: half away from zero
    midpoint = _double(Fraction(_double(f + Fraction(1, 2))) / 100)
    if midpoint <= x:
        f += 1
    return _double(Fraction(f, 100))


@pytest.mark.parametrize(
    ("x", "rounded"),
    [
        # Canvas's own example: [1, 2, 3, 4, 5] at 65 is 4.125 (exact in binary); x·100 = 412.5
        # exactly, C's round gives 413: 4.13.
        (4.125, 4.13),
        # [2, 3, 3] weighted at 0.99: 0.99·3 + 0.01·2.5 is the double 2.994999999999999662...
        # x·100 = 299.49999999999994 rounds to 299; the midpoint 299.5 / 100 is the double
        # 2.995000000000000106... > x, so no correction: 2.99. (Decimal half up after cleaning to
        # 9 decimals gave 3.00.)
        (0.99 * 3 + 0.01 * 2.5, 2.99),
        # 2.675 is the double 2.674999999999999822...; x·100 rounds to exactly 267.5, C's round
        # gives 268: 2.68.
        (2.675, 2.68),
        # 1.005 is the double 1.004999999999999893... (so exact decimal half up gives 1.00);
        # x·100 = 100.49999999999999 rounds to 100, but the midpoint 100.5 / 100 is that same
        # double, <= x: corrected to 101, 1.01.
        (1.005, 1.01),
        # 0.285 is 0.284999999999999975...; x·100 = 28.499999999999996 rounds to 28; the
        # midpoint 28.5 / 100 is the double x itself: 0.29.
        (0.285, 0.29),
        # 0.0049·100 = 0.49 rounds to 0; 0.5 / 100 = 0.005 > x: 0.
        (0.0049, 0.0),
        # 1e-5 < 2 ** -12: frexp's exponent is -16 and -(-16 / 4) = 4 > 2, underflow: 0.
        (1e-5, 0.0),
        (0.0, 0.0),
        (3.0, 3.0),
        (2.994999, 2.99),  # 299.4999 rounds to 299; 2.995 > x
    ],
)
def test_hand_worked_values(x: float, rounded: float) -> None:
    assert round_score(x) == rounded
    assert ruby_round_2(x) == rounded


@given(
    st.floats(0, 1e7)
    | st.integers(0, 10**9).map(lambda k: k / 1000)
    | st.lists(st.integers(0, 400), min_size=1, max_size=12).map(lambda xs: sum(xs) / 100 / len(xs))
)
def test_rounding_is_rubys(x: float) -> None:
    assert round_score(x) == ruby_round_2(x)


def test_canvas_decides_with_the_rounded_double() -> None:
    # Canvas's decaying_average of [2, 3, 3] at weight 0.99 is 2.99: not mastered at 3.
    policy = MasteryPolicy(calculation=Calculation(M.DECAYING_AVERAGE, 0.99))
    decision = decide(policy, series_evidence([2, 3, 3]))
    assert (decision.status, decision.score) == (MasteryStatus.NOT_YET, 2.99)
