"""What a gradebook result counts for: one piece of evidence per competency it reaches, with
its score put on the line item's range (or the competency's own scale), observed at its date.

- Each per-objective score (`learningObjectiveResults`) whose objective is a competency is one
  piece of evidence (an objective listed without a score of its own takes the overall score);
  a result that lists no objectives gives its overall score to every competency its line item
  is aligned to.
- Only an active result on an active line item counts (a result sent again that stops counting
  has its earlier evidence voided). Its `scoreStatus` (OneRoster 1.2's ScoreStatusEnum) is read
  as a mark: `fully graded` is a plain score, `not submitted` is missing work, `exempt` is
  excused, `partially graded` and `submitted` are pending (incomplete); a marked result needs
  no score.
- Objectives that are not competencies (or whose competency is retired) are reported with the
  result, never an error: a vendor aligns to whatever its item bank names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from app.domain.categories import Mark
from app.domain.errors import Location, Problem, ProblemList
from app.domain.gradebook import Ignored, LineItem, Report, Result, ScoreStatus
from app.domain.roster import RecordStatus
from app.domain.scales import format_number

# Evidence made from gradebook results carries this source and the result's sourcedId: the
# evidence key (source, source_id, competency_id) then names the result and the objective.
SOURCE = "oneroster"
# An assessment result's evidence: its own source, as assessment results are a namespace of
# sourcedIds of their own (a result and an assessment result may share one).
ASSESSMENT_SOURCE = "oneroster-assessment"

NOT_A_COMPETENCY = "not a competency of this district"
RETIRED = "the competency is retired and takes no new evidence"
NO_SCORE = "no numeric score"


@dataclass(frozen=True)
class EvidenceDraft:
    """One piece of evidence to record: the score on its range, and where in the result the
    score came from (to locate problems found when it is recorded)."""

    competency_id: str
    score: float | None
    max_score: float | None
    loc: Location
    mark: Mark | None = None


@dataclass(frozen=True)
class Derived:
    drafts: tuple[EvidenceDraft, ...]
    observed_at: datetime
    report: Report


def observed_at(result: Result, received_at: datetime) -> datetime:
    """When the result was observed: its scoreDate; a date alone is noon UTC of that date, or
    the time it was received when that is earlier (a morning sync of today's grades is not
    from the future)."""
    if result.date_only:
        return min(result.score_date, received_at)
    return result.score_date


def counts_differently(before: LineItem, after: LineItem) -> bool:
    """Whether a change of a line item changes what its results count for (their evidence is
    then derived again): its score range, its alignment, its status or its category."""
    return (before.score_range, before.aligned, before.status, before.category_id) != (
        after.score_range,
        after.aligned,
        after.status,
        after.category_id,
    )


# Where a problem of the evidence a result made lies in the result, by the evidence's field.
_RESULT_FIELDS: dict[str, Location] = {
    "observed_at": ("scoreDate",),
    "student_id": ("student",),
    "source_id": ("sourcedId",),
}


def problem_in_result(problem: Problem, draft: EvidenceDraft, where: Location) -> Problem:
    """A problem found recording a draft's evidence (located ("items", index, field)), told in
    the result's words: at `where` (the result in the request), then the result's own field
    that made the evidence's (the score the draft came from by default)."""
    field = str(problem.loc[2]) if len(problem.loc) > 2 else ""
    loc = _RESULT_FIELDS.get(field, draft.loc)
    # A score without a range is on the competency's scale: the evidence's words are not the
    # vendor's.
    msg = problem.msg.replace("without a max_score", "on the competency's scale (no range)")
    return Problem((*where, *loc), msg)


def not_counted(result: Result, line_item: LineItem) -> str | None:
    """Why a result counts for nothing, if it does not count."""
    if result.status is RecordStatus.TOBEDELETED:
        return "the result is deleted"
    if line_item.status is RecordStatus.TOBEDELETED:
        return f"its line item {line_item.id!r} is deleted"
    return None


# How OneRoster 1.2's scoreStatus reads as a mark (fully graded: a plain score, no mark).
MARK_OF_STATUS: dict[ScoreStatus, Mark | None] = {
    ScoreStatus.FULLY_GRADED: None,
    ScoreStatus.NOT_SUBMITTED: Mark.MISSING,
    ScoreStatus.EXEMPT: Mark.EXEMPT,
    ScoreStatus.PARTIALLY_GRADED: Mark.INCOMPLETE,
    ScoreStatus.SUBMITTED: Mark.INCOMPLETE,
}


def on_range(
    score: float, line_item: LineItem, loc: Location, problems: ProblemList
) -> tuple[float, float | None] | None:
    """(score, max_score) of the evidence: on the line item's range shifted to start at 0, so
    that resultValueMin..resultValueMax maps onto 0..highest of the scale; without a range the
    score is on the competency's scale as it is. Below the minimum or above the maximum is a
    mistake: normalising would cap extra credit at the top level without a word, as it did
    (issue 12, finding 5; docs/decisions/0030-one-pass-validation.md)."""
    span = line_item.score_range
    if span is None:
        return score, None
    low, high = span
    if score < low:
        problems.add(
            loc,
            f"{format_number(score)} is below the line item's resultValueMin {format_number(low)}",
        )
        return None
    if score > high:
        problems.add(
            loc,
            f"{format_number(score)} is above the line item's resultValueMax {format_number(high)}",
        )
        return None
    return score - low, high - low


def derive_evidence(
    result: Result,
    line_item: LineItem,
    competencies: Mapping[str, bool],
    *,
    received_at: datetime,
) -> Derived:
    """The evidence a result makes. `competencies`: the competencies among the objectives named,
    each with whether it takes new evidence (not retired). Raises Invalid (located under
    "result") for scores that cannot be put on the line item's range."""
    problems = ProblemList()
    reason = not_counted(result, line_item)
    scored = result.objective_scores
    if scored:
        # An objective named without a score of its own takes the result's overall score.
        candidates = [
            ((*loc, "score"), s.objective_id, s.score)
            if s.score is not None
            else (("score",), s.objective_id, result.score)
            for loc, s in scored
        ]
    else:
        candidates = [(("score",), oid, result.score) for oid in line_item.aligned]
    drafts: list[EvidenceDraft] = []
    ignored: list[Ignored] = []
    mark = MARK_OF_STATUS[result.score_status]
    for loc, objective_id, score in candidates:
        active = competencies.get(objective_id)
        if active is None:
            ignored.append(Ignored(objective_id, NOT_A_COMPETENCY))
        elif not active:
            ignored.append(Ignored(objective_id, RETIRED))
        elif reason is not None:
            continue
        elif score is None and mark is None:
            ignored.append(Ignored(objective_id, NO_SCORE))
        elif score is None:
            drafts.append(EvidenceDraft(objective_id, None, None, loc, mark))
        else:
            placed = on_range(score, line_item, ("result", *loc), problems)
            if placed is not None:
                drafts.append(EvidenceDraft(objective_id, placed[0], placed[1], loc, mark))
    if not candidates and reason is None:
        reason = "neither the result nor its line item names a learning objective"
    problems.raise_if_any("The result's scores do not fit its line item")
    report = Report(tuple(d.competency_id for d in drafts), tuple(ignored), reason)
    return Derived(tuple(drafts), observed_at(result, received_at), report)
