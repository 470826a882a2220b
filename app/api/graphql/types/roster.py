"""The roster: orgs, courses, classes, students and teachers, with their associations batched."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry

from app.api.graphql.context import GraphInfo, needs
from app.api.graphql.types.frameworks import Competency
from app.api.graphql.types.mastery import Mastery, MasteryGrid, MasteryGridRow, MasteryStatus
from app.api.utc import aware
from app.domain import reporting
from app.domain import roster as r
from app.domain.access import Scope
from app.use_cases import mastery as mastery_use


@strawberry.enum
class OrgType(Enum):
    DISTRICT = "district"
    SCHOOL = "school"
    DEPARTMENT = "department"
    LOCAL = "local"
    STATE = "state"
    NATIONAL = "national"


@strawberry.enum
class Sex(Enum):
    MALE = "male"
    FEMALE = "female"
    UNSPECIFIED = "unspecified"
    OTHER = "other"


@strawberry.enum(description="The federal reporting category, derived from the flags.")
class RaceEthnicity(Enum):
    HISPANIC_OR_LATINO = "hispanic_or_latino"
    AMERICAN_INDIAN_OR_ALASKA_NATIVE = "american_indian_or_alaska_native"
    ASIAN = "asian"
    BLACK_OR_AFRICAN_AMERICAN = "black_or_african_american"
    NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER = "native_hawaiian_or_other_pacific_islander"
    WHITE = "white"
    TWO_OR_MORE_RACES = "two_or_more_races"
    UNKNOWN = "unknown"


def _ids(values: tuple[str, ...]) -> list[str]:
    return list(values)


@strawberry.type
class Org:
    record: strawberry.Private[r.Org]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.record.id)

    @strawberry.field
    def name(self) -> str:
        return self.record.name

    @strawberry.field
    def type(self) -> OrgType:
        return OrgType(self.record.type.value)

    @strawberry.field
    def identifier(self) -> str | None:
        return self.record.identifier

    @strawberry.field
    async def parent(self, info: GraphInfo) -> Org | None:
        if self.record.parent_id is None:
            return None
        return org_of(await info.context.loaders.orgs.load(self.record.parent_id))


def org_of(record: r.RosterRecord | None) -> Org | None:
    return Org(record=record) if isinstance(record, r.Org) else None


@strawberry.type
class Course:
    record: strawberry.Private[r.Course]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.record.id)

    @strawberry.field
    def title(self) -> str:
        return self.record.title

    @strawberry.field
    def course_code(self) -> str | None:
        return self.record.course_code

    @strawberry.field
    def grades(self) -> list[str]:
        return _ids(self.record.grades)

    @strawberry.field
    def subjects(self) -> list[str]:
        return _ids(self.record.subjects)

    @strawberry.field
    async def org(self, info: GraphInfo) -> Org | None:
        return org_of(await info.context.loaders.orgs.load(self.record.org_id))


@strawberry.type
class Demographics:
    record: strawberry.Private[r.Demographics]

    @strawberry.field
    def sex(self) -> Sex | None:
        return Sex(self.record.sex.value) if self.record.sex else None

    @strawberry.field
    def birth_date(self) -> date | None:
        return self.record.birth_date

    @strawberry.field
    def race_ethnicity(self) -> RaceEthnicity:
        return RaceEthnicity(reporting.race_ethnicity(self.record).value)

    @strawberry.field
    def hispanic_or_latino(self) -> bool | None:
        return self.record.hispanic_or_latino

    @strawberry.field
    def races(self) -> list[RaceEthnicity]:
        return [RaceEthnicity(f) for f in r.RACE_FLAGS if getattr(self.record, f)]

    @strawberry.field
    def english_learner(self) -> bool | None:
        return self.record.english_learner

    @strawberry.field
    def special_education(self) -> bool | None:
        return self.record.special_education

    @strawberry.field
    def economically_disadvantaged(self) -> bool | None:
        return self.record.economically_disadvantaged


@strawberry.type
class Teacher:
    record: strawberry.Private[r.User]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.record.id)

    @strawberry.field
    def given_name(self) -> str:
        return self.record.given_name

    @strawberry.field
    def family_name(self) -> str:
        return self.record.family_name

    @strawberry.field
    def email(self) -> str | None:
        return self.record.email


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
        return cls(
            record=record,
            id=strawberry.ID(record.id),
            given_name=record.given_name,
            family_name=record.family_name,
            middle_name=record.middle_name,
            identifier=record.identifier,
            grades=list(record.grades),
        )

    @strawberry.field(**needs(Scope.ROSTER_READ), metadata={"cost_size": 3})
    async def orgs(self, info: GraphInfo) -> list[Org]:
        found = await info.context.loaders.orgs.load_many(list(self.record.org_ids))
        return [o for o in map(org_of, found) if o is not None]

    @strawberry.field(**needs(Scope.ROSTER_READ), metadata={"cost_size": 10})
    async def classes(self, info: GraphInfo) -> list[Class]:
        loaders = info.context.loaders
        ids = await loaders.classes_of_student.load(self.record.id)
        return [Class(record=c) for c in await loaders.classes.load_many(ids) if c is not None]

    @strawberry.field(**needs(Scope.ROSTER_READ))
    async def demographics(self, info: GraphInfo) -> Demographics | None:
        found = await info.context.loaders.demographics.load(self.record.id)
        return Demographics(record=found) if isinstance(found, r.Demographics) else None

    @strawberry.field(
        **needs(Scope.MASTERY_READ),
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
            status.domain() if status is not None else None,
            moment,
        )
        views = await info.context.loaders.mastery.load(key)
        return [Mastery.of(v, moment) for v in views]


@strawberry.type
class Class:
    record: strawberry.Private[r.SchoolClass]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.record.id)

    @strawberry.field
    def title(self) -> str:
        return self.record.title

    @strawberry.field
    def class_code(self) -> str | None:
        return self.record.class_code

    @strawberry.field
    def class_type(self) -> str | None:
        return self.record.class_type

    @strawberry.field
    def location(self) -> str | None:
        return self.record.location

    @strawberry.field
    def grades(self) -> list[str]:
        return _ids(self.record.grades)

    @strawberry.field
    def subjects(self) -> list[str]:
        return _ids(self.record.subjects)

    @strawberry.field
    async def course(self, info: GraphInfo) -> Course | None:
        found = await info.context.loaders.courses.load(self.record.course_id)
        return Course(record=found) if isinstance(found, r.Course) else None

    @strawberry.field
    async def school(self, info: GraphInfo) -> Org | None:
        return org_of(await info.context.loaders.orgs.load(self.record.school_id))

    @strawberry.field(**needs(Scope.ROSTER_READ), metadata={"cost_size": 50})
    async def students(self, info: GraphInfo) -> list[Student]:
        loaders = info.context.loaders
        ids = await loaders.students_of_class.load(self.record.id)
        return [Student.of(u) for u in await loaders.users.load_many(ids) if u is not None]

    @strawberry.field(**needs(Scope.ROSTER_READ), metadata={"cost_size": 5})
    async def teachers(self, info: GraphInfo) -> list[Teacher]:
        loaders = info.context.loaders
        ids = await loaders.teachers_of_class.load(self.record.id)
        found = await loaders.users.load_many(ids)
        return [Teacher(record=u) for u in found if isinstance(u, r.User)]

    @strawberry.field(**needs(Scope.MASTERY_READ))
    async def mastery_grid(
        self, info: GraphInfo, framework_id: strawberry.ID
    ) -> MasteryGrid | None:
        context = info.context
        grid = await mastery_use.class_grid(
            context.services, context.principal, self.record.id, str(framework_id)
        )
        active = [c for c in grid.framework.ordered if c.is_active]
        return MasteryGrid(
            framework_id=strawberry.ID(grid.framework.id),
            competencies=[Competency.of(grid.framework, c) for c in active],
            rows=[
                MasteryGridRow(
                    student=Student.of(s),
                    mastery=[Mastery.of(grid.decisions[(s.id, c.id)]) for c in active],
                )
                for s in grid.students
            ],
        )
