"""What the LTI pages' templates place: the use cases' results turned into words, numbers and
chart geometry. Status always comes as words and a shape (never colour alone); counts come
only as the reports published them (ranges, suppressed cells named as such)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app.api.pages.lti.charts import Bar, ProgressChart, bars, progress_chart
from app.domain.errors import Invalid, Problem
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.forecast import REASON_WORDS, Forecast
from app.domain.mastery.view import DecisionView
from app.domain.reporting import COUNT_STEP, Dimension, SummaryCell
from app.domain.roster import Org, User
from app.domain.scales import format_number
from app.use_cases.lti_pages import ClassView, SchoolView, StudentStanding

STATUS_WORDS = {
    MasteryStatus.MASTERED: "Mastered",
    MasteryStatus.NOT_YET: "Not yet mastered",
    MasteryStatus.INSUFFICIENT_EVIDENCE: "Not enough evidence yet",
    MasteryStatus.NO_EVIDENCE: "No evidence yet",
}

SUBGROUP_NAMES = {
    Dimension.SEX: "Sex",
    Dimension.RACE_ETHNICITY: "Race and ethnicity",
    Dimension.ENGLISH_LEARNER: "English learners",
    Dimension.SPECIAL_EDUCATION: "Special education",
    Dimension.ECONOMICALLY_DISADVANTAGED: "Economically disadvantaged",
}


def name(user: User) -> str:
    return f"{user.given_name} {user.family_name}"


@dataclass(frozen=True)
class Standing:
    """One decision in words: status (and its shape's key), level and band labels."""

    status: str
    words: str
    level: str
    band: str | None

    @classmethod
    def of(cls, view: DecisionView) -> Standing:
        shown = view.shown
        level = shown.level
        return cls(
            shown.status.value,
            STATUS_WORDS[shown.status],
            f"{format_number(level.value)} {level.label}" if level is not None else "—",
            view.band.label if view.band is not None else None,
        )


@dataclass(frozen=True)
class CompetencyRow:
    competency: Competency
    standing: Standing
    explanation: str
    next_score: str | None
    overridden: bool
    chart: ProgressChart | None
    evidence: list[tuple[str, str, bool]]  # (date, score, counted)


@dataclass(frozen=True)
class FrameworkPart:
    framework: Framework
    rows: list[CompetencyRow]
    ready: list[tuple[Competency, Standing]]


@dataclass(frozen=True)
class StudentPage:
    name: str
    student_id: str
    frameworks: list[FrameworkPart]


def student(standing: StudentStanding) -> StudentPage:
    parts = []
    for part in standing.frameworks:
        scale = part.framework.scale
        values = scale.values
        rows = []
        for row in part.rows:
            scores = [(e.observed_at, e.normalized_score) for e in row.evidence if e.counted]
            chart = progress_chart(scores, values[0], values[-1], scale.mastery_threshold)
            rows.append(
                CompetencyRow(
                    row.competency,
                    Standing.of(row.view),
                    row.explanation,
                    None
                    if row.view.next_score_to_master is None
                    else format_number(row.view.next_score_to_master),
                    row.view.shown.overridden,
                    chart,
                    [
                        (e.observed_at.date().isoformat(), format_number(e.score), e.counted)
                        for e in sorted(row.evidence, key=lambda e: e.observed_at)
                    ],
                )
            )
        ready = [(r.competency, Standing.of(r.decision)) for r in part.ready]
        parts.append(FrameworkPart(part.framework, rows, ready))
    return StudentPage(name(standing.student), standing.student.id, parts)


@dataclass(frozen=True)
class ClassPage:
    framework: Framework
    frameworks: list[Framework]
    competencies: tuple[Competency, ...]
    rows: list[tuple[User, list[Standing]]]
    not_yet: list[tuple[Competency, list[User]]]
    ready_groups: list[tuple[Competency | None, list[User]]]
    levels: list[tuple[str, str]]  # (value, "value label") of the scale, for an override
    # Not on track by the end of the term running today: the day in words, and per student and
    # competency the status and the forecast in words (none without a term).
    behind_by: str | None = None
    behind: tuple[tuple[User, Competency, str, str], ...] = ()


def day_words(day: date) -> str:
    """14 January 2027."""
    return f"{day.day} {day:%B %Y}"


def forecast_words(forecast: Forecast) -> str:
    """The forecast in words: the expected day and its interval, or why there is none."""
    if forecast.expected is None or forecast.earliest is None or forecast.latest is None:
        assert forecast.reason is not None
        return f"No date: {REASON_WORDS[forecast.reason]}"
    return (
        f"Expected {day_words(forecast.expected)} (between {day_words(forecast.earliest)} "
        f"and {day_words(forecast.latest)})"
    )


def class_page(shown: ClassView) -> ClassPage:
    grid = shown.grid
    columns = grid.competencies
    rows = [
        (s, [Standing.of(grid.decisions[(s.id, c.id)]) for c in columns]) for s in grid.students
    ]
    return ClassPage(
        grid.framework,
        shown.frameworks,
        columns,
        rows,
        [(c, shown.not_yet[c.id]) for c in columns],
        shown.ready_groups,
        [
            (format_number(v.value), f"{format_number(v.value)} {v.label}")
            for v in grid.framework.scale.levels
        ],
        day_words(shown.behind.by) if shown.behind is not None else None,
        tuple(
            (
                n.student,
                n.item.competency,
                STATUS_WORDS[n.item.status],
                forecast_words(n.item.forecast),
            )
            for n in (shown.behind.not_on_track if shown.behind is not None else [])
        ),
    )


def override_command(values: dict[str, str]) -> dict[str, Any]:
    """The override use case's arguments from the class page's form, every problem at once."""
    problems: list[Problem] = []
    for field in ("student", "competency"):
        if not values.get(field):
            problems.append(Problem((field,), "must be chosen"))
    level: float | None = None
    if values.get("level"):
        try:
            level = float(values["level"])
        except ValueError:
            problems.append(Problem(("level",), "must be a number"))
    expires_at: datetime | None = None
    if values.get("expires"):
        try:
            day = datetime.fromisoformat(values["expires"]).date()
        except ValueError:
            problems.append(Problem(("expires",), "must be a date (YYYY-MM-DD)"))
        else:
            # A date means through the end of that day (UTC).
            expires_at = datetime.combine(day, time(), UTC) + timedelta(days=1)
    if problems:
        raise Invalid("The override is invalid", problems)
    return {
        "student_id": values["student"],
        "competency_id": values["competency"],
        "level": level,
        "status": values.get("status") or None,
        "reason": values.get("reason", ""),
        "expires_at": expires_at,
    }


def problem_words(problem: Problem) -> str:
    return f"{'.'.join(map(str, problem.loc)) or 'form'}: {problem.msg}"


def override_done(view: DecisionView, student_id: str) -> str:
    standing = Standing.of(view)
    return f"Override saved for {student_id}: {standing.words}, level {standing.level}."


@dataclass(frozen=True)
class SchoolPage:
    orgs: list[Org]
    org: Org | None
    framework: Framework
    frameworks: list[Framework]
    subgroup: Dimension
    subgroup_name: str
    min_cell: int
    competency_bars: list[Bar]
    competency_height: int
    subgroup_bars: list[Bar]
    subgroup_height: int


def students_words(cell: SummaryCell) -> str:
    if cell.suppressed or cell.students is None:
        return "Not shown"
    if cell.students == 0:
        return "0"
    return f"{cell.students} to {cell.students + COUNT_STEP - 1}"


def percent_words(cell: SummaryCell) -> str:
    if cell.suppressed or cell.percent_range is None:
        return "Not shown (small group)"
    low, high = cell.percent_range
    return f"{low}%" if low == high else f"{low}% to {high}%"


def _group_label(framework: Framework, dimension: Dimension, value: object) -> str:
    if dimension is Dimension.COMPETENCY and isinstance(value, str) and value in framework:
        competency = framework.competency(value)
        return f"{competency.code} {competency.statement}"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value).replace("_", " ").capitalize() if value is not None else "Unknown"


def _labelled(
    framework: Framework, dimension: Dimension, cells: list[SummaryCell]
) -> list[tuple[str, SummaryCell]]:
    return [(_group_label(framework, dimension, c.key[0]), c) for c in cells]


def school_page(shown: SchoolView) -> SchoolPage:
    fw = shown.framework
    # Competencies in the framework's order, as the student and class pages list them.
    in_order = sorted(
        shown.by_competency.cells,
        key=lambda c: fw.rank(c.key[0]) if isinstance(c.key[0], str) and c.key[0] in fw else 0,
    )
    by_competency, height_c = bars(_labelled(fw, Dimension.COMPETENCY, in_order))
    by_subgroup, height_s = bars(_labelled(fw, shown.subgroup, shown.by_subgroup.cells))
    return SchoolPage(
        shown.orgs,
        shown.org,
        fw,
        shown.frameworks,
        shown.subgroup,
        SUBGROUP_NAMES[shown.subgroup],
        shown.by_competency.min_cell_size,
        by_competency,
        height_c,
        by_subgroup,
        height_s,
    )


def school_rows(shown: SchoolView) -> list[list[Any]]:
    """The school page's two tables as one CSV: published counts, suppressed cells empty."""
    rows: list[list[Any]] = [
        [
            "framework_id",
            "grouped_by",
            "group",
            "students",
            "percent_mastered_low",
            "percent_mastered_high",
            "suppressed",
        ]
    ]
    for dimension, summary in (
        (Dimension.COMPETENCY, shown.by_competency),
        (shown.subgroup, shown.by_subgroup),
    ):
        for cell in summary.cells:
            low, high = cell.percent_range or (None, None)
            rows.append(
                [
                    shown.framework.id,
                    dimension.value,
                    cell.key[0],
                    cell.students,
                    low,
                    high,
                    cell.suppressed,
                ]
            )
    return rows


def csv_disposition(framework_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", framework_id)[:80]
    return f'attachment; filename="mastery-{safe}.csv"'
