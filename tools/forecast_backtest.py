"""Back-test of the pacing forecasts (docs/forecast-backtest.md):
`python -m tools.forecast_backtest`.

Every history (one student, one competency) is cut after k counted results; where the decision
is not yet mastered at the cut, the forecast is made as of the cut's last result and compared
with the day the decision (the framework's own policy, through the domain's `decide`) actually
became mastered later in the history. Pure computation over the domain: no database, no clock.

Histories:
- the demo district's (app/use_cases/demo_evidence.py) as shipped: 3 results a standard;
- the demo's generator with 8 attempts a standard instead of 3 (same model, same seed);
- generated: a known start level and a known weekly rate per history, weekly results with
  jitter and noise, 24 weeks.
"""

from __future__ import annotations

import random
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from app.adapters.case.codec import CaseJsonCodec
from app.domain.case.importing import plan_import
from app.domain.evidence import Evidence
from app.domain.evidence_acceptance import EvidenceInput
from app.domain.frameworks import Framework, MasteryPolicy
from app.domain.mastery.decision import MasteryStatus, decide
from app.domain.mastery.forecast import competency_forecast
from app.domain.roster import User, UserRole
from app.use_cases import demo_evidence
from app.use_cases.demo import demo_roster
from app.use_cases.demo_framework import DEMO_PACKAGE

CUTS = (3, 5, 8, 12)
TERM_WEEKS = 8  # "on track by": this long after the cut
History = list[Evidence]


@dataclass
class Tally:
    """What the forecasts made at one cut came to."""

    forecasts: int = 0
    no_date: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    dated: int = 0
    dated_then_mastered: int = 0
    hits: int = 0
    errors: list[float] = field(default_factory=list)  # forecast - actual, days
    dated_never_mastered: int = 0  # a date before the history's end, and no mastery by then
    flagged: int = 0  # not on track by cut + TERM_WEEKS
    flagged_right: int = 0  # ... and indeed not mastered by then
    flagged_dated: int = 0  # ... flagged with a date after it (not for want of evidence)
    flagged_dated_right: int = 0
    behind: int = 0  # not mastered by cut + TERM_WEEKS (history long enough to tell)
    behind_flagged: int = 0


def demo_framework() -> Framework:
    package = CaseJsonCodec().read(DEMO_PACKAGE.read_bytes()).package
    assert package is not None, "the demo's CASE package reads"
    return plan_import(package, None, elsewhere={}).framework


def _evidence(items: Iterable[EvidenceInput]) -> dict[tuple[str, str], History]:
    histories: dict[tuple[str, str], History] = defaultdict(list)
    for n, i in enumerate(items):
        assert i.score is not None
        assert i.source is not None
        histories[(i.student_id, i.competency_id)].append(
            Evidence(
                id=str(n),
                student_id=i.student_id,
                competency_id=i.competency_id,
                score=i.score,
                max_score=i.max_score,
                observed_at=i.observed_at,
                source=i.source,
                source_id=i.source_id,
                seq=n,
            )
        )
    return histories


def demo_histories(framework: Framework, attempts: int) -> list[History]:
    students = [u for u in demo_roster() if isinstance(u, User) and u.role is UserRole.STUDENT]
    shipped = demo_evidence.ATTEMPTS
    demo_evidence.ATTEMPTS = attempts  # the generator reads it as it runs
    try:
        items = demo_evidence.demo_results(framework, students)
    finally:
        demo_evidence.ATTEMPTS = shipped
    return list(_evidence(items).values())


def generated_histories(count: int, seed: int = 16) -> list[History]:
    """Start level U(0.8, 2.6), true rate U(0, 0.2) scale points a week, results weekly ± 2
    days, noise N(0, 0.4), clamped to [0, 4]; 24 results each."""
    rng = random.Random(seed)
    start = datetime(2026, 8, 24, 14, tzinfo=UTC)
    items = []
    for h in range(count):
        level, rate = rng.uniform(0.8, 2.6), rng.uniform(0.0, 0.2)
        for week in range(24):
            when = start + timedelta(days=7 * week + rng.uniform(-2, 2))
            score = min(max(level + rate * week + rng.gauss(0, 0.4), 0.0), 4.0)
            items.append(
                EvidenceInput(
                    student_id=f"g{h}",
                    competency_id="c",
                    score=round(score, 2),
                    max_score=None,
                    observed_at=when,
                    source="generated",
                    source_id=f"g{h}-{week}",
                )
            )
    return list(_evidence(items).values())


def mastered_after(policy: MasteryPolicy, history: History) -> list[bool]:
    """Whether the decision is mastered after each result (oldest first)."""
    ordered = sorted(history, key=lambda e: e.order_key)
    return [
        decide(policy, ordered[: i + 1]).status is MasteryStatus.MASTERED
        for i in range(len(ordered))
    ]


def backtest(
    policy_of: dict[str, MasteryPolicy] | MasteryPolicy, histories: Sequence[History]
) -> dict[int, Tally]:
    tallies = {k: Tally() for k in CUTS}
    for history in histories:
        history = sorted(history, key=lambda e: e.order_key)
        policy = (
            policy_of
            if isinstance(policy_of, MasteryPolicy)
            else policy_of[history[0].competency_id]
        )
        mastered = mastered_after(policy, history)
        for k in CUTS:
            if k > len(history) or mastered[k - 1]:
                continue
            _score(tallies[k], policy, history, mastered, k)
    return tallies


def _score(
    tally: Tally, policy: MasteryPolicy, history: History, mastered: list[bool], k: int
) -> None:
    now = history[k - 1].observed_at
    end = history[-1].observed_at
    forecast = competency_forecast(policy, history[:k], now)
    tally.forecasts += 1
    actual = next((history[j].observed_at for j in range(k, len(history)) if mastered[j]), None)
    by = now + timedelta(weeks=TERM_WEEKS)
    if end >= by or (actual is not None and actual <= by):
        # Known whether mastered by `by`.
        behind = actual is None or actual > by
        flagged = not forecast.on_track(by.date())
        tally.behind += behind
        tally.behind_flagged += behind and flagged
        tally.flagged += flagged
        tally.flagged_right += flagged and behind
        dated_late = flagged and forecast.expected is not None
        tally.flagged_dated += dated_late
        tally.flagged_dated_right += dated_late and behind
    if forecast.expected is None:
        assert forecast.reason is not None
        tally.no_date[forecast.reason.value] += 1
        return
    tally.dated += 1
    if actual is None:
        tally.dated_never_mastered += forecast.expected <= end.date()
        return
    assert forecast.earliest is not None
    assert forecast.latest is not None
    tally.dated_then_mastered += 1
    tally.hits += forecast.earliest <= actual.date() <= forecast.latest
    tally.errors.append((forecast.expected - actual.date()).days)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


def report(title: str, histories: int, tallies: dict[int, Tally]) -> Iterator[str]:
    yield f"### {title} ({histories} histories)\n"
    yield (
        "| cut after | forecasts | no date | of which: <3 results / not rising / beyond 2 y"
        " | dated, mastered later | interval hit rate | median abs. error (days)"
        " | median error (days) | dated, not mastered by history end"
        " | 'not on track' flags right | of those with a date: right | behind flagged |"
    )
    yield "|---|---|---|---|---|---|---|---|---|---|---|---|"
    for k, t in tallies.items():
        no_date = sum(t.no_date.values())
        reasons = " / ".join(
            str(t.no_date.get(r, 0))
            for r in ("not_enough_results", "trend_not_rising", "beyond_horizon")
        )
        abs_err = f"{statistics.median(abs(e) for e in t.errors):.0f}" if t.errors else "-"
        err = f"{statistics.median(t.errors):+.0f}" if t.errors else "-"
        yield (
            f"| {k} results | {t.forecasts} | {_share(no_date, t.forecasts)} | {reasons}"
            f" | {t.dated_then_mastered} | {_share(t.hits, t.dated_then_mastered)}"
            f" | {abs_err} | {err} | {t.dated_never_mastered}"
            f" | {_share(t.flagged_right, t.flagged)}"
            f" ({t.flagged}) | {_share(t.flagged_dated_right, t.flagged_dated)} ({t.flagged_dated})"
            f" | {_share(t.behind_flagged, t.behind)} ({t.behind}) |"
        )
    yield ""


def main() -> None:
    framework = demo_framework()
    policies = {c.id: framework.policy_for(c.id) for c in framework.ordered}
    lines: list[str] = []
    for title, histories in (
        ("The demo district as shipped (3 results a standard)", demo_histories(framework, 3)),
        ("The demo's generator with 8 attempts a standard", demo_histories(framework, 8)),
    ):
        lines += report(title, len(histories), backtest(policies, histories))
    generated = generated_histories(3000)
    default = framework.policy_for(framework.ordered[-1].id)
    lines += report(
        "Generated: known start and rate, 24 weekly results", 3000, backtest(default, generated)
    )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
