"""The roster: orgs, courses, classes, students and teachers, with their associations batched."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry

from app.api.graphql.context import GraphInfo, needs
from app.api.graphql.types.enums import MasteryStatus, OrgType, RaceEthnicity, Sex
from app.api.graphql.types.forecasts import Forecast
from app.api.graphql.types.frameworks import Competency
from app.api.graphql.types.mastery import Mastery, MasteryGrid, MasteryGridRow, habits_cell
from app.api.utc import aware
from app.domain import reporting
from app.domain import roster as r
from app.domain.access import Scope
from app.domain.mastery.habits import decides_habits


def copied(record: object, *names: str) -> dict[str, Any]:
    """The record's values for a type's plain fields of the same names (set when the object
    is made: a field without a resolver costs a fraction of one with)."""
    return {name: getattr(record, name) for name in names}


@strawberry.type
class Org:
    record: strawberry.Private[r.Org]
    id: strawberry.ID
    name: str
    type: OrgType
    identifier: str | None

    @classmethod
    def of(cls, record: r.Org) -> Org:
        return cls(record=record, **copied(record, "id", "name", "type", "identifier"))

    @strawberry.field
    async def parent(self, info: GraphInfo) -> Org | None:
        if self.record.parent_id is None:
            return None
        return org_of(await info.context.loaders.orgs.load(self.record.parent_id))


def org_of(record: r.RosterRecord | None) -> Org | None:
    return Org.of(record) if isinstance(record, r.Org) else None


@strawberry.type
class Course:
    record: strawberry.Private[r.Course]
    id: strawberry.ID
    title: str
    course_code: str | None
    grades: list[str]
    subjects: list[str]

    @classmethod
    def of(cls, record: r.Course) -> Course:
        names = ("id", "title", "course_code", "grades", "subjects")
        return cls(record=record, **copied(record, *names))

    @strawberry.field
    async def org(self, info: GraphInfo) -> Org | None:
        return org_of(await info.context.loaders.orgs.load(self.record.org_id))


@strawberry.type
class Demographics:
    sex: Sex | None
    birth_date: date | None
    race_ethnicity: RaceEthnicity
    hispanic_or_latino: bool | None
    races: list[RaceEthnicity]
    english_learner: bool | None
    special_education: bool | None
    economically_disadvantaged: bool | None

    @classmethod
    def of(cls, record: r.Demographics) -> Demographics:
        flags = ("hispanic_or_latino", "english_learner", "special_education")
        return cls(
            **copied(record, "sex", "birth_date", *flags, "economically_disadvantaged"),
            race_ethnicity=reporting.race_ethnicity(record),
            races=[reporting.RaceEthnicity(f) for f in r.RACE_FLAGS if getattr(record, f)],
        )


@strawberry.type
class Teacher:
    id: strawberry.ID
    given_name: str
    family_name: str
    email: str | None

    @classmethod
    def of(cls, record: r.User) -> Teacher:
        return cls(**copied(record, "id", "given_name", "family_name", "email"))


@strawberry.type
class Student:
    record: strawberry.Private[r.User]
    id: strawberry.ID
    given_name: str
    family_name: str
    middle_name: str | None
    identifier: str | None
    grades: list[str]

    @classmethod
    def of(cls, record: r.RosterRecord) -> Student:
        assert isinstance(record, r.User)
        names = ("id", "given_name", "family_name", "middle_name", "identifier", "grades")
        return cls(record=record, **copied(record, *names))

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ), metadata={"cost_size": 3})
    async def orgs(self, info: GraphInfo) -> list[Org]:
        found = await info.context.loaders.orgs.load_many(list(self.record.org_ids))
        return [o for o in map(org_of, found) if o is not None]

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ), metadata={"cost_size": 10})
    async def classes(self, info: GraphInfo) -> list[Class]:
        loaders = info.context.loaders
        ids = await loaders.classes_of_student.load(self.record.id)
        return [
            Class.of(c)
            for c in await loaders.classes.load_many(ids)
            if isinstance(c, r.SchoolClass)
        ]

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ))
    async def demographics(self, info: GraphInfo) -> Demographics | None:
        found = await info.context.loaders.demographics.load(self.record.id)
        return Demographics.of(found) if isinstance(found, r.Demographics) else None

    @strawberry.field(
        permission_classes=needs(Scope.MASTERY_READ),
        metadata={"cost_size": 200},
        description="With a framework, one decision per active competency (noEvidence where "
        "nothing is known); without, every stored decision. asOf decides from the evidence "
        "and overrides of that instant.",
    )
    async def mastery(
        self,
        info: GraphInfo,
        framework_id: strawberry.ID | None = None,
        status: MasteryStatus | None = None,
        as_of: datetime | None = None,
    ) -> list[Mastery]:
        moment = aware(as_of)
        key = (
            self.record.id,
            str(framework_id) if framework_id is not None else None,
            status,
            moment,
        )
        views = await info.context.loaders.mastery.load(key)
        return [Mastery.of(v, moment) for v in views]

    @strawberry.field(
        permission_classes=needs(Scope.MASTERY_READ),
        metadata={"cost_size": 50},
        description="What the student is ready to learn next: the competencies not mastered "
        "whose prerequisites all are (as shown, overrides included), in framework order.",
    )
    async def ready_to_learn(
        self, info: GraphInfo, framework_id: strawberry.ID
    ) -> list[Competency]:
        context = info.context
        ready = await context.use_cases.prerequisites.student_ready(
            context.principal, self.record.id, str(framework_id)
        )
        framework = await context.loaders.frameworks.load(str(framework_id))
        if framework is None:
            return []
        return [Competency.of(framework, item.competency) for item in ready]

    @strawberry.field(
        permission_classes=needs(Scope.MASTERY_READ),
        metadata={"cost_size": 50},
        description="Per active competency of the framework not yet mastered, the day the "
        "trend of the latest counted results reaches the mastery threshold, with its 80 % "
        "interval, or null with the reason when there is not enough evidence to claim one.",
    )
    async def forecast(self, info: GraphInfo, framework_id: strawberry.ID) -> list[Forecast]:
        key = (self.record.id, str(framework_id))
        return [Forecast.of(i) for i in await info.context.loaders.forecasts.load(key)]


@strawberry.type
class Class:
    record: strawberry.Private[r.SchoolClass]
    id: strawberry.ID
    title: str
    class_code: str | None
    class_type: str | None
    location: str | None
    grades: list[str]
    subjects: list[str]

    @classmethod
    def of(cls, record: r.SchoolClass) -> Class:
        names = ("id", "title", "class_code", "class_type", "location", "grades", "subjects")
        return cls(record=record, **copied(record, *names))

    @strawberry.field
    async def course(self, info: GraphInfo) -> Course | None:
        found = await info.context.loaders.courses.load(self.record.course_id)
        return Course.of(found) if isinstance(found, r.Course) else None

    @strawberry.field
    async def school(self, info: GraphInfo) -> Org | None:
        return org_of(await info.context.loaders.orgs.load(self.record.school_id))

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ), metadata={"cost_size": 50})
    async def students(self, info: GraphInfo) -> list[Student]:
        loaders = info.context.loaders
        ids = await loaders.students_of_class.load(self.record.id)
        return [Student.of(u) for u in await loaders.users.load_many(ids) if u is not None]

    @strawberry.field(permission_classes=needs(Scope.ROSTER_READ), metadata={"cost_size": 5})
    async def teachers(self, info: GraphInfo) -> list[Teacher]:
        loaders = info.context.loaders
        ids = await loaders.teachers_of_class.load(self.record.id)
        found = await loaders.users.load_many(ids)
        return [Teacher.of(u) for u in found if isinstance(u, r.User)]

    @strawberry.field(permission_classes=needs(Scope.MASTERY_READ))
    async def mastery_grid(
        self, info: GraphInfo, framework_id: strawberry.ID
    ) -> MasteryGrid | None:
        context = info.context
        grid = await context.use_cases.mastery.class_grid(
            context.principal, self.record.id, str(framework_id)
        )
        active = grid.competencies
        habits = decides_habits(grid.framework)
        return MasteryGrid(
            framework_id=strawberry.ID(grid.framework.id),
            competencies=[Competency.of(grid.framework, c) for c in active],
            rows=[
                MasteryGridRow(
                    student=Student.of(s),
                    mastery=[Mastery.of(grid.decisions[(s.id, c.id)]) for c in active],
                    habits_of_work=[habits_cell(grid.habits.get((s.id, c.id))) for c in active]
                    if habits
                    else [],
                )
                for s in grid.students
            ],
        )
