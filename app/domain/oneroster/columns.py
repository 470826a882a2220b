"""Which OneRoster column holds each field of the domain's records, per kind of record."""

from __future__ import annotations

from app.domain.roster import RosterKind

_SHARED = {"id": "sourcedId", "status": "status", "source_modified_at": "dateLastModified"}

COLUMNS: dict[RosterKind, dict[str, str]] = {
    RosterKind.ORG: {
        "name": "name",
        "type": "type",
        "identifier": "identifier",
        "parent_id": "parentSourcedId",
    },
    RosterKind.ACADEMIC_SESSION: {
        "title": "title",
        "type": "type",
        "start_date": "startDate",
        "end_date": "endDate",
        "parent_id": "parentSourcedId",
        "school_year": "schoolYear",
    },
    RosterKind.COURSE: {
        "school_year_id": "schoolYearSourcedId",
        "title": "title",
        "course_code": "courseCode",
        "grades": "grades",
        "org_id": "orgSourcedId",
        "subjects": "subjects",
    },
    RosterKind.CLASS: {
        "title": "title",
        "grades": "grades",
        "course_id": "courseSourcedId",
        "class_code": "classCode",
        "class_type": "classType",
        "location": "location",
        "school_id": "schoolSourcedId",
        "session_ids": "termSourcedIds",
        "subjects": "subjects",
    },
    RosterKind.USER: {
        "enabled": "enabledUser",
        "org_ids": "orgSourcedIds",
        "role": "role",
        "username": "username",
        "given_name": "givenName",
        "family_name": "familyName",
        "middle_name": "middleName",
        "identifier": "identifier",
        "email": "email",
        "grades": "grades",
        "primary_org_id": "primaryOrgSourcedId",
        "roles": "roles",
    },
    RosterKind.ENROLLMENT: {
        "class_id": "classSourcedId",
        "user_id": "userSourcedId",
        "role": "role",
        "primary": "primary",
        "begin_date": "beginDate",
        "end_date": "endDate",
    },
    RosterKind.DEMOGRAPHICS: {
        "birth_date": "birthDate",
        "sex": "sex",
        "american_indian_or_alaska_native": "americanIndianOrAlaskaNative",
        "asian": "asian",
        "black_or_african_american": "blackOrAfricanAmerican",
        "native_hawaiian_or_other_pacific_islander": "nativeHawaiianOrOtherPacificIslander",
        "white": "white",
        "two_or_more_races": "demographicRaceTwoOrMoreRaces",
        "hispanic_or_latino": "hispanicOrLatinoEthnicity",
        # Not in the standard's demographics: extension columns (the spec's `metadata.`
        # prefix) that carry the subgroups a district reports on.
        "english_learner": "metadata.englishLearner",
        "special_education": "metadata.specialEducation",
        "economically_disadvantaged": "metadata.economicallyDisadvantaged",
    },
}

# A role of a 1.2 user, as roles.csv spells it.
ROLE_COLUMNS = {
    "role_type": "roleType",
    "role": "role",
    "org_id": "orgSourcedId",
    "begin_date": "beginDate",
    "end_date": "endDate",
}


def column(kind: RosterKind, field: str) -> str:
    """The OneRoster column of a record's field (the field's own name when it has none)."""
    return _SHARED.get(field) or COLUMNS[kind].get(field, field)
