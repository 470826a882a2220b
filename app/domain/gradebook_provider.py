"""The service's own grades as a OneRoster 1.2 gradebook (the provider side, decision 0051):
for each class, each academic session it reports in and each framework its students hold
decisions in, one line item per standard and one for the course grade, the students' results
on them, their score scales and two categories. Everything is derived, never stored: the same
decisions always give the same records with the same sourcedIds.

- A standard has a line item in a class once a student of the class holds a decision on it
  (a framework spanning grades does not fill a class's gradebook with standards it does not
  teach); the course grade still weighs every standard, as the grade rules do elsewhere.
- A standard's result is the decision as shown (an override in force included): `score` is the
  level's value, `textScore` its name, on the framework's scale (the line item's scoreScale);
  a student without a level on it (no evidence yet) has no result.
- The course grade's result is the framework's grade rules applied to the student's standards
  (app.domain.grade_rules): `textScore` the grade, `comment` its reason, no numeric score.
  Only frameworks with grade rules have a course grade; only students with a standards result.
- sourcedIds: `<class>:<session>:<competency>` (a standard's line item),
  `<class>:<session>:<framework>:course` (the course grade's), `<line item>:<student>` (a
  result), `<class>:<framework>:levels` and `<class>:<framework>:grades` (score scales; a
  standard on a scale of its own has `<class>:<framework>:<competency>:levels`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from typing import TypeVar

from app.domain.frameworks import Competency, Framework
from app.domain.grade_rules.evaluation import Standing, grade, standards_of
from app.domain.grade_rules.language import GradeRules
from app.domain.gradebook import (
    DATE_ONLY_TIME,
    Category,
    LineItem,
    ObjectiveResults,
    ObjectiveScore,
    ObjectiveSet,
    Result,
    ScoreScale,
    ScoreScaleValue,
    ScoreStatus,
)
from app.domain.mastery.view import DecisionView
from app.domain.roster import AcademicSession, SchoolClass, SessionType
from app.domain.scales import Scale, format_number

_R = TypeVar("_R", Category, LineItem)

STANDARDS_CATEGORY = Category(id="standards-grades", title="Standards grades")
COURSE_CATEGORY = Category(id="course-grades", title="Course grades")
# CASE identifiers name the learning objectives (what a consumer of ours, or an LMS, aligns to).
CASE_SOURCE = "case"
# The sessions a class reports in: its terms and grading periods (the report-card windows).
REPORTING_SESSIONS = (SessionType.TERM, SessionType.GRADING_PERIOD)


def reporting_sessions(
    school_class: SchoolClass, sessions: Mapping[str, AcademicSession]
) -> list[AcademicSession]:
    """The class's terms and grading periods; a class with neither (only a school year or a
    semester) reports in every session it has, so that its grades still reach the SIS."""
    mine = [sessions[s] for s in school_class.session_ids if s in sessions]
    terms = [s for s in mine if s.type in REPORTING_SESSIONS]
    return sorted(terms or mine, key=lambda s: s.id)


@dataclass(frozen=True)
class FrameworkGrading:
    """A framework with its grade rules (None: it gives no course grade) and when they were
    written."""

    framework: Framework
    rules: GradeRules | None = None
    rules_at: datetime | None = None


@dataclass
class Gradebook:
    """What the provider serves (or one class's part of it)."""

    line_items: list[LineItem] = field(default_factory=list)
    # The academic session each line item is for (the binding's lineItem.academicSession).
    session_of: dict[str, str] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)
    score_scales: dict[str, ScoreScale] = field(default_factory=dict)

    @property
    def categories(self) -> list[Category]:
        """The categories line items are in, last modified as their latest item."""
        found = []
        for category in (STANDARDS_CATEGORY, COURSE_CATEGORY):
            times = [i.updated_at for i in self.line_items if i.category_id == category.id]
            if times:
                found.append(_at(category, max(t for t in times if t is not None)))
        return found


def _at(record: _R, moment: datetime) -> _R:
    return replace(record, updated_at=moment)


def _midnight(session: AcademicSession, end: bool = False) -> datetime:
    day = session.end_date if end else session.start_date
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _day(moment: datetime) -> datetime:
    """A result's scoreDate: the binding's is a date (the decision's day, noon UTC as a date
    sent by a vendor is)."""
    return datetime.combine(moment.astimezone(UTC).date(), DATE_ONLY_TIME)


def _latest(times: Sequence[datetime | None], fallback: datetime) -> datetime:
    known = [t for t in times if t is not None]
    return max(known) if known else fallback


def _level_values(scale: Scale) -> tuple[ScoreScaleValue, ...]:
    levels = sorted(scale.levels, key=lambda lv: lv.value)
    return tuple(ScoreScaleValue(lv.label, format_number(lv.value)) for lv in levels)


class _ClassTerm:
    """The records of one class in one session for one framework."""

    def __init__(
        self,
        out: Gradebook,
        school_class: SchoolClass,
        session: AcademicSession,
        grading: FrameworkGrading,
        identifier: Callable[[Competency], str],
    ) -> None:
        self.out, self.school_class, self.session = out, school_class, session
        self.grading, self.identifier = grading, identifier
        self.framework = grading.framework
        self.since = _latest([self.framework.updated_at], _midnight(session))

    def scale_id(self, competency: Competency) -> str:
        """The score scale of a standard's line item (added to the output once)."""
        framework, class_id = self.framework, self.school_class.id
        scale = framework.scale_for(competency.id)
        own = scale != framework.scale
        owner = f"{framework.id}:{competency.id}" if own else framework.id
        sid = f"{class_id}:{owner}:levels"
        if sid not in self.out.score_scales:
            title = f"{framework.title}: {competency.code}" if own else framework.title
            self.out.score_scales[sid] = ScoreScale(
                id=sid,
                title=f"{title} proficiency levels",
                type="proficiency",
                class_id=class_id,
                course_id=self.school_class.course_id,
                values=_level_values(scale),
                updated_at=self.since,
            )
        return sid

    def line_item(
        self,
        sid: str,
        title: str,
        category: Category,
        scale_id: str,
        objectives: tuple[ObjectiveSet, ...] = (),
    ) -> LineItem:
        item = LineItem(
            id=sid,
            title=title,
            class_id=self.school_class.id,
            school_id=self.school_class.school_id,
            category_id=category.id,
            score_scale_id=scale_id,
            assign_date=_midnight(self.session),
            due_date=_midnight(self.session, end=True),
            objective_sets=objectives,
        )
        self.out.session_of[sid] = self.session.id
        return item

    def derive(self, views: Mapping[str, Sequence[DecisionView]]) -> None:
        standards = standards_of(self.framework)
        by_student = {
            s: {v.competency_id: v for v in vs if v.framework_id == self.framework.id}
            for s, vs in views.items()
        }
        standings: dict[str, list[Standing]] = {s: [] for s in by_student}
        prefix = f"{self.school_class.id}:{self.session.id}"
        for competency in standards:
            item_id = f"{prefix}:{competency.id}"
            scale_id = self.scale_id(competency)
            identifier = self.identifier(competency)
            results = []
            for student_id in sorted(by_student):
                view = by_student[student_id].get(competency.id)
                shown = view.shown if view is not None else None
                level = shown.level if shown is not None else None
                standings[student_id].append(
                    Standing(
                        competency.id,
                        shown.status.value if shown is not None else "no_evidence",
                        level.value if level is not None else None,
                        shown.score if shown is not None else None,
                    )
                )
                if view is None or level is None:
                    continue
                moment = _latest([view.updated_at], self.since)
                results.append(
                    Result(
                        id=f"{item_id}:{student_id}",
                        line_item_id=item_id,
                        student_id=student_id,
                        score_status=ScoreStatus.FULLY_GRADED,
                        score_date=_day(moment),
                        date_only=True,
                        class_id=self.school_class.id,
                        score_scale_id=scale_id,
                        score=level.value,
                        text_score=level.label,
                        objective_results=(
                            ObjectiveResults(
                                CASE_SOURCE,
                                (ObjectiveScore(identifier, level.value, level.label),),
                            ),
                        ),
                        updated_at=moment,
                    )
                )
            if not any(competency.id in mine for mine in by_student.values()):
                continue  # not taught in this class yet: no line item for the SIS to show
            item = self.line_item(
                item_id,
                f"{competency.code} {competency.statement}".strip(),
                STANDARDS_CATEGORY,
                scale_id,
                (ObjectiveSet(CASE_SOURCE, (identifier,)),),
            )
            self.out.line_items.append(
                _at(item, _latest([r.updated_at for r in results], self.since))
            )
            self.out.results += results
        self.course_grades(by_student, standings)

    def course_grades(
        self,
        by_student: Mapping[str, Mapping[str, DecisionView]],
        standings: Mapping[str, list[Standing]],
    ) -> None:
        rules = self.grading.rules
        if rules is None:
            return
        class_id, framework = self.school_class.id, self.framework
        since = _latest([self.since, self.grading.rules_at], self.since)
        scale_id = f"{class_id}:{framework.id}:grades"
        values = [ScoreScaleValue(r.grade, r.text) for r in rules.rules]
        self.out.score_scales[scale_id] = ScoreScale(
            id=scale_id,
            title=f"{framework.title} course grades",
            type="letter grade",
            class_id=class_id,
            course_id=self.school_class.course_id,
            values=(*values, ScoreScaleValue(rules.default, "otherwise")),
            updated_at=since,
        )
        item_id = f"{class_id}:{self.session.id}:{framework.id}:course"
        results = []
        for student_id in sorted(standings):
            if not any(s.assessed for s in standings[student_id]):
                continue
            given = grade(rules, standings[student_id])
            moment = _latest([v.updated_at for v in by_student[student_id].values()], since)
            moment = max(moment, since)
            results.append(
                Result(
                    id=f"{item_id}:{student_id}",
                    line_item_id=item_id,
                    student_id=student_id,
                    score_status=ScoreStatus.FULLY_GRADED,
                    score_date=_day(moment),
                    date_only=True,
                    class_id=class_id,
                    score_scale_id=scale_id,
                    text_score=given.grade,
                    comment=given.reason,
                    updated_at=moment,
                )
            )
        item = self.line_item(item_id, f"{framework.title} course grade", COURSE_CATEGORY, scale_id)
        self.out.line_items.append(_at(item, _latest([r.updated_at for r in results], since)))
        self.out.results += results


def derive_class_term(
    out: Gradebook,
    school_class: SchoolClass,
    session: AcademicSession,
    grading: FrameworkGrading,
    views: Mapping[str, Sequence[DecisionView]],
    identifier: Callable[[Competency], str],
) -> None:
    """Add to `out` the records of a class in a session for a framework, from the decisions
    of its students (`views`: by student, any framework's; those of others are ignored)."""
    _ClassTerm(out, school_class, session, grading, identifier).derive(views)
