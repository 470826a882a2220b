"""Test helpers: evidence and policies in a line, and hypothesis strategies for them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from app.domain.evidence import Evidence, EvidenceKind
from app.domain.frameworks import (
    DEFAULT_SCALE,
    Calculation,
    CalculationMethod,
    Level,
    MasteryPolicy,
    ModeTie,
    Scale,
)

START = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)


def day(n: float) -> datetime:
    """A moment n days after the start of the school year."""
    return START + timedelta(days=n)


def evidence(
    score: float,
    when: float = 0,
    *,
    seq: int = 0,
    max_score: float | None = None,
    kind: EvidenceKind = EvidenceKind.SUMMATIVE,
    voided: bool = False,
    competency_id: str = "c1",
    student_id: str = "s1",
    ident: str | None = None,
) -> Evidence:
    """One result observed on day `when`."""
    ident = ident or f"e{seq}-{when}-{score}"
    return Evidence(
        id=ident,
        student_id=student_id,
        competency_id=competency_id,
        score=score,
        max_score=max_score,
        observed_at=day(when),
        source="lms",
        source_id=ident,
        kind=kind,
        seq=seq,
        voided_at=day(when + 1) if voided else None,
    )


def series_evidence(scores: list[float], **kwargs: object) -> list[Evidence]:
    """One result a day, in order, arrival order matching."""
    return [evidence(s, i, seq=i, **kwargs) for i, s in enumerate(scores)]


def policy(
    method: str,
    *,
    weight: float | None = None,
    n: int | None = None,
    tie: ModeTie | None = None,
    scale: Scale = DEFAULT_SCALE,
    min_evidence: int = 1,
    include_formative: bool = False,
) -> MasteryPolicy:
    """A policy with this method, on the default scale unless told."""
    calculation = Calculation(CalculationMethod(method), weight, n, tie)
    return MasteryPolicy(scale, calculation, min_evidence, include_formative)


@st.composite
def scales(draw: st.DrawFn) -> Scale:
    """Scales of 1 to 5 levels with values in [0, 6] (halves too) and a 2-decimal threshold."""
    values = draw(st.lists(st.integers(0, 12), min_size=1, max_size=5, unique=True))
    values = sorted(v / 2 for v in values)
    if values[-1] == 0:
        values.append(1.0)
    threshold = draw(st.integers(round(values[0] * 100), round(values[-1] * 100))) / 100
    return Scale(tuple(Level(v, f"L{v:g}") for v in values), threshold)


@st.composite
def calculations(draw: st.DrawFn) -> Calculation:
    """Any method with random valid parameters."""
    method = draw(st.sampled_from(list(CalculationMethod)))
    weight = n = tie = None
    if method in (CalculationMethod.STANDARD_DECAYING_AVERAGE, CalculationMethod.DECAYING_AVERAGE):
        # Whole percents (Canvas's factors) and any other weight (w and 1 - w).
        percents = st.integers(1, 99).map(lambda p: p / 100)
        weight = draw(st.sampled_from([0.65, 0.5, 0.1, 0.9]) | percents | st.floats(0.01, 0.99))
    if method in (CalculationMethod.N_MASTERY, CalculationMethod.MOST_RECENT_AVERAGE):
        n = draw(st.integers(1, 5))
    if method is CalculationMethod.MODE:
        n = draw(st.none() | st.integers(1, 5))
        tie = draw(st.sampled_from(list(ModeTie)))
    return Calculation(method, weight, n, tie)


@st.composite
def policies(draw: st.DrawFn, scale: Scale | None = None) -> MasteryPolicy:
    """Random policies: scale, calculation, min_evidence 1..4, formative or not."""
    return MasteryPolicy(
        scale or draw(scales()),
        draw(calculations()),
        draw(st.integers(1, 4)),
        draw(st.booleans()),
    )


def scores_on(
    scale: Scale, *, max_size: int = 12, min_size: int = 0
) -> st.SearchStrategy[list[float]]:
    """Normalised scores in [0, highest]: grid values (ties, thresholds) and arbitrary floats."""
    grid = st.integers(0, round(scale.highest * 100)).map(lambda k: k / 100)
    anywhere = st.floats(0, scale.highest, allow_nan=False)
    return st.lists(
        grid | anywhere | st.sampled_from(scale.values), min_size=min_size, max_size=max_size
    )


@st.composite
def histories(draw: st.DrawFn) -> tuple[MasteryPolicy, list[Evidence]]:
    """A policy and a history: distinct observed_at, some formative, voided or out of scale."""
    chosen = draw(policies())
    highest = chosen.scale.highest
    n = draw(st.integers(0, 14))
    days = draw(st.lists(st.integers(0, 400), min_size=n, max_size=n, unique=True))
    out = []
    for seq, when in enumerate(days):
        with_max = draw(st.booleans())
        score = draw(st.integers(0, 120)) / 10 if with_max else draw(st.floats(0, highest))
        out.append(
            evidence(
                score,
                when,
                seq=seq,
                max_score=10 if with_max else None,
                kind=draw(st.sampled_from(list(EvidenceKind))),
                voided=draw(st.integers(0, 9)) == 0,
                ident=f"e{seq}",
            )
        )
    return chosen, out
