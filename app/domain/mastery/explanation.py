"""Explanations: every result behind a decision, and one sentence a student and parent can read."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.categories import Mark
from app.domain.crosswalk import crosswalk_sentence
from app.domain.evidence import (
    CROSSWALK_SOURCE,
    Evidence,
    EvidenceKind,
    NotCounted,
    counted_score,
    not_counted_because,
)
from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    MasteryPolicy,
    RollupKind,
    RollupScore,
)
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, decide, round_score
from app.domain.mastery.fits import Fit, Trend, best_fit
from app.domain.mastery.methods import score_series
from app.domain.mastery.override import Override, ShownDecision
from app.domain.mastery.weighting import MEAN_METHODS, score_of, weights_of
from app.domain.scales import Scale, format_number

M = CalculationMethod

# How many recent results the sentence looks at ("3 of the last 4 results ..."), unless the
# method has its own window (most_recent_average's n).
RECENT_RESULTS = 4

_NOUNS = {
    M.LATEST: "latest score",
    M.HIGHEST: "highest score",
    M.AVERAGE: "average",
    M.MEDIAN: "median",
    M.DECAYING_AVERAGE: "decaying average",
    M.STANDARD_DECAYING_AVERAGE: "standard decaying average",
    M.POWER_LAW: "power-law trend",
}

_STATUS_WORDS = {
    MasteryStatus.NO_EVIDENCE: "without counted results",
    MasteryStatus.INSUFFICIENT_EVIDENCE: "not decided yet (too few results)",
    MasteryStatus.NOT_YET: "not yet mastered",
    MasteryStatus.MASTERED: "mastered",
}

_NOT_COUNTED_WORDS = {
    NotCounted.VOIDED: "voided",
    NotCounted.EXEMPT: "exempt",
    NotCounted.INCOMPLETE: "incomplete",
    NotCounted.FORMATIVE: "formative",
    NotCounted.CATEGORY_NOT_COUNTED: "in a category that does not count",
    NotCounted.UNCATEGORISED: "without a category",
    NotCounted.HABITS_OF_WORK: "habits of work",
    NotCounted.ACADEMIC: "academic",
    NotCounted.AFTER_AS_OF: "observed later",
}


@dataclass(frozen=True)
class EvidenceLine:
    """One result as the explanation shows it; `weight` (its share of the score, category and
    own weight included) only for weighted-sum methods; a missing mark's `normalized_score` is
    the level it counts as."""

    id: str
    score: float
    max_score: float | None
    normalized_score: float
    observed_at: datetime
    kind: EvidenceKind
    counted: bool
    not_counted_because: NotCounted | None
    weight: float | None
    category: str | None = None
    mark: Mark | None = None
    crosswalk: str | None = None  # where a result carried from another framework comes from

    def as_dict(self) -> dict[str, object]:
        """JSON as the REST explanation lists it."""
        return {
            "id": self.id,
            "score": self.score,
            "max_score": self.max_score,
            "normalized_score": self.normalized_score,
            "observed_at": self.observed_at.isoformat(),
            "kind": self.kind.value,
            "counted": self.counted,
            "not_counted_because": self.not_counted_because,
            "weight": self.weight,
            "category": self.category,
            "mark": self.mark.value if self.mark else None,
            "crosswalk": self.crosswalk,
        }


@dataclass(frozen=True)
class ChildLine:
    """A child's decision, for a decision rolled up from its children."""

    competency_id: str
    code: str
    status: MasteryStatus
    score: float | None
    # The teacher's override the parent counted, when one was in force on the child.
    override: Override | None = None

    def as_dict(self) -> dict[str, object]:
        """JSON: {"competency_id", "code", "status", "score", "overridden"}."""
        return {
            "competency_id": self.competency_id,
            "code": self.code,
            "status": self.status.value,
            "score": self.score,
            "overridden": self.override is not None,
        }


@dataclass(frozen=True)
class Explanation:
    """The summary sentence, every evidence row, and the children of a rolled-up decision."""

    summary: str
    evidence: tuple[EvidenceLine, ...]
    unrounded_score: float | None
    children: tuple[ChildLine, ...] = ()
    # The habits-of-work decision, decided apart from the academic one from the same results
    # (None when the framework has no counted habits-of-work category).
    habits_of_work: ComputedDecision | None = None

    def as_dict(self) -> dict[str, object]:
        """JSON: {"summary", "evidence": [...], "children": [...], "habits_of_work"}."""
        habits = self.habits_of_work
        return {
            "summary": self.summary,
            "evidence": [line.as_dict() for line in self.evidence],
            "children": [child.as_dict() for child in self.children],
            "habits_of_work": None
            if habits is None
            else {
                "status": habits.status.value,
                "score": habits.score,
                "level": habits.level.as_dict() if habits.level else None,
                "evidence_count": habits.evidence_count,
            },
        }


def explain(
    policy: MasteryPolicy,
    evidences: Iterable[Evidence],
    computed: ComputedDecision,
    *,
    as_of: datetime | None = None,
    shown: ShownDecision | None = None,
    children: Sequence[tuple[Competency, ShownDecision | None]] = (),
) -> Explanation:
    """Explain a decision from its evidence (counted or not) and, if rolled up, its children.

    `computed` is the engine's decision for this evidence and `as_of`; `shown` the decision
    as shown, when an override may be in force; `children` the active children with their
    shown decisions (`rollup.children_with_decisions`), for a rolled-up decision.
    """
    history = list(evidences)
    rows = sorted(history, key=lambda e: e.order_key)
    reasons = [not_counted_because(e, policy, as_of) for e in rows]
    counted = [e for e, why in zip(rows, reasons, strict=True) if not why]
    xs = [counted_score(e, policy) for e in counted]
    rolled_up = computed.rolled_up
    unrounded = None if rolled_up else score_of(policy, counted)
    ws = None if rolled_up or unrounded is None else weights_of(policy, counted)
    lines: list[EvidenceLine] = []
    counted_index = 0
    for e, why in zip(rows, reasons, strict=True):
        weight = None
        if why is None:
            weight = ws[counted_index] if ws is not None else None
            counted_index += 1
        lines.append(
            EvidenceLine(
                e.id,
                e.score,
                e.max_score,
                counted_score(e, policy),
                e.observed_at,
                e.kind,
                why is None,
                why,
                weight,
                e.category,
                e.mark,
                e.comment if e.source == CROSSWALK_SOURCE else None,
            )
        )
    child_lines = tuple(
        ChildLine(c.id, c.code, d.status, d.score, d.override)
        if d
        else ChildLine(c.id, c.code, MasteryStatus.NO_EVIDENCE, None)
        for c, d in children
    )
    if shown is not None and shown.overridden:
        summary = _override_sentence(shown)
    elif rolled_up:
        summary = _rollup_sentence(computed, child_lines)
    else:
        summary = _evidence_sentence(policy, computed, xs, [w for w in reasons if w])
        summary += crosswalk_sentence(counted)
    habits = None
    if not rolled_up and any(c.habits_of_work and c.counted for c in policy.categories):
        habits = decide(policy.for_habits_of_work(), history, as_of)
        if habits.score is not None:
            summary = f"{summary} Habits of work, decided apart: {_score(habits)}."
    return Explanation(summary, tuple(lines), unrounded, child_lines, habits)


def _evidence_sentence(
    policy: MasteryPolicy,
    decision: ComputedDecision,
    xs: Sequence[float],
    reasons: Sequence[NotCounted],
) -> str:
    scale = policy.scale
    if decision.status is MasteryStatus.NO_EVIDENCE:
        if not reasons:
            return "There are no results for this yet."
        parts = [
            f"{sum(1 for r in reasons if r is why)} {words}"
            for why, words in _NOT_COUNTED_WORDS.items()
            if why in reasons
        ]
        return f"No results count yet ({', '.join(parts)})."
    # n_mastery short of n is insufficient too; its own sentence below says what is missing.
    if decision.status is MasteryStatus.INSUFFICIENT_EVIDENCE and len(xs) < policy.min_evidence:
        needed = f"{len(xs)} of the {policy.min_evidence} results needed"
        if decision.score is None:
            return f"There are {needed} so far."
        return f"There are {needed} so far; the {_noun(policy, xs)} so far is {_score(decision)}."
    calculation = policy.calculation
    threshold = scale.mastery_threshold
    if calculation.method is M.N_MASTERY:
        met = sum(1 for x in xs if x >= threshold)
        head = (
            f"{met} of the {_results(len(xs))} {_was(met)} at or above {scale.threshold_name}, "
            f"and {calculation.n} {'is' if calculation.n == 1 else 'are'} needed"
        )
        if decision.score is None:
            return f"{head}."
        return f"{head}; their average is {_score(decision)}{_weighted_by(policy)}."
    own_window = calculation.method in (M.MOST_RECENT_AVERAGE, M.MODE) and calculation.n
    window = calculation.n if own_window else RECENT_RESULTS
    assert window is not None
    recent = xs[-window:]
    met = sum(1 for x in recent if x >= threshold)
    if len(xs) == 1:
        side = "at or above" if met else "below"
        head = f"The only result was {side} {scale.threshold_name}"
    else:
        last = "last " if len(recent) < len(xs) else ""
        head = f"{met} of the {last}{_results(len(recent))} {_was(met)} at or above"
        head = f"{head} {scale.threshold_name}"
    assert decision.score is not None  # every method but n_mastery scores a non-empty series
    if calculation.method is M.MODE:
        level = scale.level_for(decision.score)
        label = level.label if level else f"below {scale.levels[0].label}"
        return f"{head}; the most frequent level is {label}, {_compared(decision.score, scale)}."
    if calculation.method in (M.MOST_RECENT_AVERAGE, M.BEST_FIT, M.MAX_OF_AVERAGE_AND_POWER_LAW):
        # "the average of the last 3 results of 3.00" reads badly; name the value apart.
        what = f"the {_noun(policy, xs)} is {_score(decision)}, "
    else:
        what = f"the {_noun(policy, xs)} of {_score(decision)} is "
    return f"{head}; {what}{_compared(decision.score, scale)}{_weighted_by(policy)}."


def _weighted_by(policy: MasteryPolicy) -> str:
    """How the categories weigh a mean: " (weighted by category: practice 20, summative 80)"."""
    if policy.calculation.method not in MEAN_METHODS or not policy.categories:
        return ""
    deciding = [
        f"{c.name} {format_number(c.weight)}"
        for c in policy.categories
        if c.counted and c.habits_of_work == policy.habits_of_work
    ]
    return f" (weighted by category: {', '.join(deciding)})"


def _rollup_sentence(decision: ComputedDecision, children: Sequence[ChildLine]) -> str:
    total = len(children)
    parts = f"{total} part" if total == 1 else f"{total} parts"
    if decision.status is MasteryStatus.NO_EVIDENCE:
        return f"None of its {parts} has a counted result yet."
    rule = decision.rollup
    assert rule is not None
    mastered = sum(1 for c in children if c.status is MasteryStatus.MASTERED)
    needed = rule.needed(total)
    if rule.rule is RollupKind.ALL:
        need = "all are needed" if total > 1 else "it is needed"
    elif rule.rule is RollupKind.PERCENT:
        share = format_number(rule.percent or 0)
        need = f"{share}% ({needed}) {'is' if needed == 1 else 'are'} needed"
    else:
        need = f"{needed} {'is' if needed == 1 else 'are'} needed"
    head = f"{mastered} of its {parts} {'is' if mastered == 1 else 'are'} mastered and {need}"
    if decision.score is not None:
        head = f"{head}; {_ROLLUP_NOUNS[rule.score or RollupScore.MEAN]} is {_score(decision)}"
    judged = [_counted_as(c) for c in children if c.override is not None]
    return f"{head}." + "".join(f" {sentence}." for sentence in judged)


_ROLLUP_NOUNS = {
    RollupScore.MEAN: "the average of their scores",
    RollupScore.LOWEST: "the lowest of their scores",
    RollupScore.WEIGHTED: "the weighted average of their scores",
    RollupScore.HIGHEST: "the highest of their scores",
}


def _counted_as(child: ChildLine) -> str:
    """ "4.OA.1 counted as Mastered by ms-x's override": a teacher's judgement the parent used."""
    override = child.override
    assert override is not None
    what = override.level.label if override.level is not None else _STATUS_WORDS[child.status]
    return f"{child.code} counted as {what} by {override.set_by}'s override"


def _override_sentence(shown: ShownDecision) -> str:
    override = shown.override
    assert override is not None
    until = f" until {override.expires_at.date().isoformat()}" if override.expires_at else ""
    if override.level is not None:
        what = f"set this to {override.level.label} ({_STATUS_WORDS[shown.status]})"
    else:
        what = f"marked this {_STATUS_WORDS[shown.status]}"
    computed = shown.computed
    alone = f"from the results alone it is {_STATUS_WORDS[computed.status]}"
    if computed.score is not None:
        alone = f"{alone}, with a score of {_score(computed)}"
    return f"A teacher {what}{until}; {alone}."


def _noun(policy: MasteryPolicy, xs: Sequence[float]) -> str:
    calculation = policy.calculation
    if calculation.method is M.MOST_RECENT_AVERAGE:
        return f"average of the last {_results(calculation.n or 1)}"
    if calculation.method is M.N_MASTERY:
        return "average of the results at or above the threshold"
    if calculation.method is M.MODE:
        last = f" of the last {_results(calculation.n)}" if calculation.n else ""
        return f"most frequent level{last}"
    if calculation.method is M.BEST_FIT:
        return f"best-fitting trend ({_fit_words(best_fit(xs))})"
    if calculation.method is M.MAX_OF_AVERAGE_AND_POWER_LAW:
        average = score_series(Calculation(M.AVERAGE), xs, policy.scale)
        power = score_series(Calculation(M.POWER_LAW), xs, policy.scale)
        assert average is not None
        assert power is not None
        return (
            f"higher of the average ({round_score(average):.2f}) and the power-law "
            f"trend ({round_score(power):.2f})"
        )
    return _NOUNS[calculation.method]


def _fit_words(fit: Fit) -> str:
    """A fit's parameters in words (the fit is over the result's number k = 1, 2, ...)."""
    if fit.trend is Trend.AVERAGE:
        return "the average"
    if fit.trend is Trend.LINEAR:
        way = "rising" if fit.slope >= 0 else "falling"
        return f"a line {way} {abs(fit.slope):.2f} per result"
    return f"a power law {fit.intercept:.2f} x k^{fit.slope:.2f} at the k-th result"


def _compared(score: float, scale: Scale) -> str:
    t = scale.mastery_threshold
    side = "above" if score > t else "at" if score == t else "below"
    return f"{side} the threshold of {format_number(t)}"


def _score(decision: ComputedDecision) -> str:
    return f"{decision.score:.2f}"


def _results(n: int) -> str:
    return "1 result" if n == 1 else f"{n} results"


def _was(n: int) -> str:
    return "was" if n == 1 else "were"
